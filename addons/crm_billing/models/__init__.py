# -*- coding: utf-8 -*-
from . import account_invoice
from . import account_invoice_line
from . import res_company_chart
from . import res_partner_vat
from . import res_company_quote_taxes
from . import account_invoice_quote
from . import crm_quote_billing
from . import crm_billing_situation
from . import crm_billing_situation_line
from . import account_invoice_line_quote
