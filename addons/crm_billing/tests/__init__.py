# -*- coding: utf-8 -*-
from . import test_invoice_facturx
from . import test_facturx_import
from . import test_logic_dunning, test_payments, test_dunning, test_receivables_360
from . import test_cash_forecast_invoices, test_billing_access, test_receivables_demo
