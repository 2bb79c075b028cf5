# -*- coding: utf-8 -*-
from . import crm_quote_invoice_wizard
