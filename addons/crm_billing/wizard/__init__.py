# -*- coding: utf-8 -*-
from . import crm_facturx_import_wizard
from . import account_bank_statement_import
