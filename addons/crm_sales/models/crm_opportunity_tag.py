# -*- coding: utf-8 -*-
from odoo import fields, models


class CrmOpportunityTag(models.Model):
    _name = "crm.opportunity.tag"
    _description = "Opportunity tag"
    _order = "name"

    name = fields.Char(string="Tag", required=True, translate=True)
    color = fields.Integer()

    _sql_constraints = [("name_uniq", "unique (name)", "This tag already exists.")]
