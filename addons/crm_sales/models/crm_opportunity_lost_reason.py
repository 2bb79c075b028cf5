# -*- coding: utf-8 -*-
from odoo import fields, models


class CrmOpportunityLostReason(models.Model):
    """Why an opportunity was lost ("Price too high", "Competitor chosen").

    Named ``crm.lost.reason`` before 11.0.1.1.0, the name of Odoo's own CRM
    model: the two could not be installed in one database (migrations/)."""
    _name = "crm.opportunity.lost.reason"
    _description = "Reason an opportunity was lost"
    _order = "sequence, name"

    name = fields.Char(string="Reason", required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
