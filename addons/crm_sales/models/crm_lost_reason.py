# -*- coding: utf-8 -*-
from odoo import fields, models


class CrmLostReason(models.Model):
    _name = "crm.lost.reason"
    _description = "Reason an opportunity was lost"
    _order = "sequence, name"

    name = fields.Char(string="Reason", required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
