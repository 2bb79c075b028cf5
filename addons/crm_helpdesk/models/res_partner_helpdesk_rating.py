# -*- coding: utf-8 -*-
"""The counts of the customer's ratings and NPS answers on its 360° record
(the sources are on crm.ticket and crm.helpdesk.nps.response)."""
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    crm_ticket_rating_count = fields.Integer(string="Ratings",
                                             compute="_compute_crm_timeline_counts")
    crm_nps_response_count = fields.Integer(string="NPS answers",
                                            compute="_compute_crm_timeline_counts")
