# -*- coding: utf-8 -*-
from odoo import SUPERUSER_ID, api


def post_init_hook(cr, registry):
    """The working time calendars of French companies get this year's and
    next year's French public holidays (the cron adds the next ones yearly)."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["resource.calendar"]._crm_cron_french_public_holidays()
