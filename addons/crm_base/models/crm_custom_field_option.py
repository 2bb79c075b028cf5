# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..logic import custom_fields as logic


class CrmCustomFieldOption(models.Model):
    """A choice of a custom choice list, or a tag of a custom tags field."""
    _name = "crm.custom.field.option"
    _description = "Choice of a custom field"
    _order = "custom_field_id, sequence, id"

    name = fields.Char(string="Label", required=True, translate=False)
    value = fields.Char(
        string="Key", readonly=True, copy=False,
        help="Value stored in the database, made from the label when the choice is created.")
    sequence = fields.Integer(default=10)
    custom_field_id = fields.Many2one(
        "crm.custom.field", string="Custom field", required=True, ondelete="cascade", index=True)

    _sql_constraints = [
        ("value_unique", "unique(custom_field_id, value)",
         "Two choices of a custom field cannot have the same key."),
    ]

    @api.model
    def create(self, vals):
        vals = dict(vals)
        vals["name"] = (vals.get("name") or "").strip()
        if not vals["name"]:
            raise ValidationError(_("A choice needs a label."))
        taken = self.search([("custom_field_id", "=", vals.get("custom_field_id"))]).mapped("value")
        vals["value"] = logic.option_key(vals["name"], taken)
        option = super(CrmCustomFieldOption, self).create(vals)
        option.custom_field_id._sync_ir_field()
        return option

    def write(self, vals):
        vals = dict(vals)
        vals.pop("value", None)     # the key of stored values never changes
        if "custom_field_id" in vals and any(
                o.custom_field_id.id != vals["custom_field_id"] for o in self):
            raise UserError(_("A choice cannot be moved to another custom field."))
        if "name" in vals:
            vals["name"] = (vals["name"] or "").strip()
            if not vals["name"]:
                raise ValidationError(_("A choice needs a label."))
        res = super(CrmCustomFieldOption, self).write(vals)
        if {"name", "sequence"} & set(vals):
            for custom_field in self.mapped("custom_field_id"):
                custom_field._sync_ir_field()
        return res

    def unlink(self):
        custom_fields = self.mapped("custom_field_id")
        for option in self.filtered(lambda o: o.custom_field_id.field_type == "selection"):
            used = option.custom_field_id._count_records_with_option(option)
            if used:
                raise UserError(_(
                    "The choice \"%(choice)s\" is used by %(count)d record(s): change them "
                    "before removing it.") % {"choice": option.name, "count": used})
        res = super(CrmCustomFieldOption, self).unlink()
        for custom_field in custom_fields.exists():
            if custom_field.field_type == "selection" and not custom_field.option_ids:
                raise ValidationError(_(
                    "The choice list \"%s\" needs at least one choice.") % custom_field.name)
            custom_field._sync_ir_field()
        return res
