# -*- coding: utf-8 -*-
from . import account_bank_statement_import
