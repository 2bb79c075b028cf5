# -*- coding: utf-8 -*-
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    crm_ticket_count = fields.Integer(string="Tickets", compute="_compute_crm_timeline_counts")
