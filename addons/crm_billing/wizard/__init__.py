# -*- coding: utf-8 -*-
from . import crm_facturx_import_wizard
from . import account_bank_statement_import
from . import crm_quote_invoice_wizard
