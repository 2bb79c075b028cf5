# -*- coding: utf-8 -*-
"""What a contact consents to: newsletter, commercial emails, calls..."""
from odoo import fields, models


class CrmConsentPurpose(models.Model):
    _name = "crm.consent.purpose"
    _description = "Consent purpose"
    _order = "sequence, id"

    name = fields.Char(string="Purpose", required=True, translate=True)
    code = fields.Char(
        required=True,
        help="Used by the other addons of the suite (e.g. the newsletter of the "
             "marketing addon asks for the consent \"newsletter\"): keep it.")
    description = fields.Text(
        translate=True,
        help="What the contact agrees to, as it is told to them.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "Another consent purpose already has this code."),
    ]
