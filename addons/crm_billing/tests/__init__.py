# -*- coding: utf-8 -*-
from . import test_invoice_facturx
from . import test_facturx_import
