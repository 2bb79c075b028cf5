# -*- coding: utf-8 -*-
"""Plain Python of crm_sales (no odoo import): tested with plain pytest."""
