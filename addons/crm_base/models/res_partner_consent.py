# -*- coding: utf-8 -*-
"""Consents of a contact (RGPD): ``crm_consent_ids`` (the history) and
``crm_consent_current_ids`` (the state today, one per purpose), the purposes
granted today (``crm_consent_granted_purpose_ids``, searchable), and
``_crm_consent_state("newsletter")`` / ``_crm_has_consent("newsletter")``.

An addon that writes to contacts for a purpose asks
``partner._crm_has_consent(code)`` first; a purpose is a
``crm.consent.purpose`` record found by its code, so an addon adds its own
purposes as data.
"""
from odoo import _, api, fields, models
from odoo.osv.expression import NEGATIVE_TERM_OPERATORS, TERM_OPERATORS_NEGATION


class ResPartner(models.Model):
    _inherit = "res.partner"

    crm_consent_ids = fields.One2many("crm.consent", "partner_id", string="Consent history")
    crm_consent_current_ids = fields.One2many(
        "crm.consent", "partner_id", string="Consents", domain=[("is_current", "=", True)],
        help="The consent of the contact today, one line per purpose.")
    crm_consent_granted_purpose_ids = fields.Many2many(
        "crm.consent.purpose", string="Consents granted",
        compute="_compute_crm_consent_granted_purpose_ids",
        search="_search_crm_consent_granted_purpose_ids")

    @api.depends("crm_consent_current_ids.state", "crm_consent_current_ids.purpose_id")
    def _compute_crm_consent_granted_purpose_ids(self):
        for partner in self:
            partner.crm_consent_granted_purpose_ids = partner.crm_consent_current_ids.filtered(
                lambda consent: consent.state == "granted").mapped("purpose_id")

    @api.model
    def _search_crm_consent_granted_purpose_ids(self, operator, value):
        Consent = self.env["crm.consent"].sudo()
        granted = [("is_current", "=", True), ("state", "=", "granted")]
        if value is False or value is None:
            partner_ids = Consent.search(granted).mapped("partner_id").ids
            return [("id", "not in" if operator == "=" else "in", partner_ids)]
        positive = operator not in NEGATIVE_TERM_OPERATORS
        term = operator if positive else TERM_OPERATORS_NEGATION[operator]
        partner_ids = Consent.search(
            granted + [("purpose_id", term, value)]).mapped("partner_id").ids
        return [("id", "in" if positive else "not in", partner_ids)]

    def _crm_consent_state(self, code):
        """The consent of this contact today for the purpose ``code``:
        "granted", "withdrawn", "refused", or False when never asked."""
        self.ensure_one()
        current = self.sudo().crm_consent_current_ids.filtered(
            lambda c: c.purpose_id.code == code)
        return current[:1].state or False

    def _crm_has_consent(self, code):
        return self._crm_consent_state(code) == "granted"

    def action_crm_consent_new(self):
        """Record a new consent (or its withdrawal) of this contact."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Record a consent"),
            "res_model": "crm.consent",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_partner_id": self.id},
        }
