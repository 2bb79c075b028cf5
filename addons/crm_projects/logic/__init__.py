# -*- coding: utf-8 -*-
"""Plain Python algorithms of crm_projects (no odoo import)."""
