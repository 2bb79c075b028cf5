# -*- coding: utf-8 -*-
"""Install hook: every French company gets the French chart of accounts,
French invoice numbers and VAT rounded per rate
(res.company._crm_billing_setup_french_companies).

l10n_fr loads its chart (PCG) for the installing user's company only, and only
when that company has none; a database where other French companies exist
would leave them without taxes or journals, so invoices could not be made.
"""
from odoo import SUPERUSER_ID, api


def post_init_hook(cr, registry):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.company"]._crm_billing_setup_french_companies()
