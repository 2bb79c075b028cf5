# -*- coding: utf-8 -*-
from odoo import fields, models


class CrmHelpdeskSla(models.Model):
    """An SLA policy: the time a team promises, in its business hours, to
    answer and to solve the tickets it matches (team, and optionally priority
    and category). The most specific policy of the team applies to a ticket."""
    _name = "crm.helpdesk.sla"
    _description = "SLA policy"
    _order = "team_id, sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    team_id = fields.Many2one("crm.helpdesk.team", required=True, ondelete="cascade",
                              index=True)
    company_id = fields.Many2one(related="team_id.company_id", store=True, readonly=True)
    priority = fields.Selection(
        [("0", "Low"), ("1", "Normal"), ("2", "High"), ("3", "Urgent")],
        help="Empty: every priority.")
    category_id = fields.Many2one("crm.ticket.category",
                                  help="Empty: every category.")
    response_hours = fields.Float(string="First response within (business hours)")
    resolution_hours = fields.Float(string="Resolution within (business hours)")
    warning_percent = fields.Integer(
        string="Warn at (% of the time used)", default=80,
        help="The ticket shows 'at risk' and its assignee is warned when this share of "
             "the time is used.")
