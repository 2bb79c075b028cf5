# -*- coding: utf-8 -*-
"""Plain Python for crm_billing (no odoo import): amounts, documents, matching."""
