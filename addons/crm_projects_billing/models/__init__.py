# -*- coding: utf-8 -*-
from . import project_project_billing, account_analytic_line_billing
from . import crm_project_expense_billing, account_invoice_project
