# -*- coding: utf-8 -*-
from odoo import fields, models

# the targets of logic/import_mapping.py, as the user reads them
IMPORT_TARGETS = [
    ("name", "Name"),
    ("first_name", "First name"),
    ("last_name", "Last name"),
    ("parent_name", "Company (of a person)"),
    ("function", "Job position"),
    ("email", "Email"),
    ("phone", "Phone"),
    ("mobile", "Mobile"),
    ("street", "Street"),
    ("street2", "Street 2"),
    ("zip", "ZIP code"),
    ("city", "City"),
    ("state", "State"),
    ("country", "Country"),
    ("website", "Website"),
    ("vat", "VAT number"),
    ("siren", "SIREN"),
    ("siret", "SIRET"),
    ("naf_code", "NAF/APE code"),
    ("legal_form", "Legal form"),
    ("ref", "Internal reference"),
    ("date", "Date"),
    ("comment", "Notes"),
]


class CrmImportWizardLine(models.TransientModel):
    """One column of the imported file and the contact field it fills."""
    _name = "crm.import.wizard.line"
    _description = "Column of an imported file"
    _order = "column_index"

    wizard_id = fields.Many2one("crm.import.wizard", required=True, ondelete="cascade")
    column_index = fields.Integer(string="#", required=True, readonly=True)
    header = fields.Char(string="Column", readonly=True)
    target = fields.Selection(IMPORT_TARGETS, string="Imported into",
                              help="Leave empty to ignore the column.")
    sample = fields.Char(string="Sample values", readonly=True)
