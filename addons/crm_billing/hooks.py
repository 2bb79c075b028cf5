# -*- coding: utf-8 -*-
"""Install hook: every French company gets the French chart of accounts.

l10n_fr loads its chart (PCG) for the installing user's company only, and only
when that company has none; a database where other French companies exist
would leave them without taxes or journals, so invoices could not be made.
"""
from odoo import SUPERUSER_ID, api


def post_init_hook(cr, registry):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.company"]._crm_billing_load_french_chart()
    # invoices FAC/<year>/00001, credit notes AV/<year>/00001 (the companies
    # whose chart was loaded before crm_billing; later ones get it with their
    # chart, account_chart_template.py)
    env["res.company"].search([])._crm_billing_set_invoice_numbering()
    env["res.company"]._crm_billing_round_vat_globally()
