# -*- coding: utf-8 -*-
from . import models
from . import wizard
from . import controllers

from odoo import SUPERUSER_ID, api


def uninstall_hook(cr, registry):
    """Remove the custom fields before the module's models go.

    A custom "tags" field points to a model of crm_base: left behind, it would
    break the loading of the registry once crm_base is uninstalled.
    """
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["crm.custom.field"].search([]).unlink()
