# -*- coding: utf-8 -*-
from odoo import fields, models

OUTCOMES = [
    ("new", "New"),
    ("update", "Updates a contact"),
    ("merge", "Merged with an earlier row"),
    ("skip", "Duplicate, skipped"),
    ("create", "Duplicate, created anyway"),
    ("error", "Error"),
]


class CrmImportWizardPreview(models.TransientModel):
    """A row of the file as it will be imported."""
    _name = "crm.import.wizard.preview"
    _description = "Preview of an imported row"
    _order = "line_number"

    wizard_id = fields.Many2one("crm.import.wizard", required=True, ondelete="cascade")
    line_number = fields.Integer(string="Row", readonly=True)
    name = fields.Char(readonly=True)
    email = fields.Char(readonly=True)
    phone = fields.Char(readonly=True)
    city = fields.Char(readonly=True)
    country_id = fields.Many2one("res.country", readonly=True)
    siret = fields.Char(string="SIRET", readonly=True)
    parent_name = fields.Char(string="Company", readonly=True)
    outcome = fields.Selection(OUTCOMES, readonly=True)
    message = fields.Char(string="Details", readonly=True)
