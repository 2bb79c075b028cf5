# -*- coding: utf-8 -*-
from odoo import models


class ResPartner(models.Model):
    """Companies and people are open to custom fields (see crm.custom.field.mixin)."""
    _name = "res.partner"
    _inherit = ["res.partner", "crm.custom.field.mixin"]

    _crm_custom_field_views = {
        # base.view_partner_form extended with the "Custom fields" page
        "form": "crm_base.res_partner_view_form_custom_fields",
        "search": "base.view_res_partner_filter",
        "tree": "base.view_partner_tree",
    }
