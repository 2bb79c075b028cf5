# -*- coding: utf-8 -*-
"""Consents of contacts, per purpose, with their history.

Every change is a new record (granted, then withdrawn, then granted again...):
the history is the proof asked by the RGPD (art. 7: the controller must be
able to demonstrate the consent). The latest record of a contact and purpose
(by date) is its current state, shown on the contact.
"""
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import UserError, ValidationError

CONSENT_STATES = [
    ("granted", "Granted"),
    ("withdrawn", "Withdrawn"),
    ("refused", "Refused"),
]

CONSENT_SOURCES = [
    ("form", "Web form"),
    ("email", "Email"),
    ("phone", "Phone"),
    ("paper", "Paper form"),
    ("meeting", "Meeting"),
    ("import", "Import"),
    ("other", "Other"),
]

# what makes the history: written once, at creation
HISTORY_FIELDS = ("partner_id", "purpose_id", "state", "date", "source")
# kept up to date by the history itself
COMPUTED_HISTORY_FIELDS = ("is_current", "end_date", "withdrawal_date")


class CrmConsent(models.Model):
    _name = "crm.consent"
    _description = "Consent of a contact"
    _order = "date desc, id desc"

    partner_id = fields.Many2one(
        "res.partner", string="Contact", required=True, index=True, ondelete="cascade")
    purpose_id = fields.Many2one(
        "crm.consent.purpose", required=True, index=True, ondelete="restrict")
    state = fields.Selection(CONSENT_STATES, string="Consent", required=True, default="granted")
    date = fields.Datetime(required=True, default=fields.Datetime.now,
                           help="When the contact gave, withdrew or refused their consent.")
    source = fields.Selection(CONSENT_SOURCES, required=True, default="form",
                              help="How the contact told it.")
    proof = fields.Text(
        help="What proves it: the text of the form and the box ticked, "
             "the email received, who took the call...")
    proof_file = fields.Binary(string="Proof document", attachment=True,
                               help="Scan of the signed form, the email received...")
    proof_filename = fields.Char(string="Proof file name")
    user_id = fields.Many2one("res.users", string="Recorded by", readonly=True,
                              default=lambda self: self.env.user)
    is_current = fields.Boolean(
        string="Current", readonly=True, index=True,
        help="The latest consent of the contact for this purpose: its state today.")
    end_date = fields.Datetime(
        string="Replaced on", readonly=True,
        help="When a later consent of the contact for this purpose replaced this one.")
    withdrawal_date = fields.Datetime(
        string="Withdrawn on", readonly=True,
        help="When the contact withdrew this consent.")

    def name_get(self):
        states = dict(self._fields["state"]._description_selection(self.env))
        return [(consent.id, "%s: %s" % (consent.purpose_id.name, states.get(consent.state)))
                for consent in self]

    @api.model
    def create(self, vals):
        self._check_withdrawal(vals)
        consent = super(CrmConsent, self).create(vals)
        consent._update_history()
        return consent

    @api.model
    def _check_withdrawal(self, vals):
        """A consent is withdrawn only after it was granted."""
        if (vals.get("state") != "withdrawn" or not vals.get("partner_id")
                or not vals.get("purpose_id")):
            return
        date = vals.get("date") or fields.Datetime.now()
        previous = self.sudo().search([
            ("partner_id", "=", vals["partner_id"]), ("purpose_id", "=", vals["purpose_id"]),
            ("date", "<=", date)], order="date desc, id desc", limit=1)
        if previous.state != "granted":
            purpose = self.env["crm.consent.purpose"].browse(vals["purpose_id"])
            raise ValidationError(_(
                "The consent to \"%s\" cannot be withdrawn: it was not granted at that date. "
                "Record a refusal instead.") % purpose.name)

    def write(self, vals):
        # the history is written by _update_history and the RGPD erasure, as
        # superuser; the context is not trusted (a client can send any)
        if self.env.uid != SUPERUSER_ID:
            if any(key in vals for key in HISTORY_FIELDS):
                raise UserError(_(
                    "A consent is part of the history of the contact and cannot be changed: "
                    "record a new consent (granted, withdrawn or refused) instead."))
            if any(key in vals for key in COMPUTED_HISTORY_FIELDS):
                raise UserError(_("The current state of a consent follows its history: "
                                  "it cannot be set by hand."))
        res = super(CrmConsent, self).write(vals)
        if any(key in vals for key in HISTORY_FIELDS):
            self._update_history()
        return res

    def unlink(self):
        keys = {(consent.partner_id.id, consent.purpose_id.id) for consent in self}
        res = super(CrmConsent, self).unlink()
        self._update_history(keys)
        return res

    def _update_history(self, keys=None):
        """Set which consent is current, and the dates when each was replaced
        or withdrawn, for the contacts and purposes of ``self`` (or ``keys``:
        (partner id, purpose id) pairs)."""
        if keys is None:
            keys = {(consent.partner_id.id, consent.purpose_id.id) for consent in self}
        history = self.sudo()
        for partner_id, purpose_id in keys:
            records = history.search(
                [("partner_id", "=", partner_id), ("purpose_id", "=", purpose_id)],
                order="date asc, id asc")
            for index, record in enumerate(records):
                following = records[index + 1] if index + 1 < len(records) else None
                if record.state == "withdrawn":
                    withdrawal = record.date
                elif (record.state == "granted" and following is not None
                      and following.state == "withdrawn"):
                    withdrawal = following.date
                else:
                    withdrawal = False
                values = {
                    "is_current": following is None,
                    "end_date": following.date if following is not None else False,
                    "withdrawal_date": withdrawal,
                }
                changed = {key: value for key, value in values.items() if record[key] != value}
                if changed:
                    record.write(changed)
