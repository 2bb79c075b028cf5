# -*- coding: utf-8 -*-
from odoo import fields, models


class CrmTicketCategory(models.Model):
    _name = "crm.ticket.category"
    _description = "Ticket category"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company",
                                 help="Empty: shared by every company.")
    team_id = fields.Many2one("crm.helpdesk.team",
                              help="The team that handles this category first; empty: any.")
