# -*- coding: utf-8 -*-
from . import test_fec_export, test_logic_supplier_order
from . import test_invoice_inalterability
from . import test_invoice_numbering
from . import test_supplier_order
