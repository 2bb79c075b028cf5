# -*- coding: utf-8 -*-
from . import crm_ticket_project, account_analytic_line_ticket
