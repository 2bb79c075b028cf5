# -*- coding: utf-8 -*-
from odoo import fields, models


class CrmTicketTag(models.Model):
    _name = "crm.ticket.tag"
    _description = "Ticket tag"
    _order = "name"

    name = fields.Char(required=True, translate=True)
    color = fields.Integer()
    active = fields.Boolean(default=True)

    _sql_constraints = [("crm_ticket_tag_name_unique", "UNIQUE(name)",
                         "A tag with this name already exists.")]
