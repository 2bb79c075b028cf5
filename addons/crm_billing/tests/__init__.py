# -*- coding: utf-8 -*-
from . import test_invoice_facturx
from . import test_facturx_import
from . import test_logic_dunning, test_payments, test_dunning, test_receivables_360
from . import test_cash_forecast_invoices, test_billing_access, test_receivables_demo
from . import test_fec_export, test_logic_supplier_order
from . import test_invoice_inalterability
from . import test_invoice_numbering
from . import test_supplier_order
from . import test_quote_deposits, test_quote_progress
