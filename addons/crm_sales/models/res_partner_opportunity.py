# -*- coding: utf-8 -*-
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    crm_opportunity_count = fields.Integer(
        string="Opportunities", compute="_compute_crm_timeline_counts")
