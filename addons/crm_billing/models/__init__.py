# -*- coding: utf-8 -*-
from . import account_invoice
from . import account_invoice_line
from . import res_company_chart
from . import res_partner_vat
from . import account_invoice_legal
from . import account_invoice_facturx
from . import account_invoice_facturx_import
from . import ir_actions_report_facturx
from . import res_company_legal
from . import account_fiscal_position_domestic
from . import account_bank_statement_matching
from . import crm_bank_csv_mapping
from . import crm_bank_match_proposal
