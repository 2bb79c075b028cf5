# -*- coding: utf-8 -*-
"""Confirmation of an RGPD erasure: the manager types the contact's name (or,
for several contacts, how many they are) before anything is erased."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError


def _normalized(text):
    return " ".join((text or "").split()).casefold()


class CrmRgpdErase(models.TransientModel):
    _name = "crm.rgpd.erase"
    _description = "Erase personal data"

    partner_ids = fields.Many2many(
        "res.partner", "crm_rgpd_erase_partner_rel", "wizard_id", "partner_id",
        string="Contacts", required=True)
    partner_count = fields.Integer(string="Number of contacts", compute="_compute_expected")
    expected_confirmation = fields.Char(string="To type", compute="_compute_expected")
    confirmation = fields.Char()
    warning = fields.Text(compute="_compute_expected")

    @api.model
    def default_get(self, field_names):
        values = super(CrmRgpdErase, self).default_get(field_names)
        context = self.env.context
        if "partner_ids" in field_names and not values.get("partner_ids") \
                and context.get("active_model") == "res.partner" and context.get("active_ids"):
            values["partner_ids"] = [(6, 0, context["active_ids"])]
        return values

    @api.depends("partner_ids")
    def _compute_expected(self):
        for wizard in self:
            count = len(wizard.partner_ids)
            wizard.partner_count = count
            if count == 1:
                wizard.expected_confirmation = wizard.partner_ids.name
                wizard.warning = _(
                    "The name, contact details, address, photo, notes and custom fields of %s "
                    "will be erased, as well as the contents of their emails and notes, their "
                    "documents and their place in meetings. Documents the law says to keep "
                    "(invoices) are kept with the name replaced. This cannot be undone. "
                    "Type the name of the contact to confirm.") % wizard.partner_ids.name
            else:
                wizard.expected_confirmation = str(count)
                wizard.warning = _(
                    "The personal data of these %d contacts will be erased: names, contact "
                    "details, addresses, photos, notes, custom fields, the contents of their "
                    "emails and notes, their documents and their place in meetings. Documents "
                    "the law says to keep (invoices) are kept with the names replaced. This "
                    "cannot be undone. Type the number of contacts to confirm.") % count

    def action_erase(self):
        self.ensure_one()
        partners = self.partner_ids
        partners._crm_rgpd_check_manager()
        if not partners:
            raise UserError(_("Choose the contacts to erase."))
        if _normalized(self.confirmation) != _normalized(self.expected_confirmation):
            if len(partners) == 1:
                raise UserError(_(
                    "The confirmation does not match: type the name of the contact, "
                    "\"%s\", to erase it.") % self.expected_confirmation)
            raise UserError(_(
                "The confirmation does not match: type the number of contacts, %s, "
                "to erase them.") % self.expected_confirmation)
        logs = partners._crm_rgpd_erase()
        # the name typed must not stay in the database either
        self.write({"confirmation": False})
        return {
            "type": "ir.actions.act_window",
            "name": _("Erasure done"),
            "res_model": "crm.rgpd.log",
            "view_mode": "tree,form",
            "views": [(False, "tree"), (False, "form")],
            "domain": [("id", "in", logs.ids)],
            "target": "current",
        }
