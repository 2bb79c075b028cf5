# -*- coding: utf-8 -*-
from . import account_invoice
from . import account_invoice_line
from . import res_company_chart
from . import res_partner_vat
from . import account_invoice_dunning
from . import account_invoice_timeline
from . import crm_billing_aged_receivable
from . import crm_dunning_level
from . import crm_opportunity_billing
from . import crm_sales_cash_forecast_invoice
from . import res_partner_receivables
