# -*- coding: utf-8 -*-
"""Custom fields without code.

An admin (group CRM Manager) adds a field to a model open to custom fields
(see crm.custom.field.mixin, the hook other addons use): this creates the real
``ir.model.fields`` record (state "manual", name ``x_crm_...``, so Odoo adds the
column) and keeps three generated inherited views per model up to date (form,
search, list) so the field shows at once, without a module update.

Manual fields have no xml id: updating crm_base keeps them, their columns and
the generated views (tested in tests/test_custom_fields.py).
"""
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..logic import custom_fields as logic

FIELD_TYPE_SELECTION = [
    ("char", "Text (one line)"),
    ("text", "Text (several lines)"),
    ("integer", "Whole number"),
    ("float", "Decimal number"),
    ("date", "Date"),
    ("datetime", "Date and time"),
    ("selection", "Choice list"),
    ("boolean", "Yes/No"),
    ("partner", "Link to a contact"),
    ("user", "Link to a user"),
    ("tags", "Tags"),
]
VIEW_TYPES = ("form", "search", "tree")


class CrmCustomField(models.Model):
    _name = "crm.custom.field"
    _description = "Custom field"
    _order = "model_id, sequence, id"

    name = fields.Char(
        string="Label", required=True,
        help="Label shown on the form, in the list and in the search.")
    field_name = fields.Char(
        string="Technical name", readonly=True, copy=False,
        help="Name of the field in the database, made from the label when the field is "
             "created; it does not change afterwards.")
    model_id = fields.Many2one(
        "ir.model", string="Applies to", required=True, ondelete="cascade",
        domain=lambda self: [("model", "in", list(self._crm_custom_field_models()))],
        default=lambda self: self.env["ir.model"]._get("res.partner"),
        help="The kind of records that get this field.")
    model = fields.Char(related="model_id.model", string="Model name", readonly=True, store=True)
    field_type = fields.Selection(
        FIELD_TYPE_SELECTION, string="Type", required=True, default="char",
        help="Kind of value. It cannot be changed once the field is created.")
    option_ids = fields.One2many(
        "crm.custom.field.option", "custom_field_id", string="Choices", copy=True,
        help="Choices of a choice list, or the tags that can be put on a record.")
    required = fields.Boolean(
        string="Required on the form",
        help="The form cannot be saved without a value. Records created by an import or "
             "by other apps are not blocked.")
    help_text = fields.Text(string="Help", help="Explanation shown when hovering the label.")
    sequence = fields.Integer(default=10, help="Order of the fields on the form.")
    show_in_list = fields.Boolean(string="Show in list", help="Adds a column to the list view.")
    filterable = fields.Boolean(
        default=True,
        help="Search on it from the search bar; yes/no fields get a filter, choice lists, "
             "links and dates a 'Group by'.")
    ir_field_id = fields.Many2one(
        "ir.model.fields", string="Field", readonly=True, copy=False, ondelete="cascade")

    _sql_constraints = [
        ("field_name_model_unique", "unique(model_id, field_name)",
         "A custom field with this technical name already exists on this model."),
    ]

    # ------------------------------------------------------------ the hook

    @api.model
    def _crm_custom_field_models(self):
        """{model name: {"form": xmlid, "search": xmlid, "tree": xmlid, ...}} of the
        models that inherit crm.custom.field.mixin (installed addons only)."""
        result = {}
        mixin = self.env.registry.get("crm.custom.field.mixin")
        for name in (mixin._inherit_children if mixin is not None else ()):
            model = self.env.registry.get(name)
            if model is not None and not model._abstract and model._crm_custom_field_views:
                result[name] = dict(model._crm_custom_field_views)
        return result

    # ------------------------------------------------------------ checks

    @api.model
    def _label_error_message(self, code):
        messages = {
            "empty": _("The label of a custom field cannot be empty."),
            "too_long": _("The label of a custom field must have at most %d characters.")
            % logic.MAX_LABEL_LENGTH,
            "no_letter": _("The label of a custom field must contain at least one letter "
                           "or digit."),
            "no_free_name": _("No technical name is free for this label: choose another one."),
        }
        return messages[code]

    @api.model
    def _check_label(self, label):
        try:
            return logic.check_label(label)
        except logic.LabelError as error:
            raise ValidationError(self._label_error_message(error.code))

    @api.constrains("model_id")
    def _check_model_is_customizable(self):
        allowed = self._crm_custom_field_models()
        for record in self:
            if record.model_id.model not in allowed:
                raise ValidationError(_(
                    "Custom fields cannot be added to %s: this kind of record is not open "
                    "to custom fields.") % record.model_id.name)

    @api.constrains("field_type", "option_ids")
    def _check_options(self):
        for record in self:
            if record.field_type == "selection" and not record.option_ids:
                raise ValidationError(_(
                    "The choice list \"%s\" needs at least one choice.") % record.name)

    @api.onchange("name")
    def _onchange_name_preview(self):
        """Show the technical name the field will get."""
        if self.ir_field_id or not self.name or not self.model_id:
            return
        try:
            self.field_name = logic.technical_name(
                self.name, self._taken_names(self.model_id.model))
        except logic.LabelError:
            self.field_name = False

    @api.model
    def _taken_names(self, model_name):
        taken = set(self.env[model_name]._fields)
        taken.update(self.env["ir.model.fields"].sudo().search(
            [("model", "=", model_name)]).mapped("name"))
        return taken

    # ------------------------------------------------------------ CRUD

    def _check_manager(self):
        # the real fields and views are written as superuser: check the rights first
        if not self.env.user._is_superuser() and \
                not self.env.user.has_group("crm_base.group_crm_manager"):
            raise AccessError(_("Only CRM managers can add, change or remove custom fields."))

    @api.model
    def create(self, vals):
        self._check_manager()
        self.check_access_rights("create")
        vals = dict(vals)
        vals["name"] = self._check_label(vals.get("name"))
        model_id = vals.get("model_id") or self.default_get(["model_id"]).get("model_id")
        model = self.env["ir.model"].browse(model_id)
        if model.model not in self._crm_custom_field_models():
            raise ValidationError(_(
                "Custom fields cannot be added to %s: this kind of record is not open to "
                "custom fields.") % (model.name or _("this model")))
        vals["model_id"] = model.id
        try:
            vals["field_name"] = logic.technical_name(vals["name"], self._taken_names(model.model))
        except logic.LabelError as error:
            raise ValidationError(self._label_error_message(error.code))
        record = super(CrmCustomField, self).create(vals)
        record._create_ir_field()
        record._update_views(record.model)
        return record

    def write(self, vals):
        self._check_manager()
        self.check_access_rights("write")
        vals = dict(vals)
        if "name" in vals:
            vals["name"] = self._check_label(vals["name"])
        for record in self:
            if "model_id" in vals and vals["model_id"] != record.model_id.id:
                raise UserError(_("The record type of a custom field cannot be changed: "
                                  "remove the field and add a new one."))
            if "field_type" in vals and vals["field_type"] != record.field_type:
                raise UserError(_("The type of a custom field cannot be changed: remove the "
                                  "field and add a new one."))
        vals.pop("field_name", None)
        res = super(CrmCustomField, self).write(vals)
        if {"name", "help_text", "option_ids"} & set(vals):
            for record in self:
                record._sync_ir_field()
        if {"name", "required", "sequence", "show_in_list", "filterable"} & set(vals):
            for model_name in set(self.mapped("model")):
                self._update_views(model_name)
        return res

    def unlink(self):
        """Remove the fields, their values and their place in the views.

        The screen asks first through crm.custom.field.remove.wizard."""
        self._check_manager()
        self.check_access_rights("unlink")
        model_names = set(self.mapped("model"))
        ir_fields = self.sudo().mapped("ir_field_id")
        # the views must stop showing the fields before Odoo lets them go
        for model_name in model_names:
            self._update_views(model_name, exclude=self)
        # the choices go with the custom field (ondelete cascade)
        res = super(CrmCustomField, self).unlink()
        if ir_fields:
            ir_fields.unlink()      # drops the columns and the tags tables
        return res

    # ------------------------------------------------------------ the real field

    def _ir_field_values(self):
        self.ensure_one()
        ttype, relation = logic.FIELD_TYPES[self.field_type]
        model = self.env[self.model]
        values = {
            "field_description": self.name,
            "help": self.help_text or False,
            "ttype": ttype,
            "relation": relation or False,
            "copy": ttype != "many2many",
        }
        if ttype == "selection":
            values["selection"] = self._selection_value()
        if ttype == "many2one":
            values["on_delete"] = "set null"
        if ttype == "many2many":
            values.update({
                "relation_table": logic.relation_table(model._table, self.field_name),
                "column1": "%s_id" % model._table,
                "column2": "option_id",
                "domain": repr([("custom_field_id", "=", self.id)]),
            })
        return values

    def _selection_value(self):
        self.ensure_one()
        return logic.selection_value(
            [(option.value, option.name) for option in self.option_ids.sorted(
                lambda o: (o.sequence, o.id))])

    def _create_ir_field(self):  # pylint: disable=missing-return
        self.ensure_one()
        if not logic.is_safe_name(self.field_name):
            raise ValidationError(_("The technical name %s is not valid.") % self.field_name)
        values = dict(self._ir_field_values(),
                      name=self.field_name, state="manual",
                      model_id=self.model_id.id)
        # source terms (lang None): the label is the admin's own text, in every language
        ir_field = self.env["ir.model.fields"].sudo().with_context(lang=None).create(values)
        # the link only: our write() would sync the field it has just created
        super(CrmCustomField, self).write(  # pylint: disable=super-method-mismatch
            {"ir_field_id": ir_field.id})

    def _sync_ir_field(self):
        """Write label, help and choices to the real field when they changed."""
        self.ensure_one()
        ir_field = self.sudo().ir_field_id.with_context(lang=None)
        if not ir_field:
            return
        wanted = self._ir_field_values()
        changes = {key: wanted[key] for key in ("field_description", "help", "selection")
                   if key in wanted and (ir_field[key] or False) != (wanted[key] or False)}
        if changes:
            ir_field.write(changes)

    # ------------------------------------------------------------ the views

    def _view_field_data(self):
        return [{
            "name": record.field_name,
            "type": record.field_type,
            "label": record.name,
            "required": record.required,
            "show_in_list": record.show_in_list,
            "filterable": record.filterable,
            "custom_field_id": record.id,
        } for record in self]

    @api.model
    def _generated_view_name(self, model_name, view_type):
        return "crm.custom.fields.%s.%s" % (model_name, view_type)

    @api.model
    def _update_views(self, model_name, exclude=None):
        """Rebuild the generated inherited views of ``model_name`` from its custom fields."""
        config = self._crm_custom_field_models().get(model_name, {})
        records = self.sudo().search([("model", "=", model_name)])
        if exclude:
            records -= exclude
        records = records.filtered("ir_field_id").sorted(lambda r: (r.sequence, r.id))
        data = records._view_field_data()
        View = self.env["ir.ui.view"].sudo().with_context(lang=None)
        for view_type in VIEW_TYPES:
            name = self._generated_view_name(model_name, view_type)
            view = View.search([("name", "=", name), ("model", "=", model_name),
                                ("type", "=", view_type)])
            parent = config.get(view_type) and self.env.ref(config[view_type],
                                                            raise_if_not_found=False)
            if not data or not parent:
                view.unlink()
                continue
            if view_type == "form":
                arch = logic.form_arch(data, with_page=config.get("form_page", True))
            elif view_type == "search":
                arch = logic.search_arch(data)
            else:
                arch = logic.tree_arch(data)
            if view:
                view.write({"arch": arch, "inherit_id": parent.id})
            else:
                View.create({
                    "name": name, "model": model_name, "type": view_type,
                    "mode": "extension", "inherit_id": parent.id, "arch": arch,
                    # after the addons' own extensions
                    "priority": 99,
                })

    # ------------------------------------------------------------ actions

    def _count_records_with_value(self):
        """How many records have a value in this field (a "yes" for yes/no fields)."""
        self.ensure_one()
        if not self.ir_field_id or self.field_name not in self.env[self.model]._fields:
            return 0
        Model = self.env[self.model].sudo().with_context(active_test=False)
        return Model.search_count([(self.field_name, "!=", False)])

    def _count_records_with_option(self, option):
        self.ensure_one()
        if not self.ir_field_id or self.field_name not in self.env[self.model]._fields:
            return 0
        Model = self.env[self.model].sudo().with_context(active_test=False)
        return Model.search_count([(self.field_name, "=", option.value)])

    def action_apply(self):
        """Reload the web client so that the screens show the fields as they are now."""
        return {"type": "ir.actions.client", "tag": "reload"}

    def action_remove(self):
        self.ensure_one()
        wizard = self.env["crm.custom.field.remove.wizard"].create({"custom_field_id": self.id})
        return {
            "type": "ir.actions.act_window",
            "name": _("Remove a custom field"),
            "res_model": "crm.custom.field.remove.wizard",
            "res_id": wizard.id,
            "view_mode": "form",
            "target": "new",
        }
