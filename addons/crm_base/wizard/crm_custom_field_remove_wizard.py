# -*- coding: utf-8 -*-
from odoo import _, api, fields, models


class CrmCustomFieldRemoveWizard(models.TransientModel):
    """Asks before removing a custom field, saying how many records lose a value."""
    _name = "crm.custom.field.remove.wizard"
    _description = "Remove a custom field"

    custom_field_id = fields.Many2one(
        "crm.custom.field", string="Custom field", required=True, ondelete="cascade")
    record_count = fields.Integer(
        string="Records with a value", compute="_compute_record_count")
    message = fields.Text(compute="_compute_record_count")

    @api.depends("custom_field_id")
    def _compute_record_count(self):
        for wizard in self:
            custom_field = wizard.custom_field_id
            count = custom_field._count_records_with_value() if custom_field else 0
            wizard.record_count = count
            if not custom_field:
                wizard.message = False
            elif count:
                wizard.message = _(
                    "%(count)d record(s) have a value in the field \"%(field)s\". Removing "
                    "the field deletes these values for good; they cannot be recovered.") % {
                    "count": count, "field": custom_field.name}
            else:
                wizard.message = _(
                    "No record has a value in the field \"%s\". It will disappear from "
                    "the screens.") % custom_field.name

    def action_confirm(self):
        self.ensure_one()
        self.custom_field_id.unlink()
        # reload the web client: its screens must forget the removed field
        return {"type": "ir.actions.client", "tag": "reload"}
