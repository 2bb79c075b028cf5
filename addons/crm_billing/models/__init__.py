# -*- coding: utf-8 -*-
from . import account_invoice
from . import account_invoice_line
from . import res_company_chart
from . import res_partner_vat
from . import account_chart_template
from . import account_invoice_inalterability
from . import account_invoice_line_supplier_order
from . import account_invoice_supplier_order
from . import account_invoice_tax
from . import account_journal_numbering
from . import crm_supplier_order
from . import crm_supplier_order_line
from . import crm_supplier_receipt
from . import crm_supplier_receipt_line
from . import res_company_numbering
from . import account_invoice_fec
