# -*- coding: utf-8 -*-
from odoo import fields, models

# What a stage means for the SLA clock, the customer and the reports
STAGE_STATES = [
    ("new", "New"),                        # not yet taken: the first-response clock runs
    ("progress", "In progress"),           # someone works on it
    ("waiting", "Waiting for the customer"),  # the SLA clocks are paused
    ("solved", "Solved"),                  # closed: the rating request leaves
    ("cancelled", "Cancelled"),            # closed without a solution (spam, duplicate)
]
CLOSED_STATES = ("solved", "cancelled")


class CrmTicketStage(models.Model):
    _name = "crm.ticket.stage"
    _description = "Ticket stage"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    state = fields.Selection(
        STAGE_STATES, required=True, default="progress",
        help="What the stage means: 'Waiting for the customer' pauses the SLA clocks; "
             "'Solved' and 'Cancelled' close the ticket.")
    fold = fields.Boolean(string="Folded in Kanban")
    team_ids = fields.Many2many(
        "crm.helpdesk.team", "crm_helpdesk_team_stage_rel", "stage_id", "team_id",
        string="Teams", help="The teams that use this stage; none: every team.")
    description = fields.Text(translate=True)
