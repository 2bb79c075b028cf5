# -*- coding: utf-8 -*-
from odoo import fields, models

IMPORT_TYPES = [("company", "Companies"), ("person", "People")]
DEDUP_RULES = [
    ("email", "Same email"),
    ("siret", "Same SIRET"),
    ("name_city", "Same name and city"),
    ("none", "No duplicate check"),
]
DUPLICATE_ACTIONS = [
    ("update", "Update the existing contact"),
    ("skip", "Skip the row"),
    ("create", "Create anyway"),
]


class CrmImportRun(models.Model):
    """One contact import: what was asked, what happened, and the error report."""
    _name = "crm.import.run"
    _description = "Contact import"
    _order = "create_date desc, id desc"

    name = fields.Char(string="File", required=True, readonly=True)
    user_id = fields.Many2one("res.users", string="Imported by", required=True, readonly=True,
                              default=lambda self: self.env.user, index=True)
    company_id = fields.Many2one("res.company", readonly=True,
                                 default=lambda self: self.env.user.company_id)
    import_type = fields.Selection(IMPORT_TYPES, string="Contacts", required=True, readonly=True)
    dedup_rule = fields.Selection(DEDUP_RULES, string="Duplicates are", readonly=True)
    duplicate_action = fields.Selection(DUPLICATE_ACTIONS, string="On a duplicate", readonly=True)
    state = fields.Selection([
        ("done", "Imported"),
        ("failed", "Nothing imported"),
    ], string="Outcome", required=True, readonly=True)
    row_count = fields.Integer(string="Rows in the file", readonly=True)
    created_count = fields.Integer(string="Created", readonly=True)
    updated_count = fields.Integer(string="Updated", readonly=True)
    skipped_count = fields.Integer(string="Skipped", readonly=True)
    error_count = fields.Integer(string="Rows with errors", readonly=True)
    duration = fields.Float(string="Duration (s)", readonly=True, digits=(16, 1))
    message = fields.Text(string="Summary", readonly=True)
    report_file = fields.Binary(string="Error report", attachment=True, readonly=True,
                                help="CSV file: row, column, value and reason of each error.")
    report_file_name = fields.Char(string="Report file name", readonly=True)
