# -*- coding: utf-8 -*-
from odoo import fields, models


class CrmRelationshipType(models.Model):
    """What a contact is for the company: prospect, client, supplier, partner...

    A contact can be several at once. Managers may add their own types; the
    five of data/crm_relationship_type_data.xml carry a code that the saved
    filters and the other addons of the suite rely on."""
    _name = "crm.relationship.type"
    _description = "Relationship type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        copy=False,
        help="Technical key used by the saved filters and the other addons (e.g. client). "
             "Leave it empty for your own types.")
    sequence = fields.Integer(default=10)
    color = fields.Integer(string="Color index")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Another relationship type already has this code."),
    ]
