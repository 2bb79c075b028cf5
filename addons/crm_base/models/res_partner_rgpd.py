# -*- coding: utf-8 -*-
"""RGPD on contacts: what the export and the erasure of a person share.

The RGPD features of res.partner are one file each:

- consents: res_partner_consent.py;
- export of a person's data (right of access, art. 15 and 20):
  res_partner_rgpd_export.py;
- erasure (art. 17), one method per step: res_partner_rgpd_erase.py;
- retention of prospects: res_partner_rgpd_retention.py.

This file holds what the export and the erasure both use: the managers-only
check, the addons that hold personal data (crm.rgpd.mixin, crm_rgpd_mixin.py)
and the finders of a contact's messages, meetings and documents. Both see the
same data through them: an addon that extends a finder with super() (the
messages of its own channel, say) adds to the export and to the erasure at
once.

Other addons plug into the export and the erasure through crm.rgpd.mixin or by
extending, with super(), the methods named in the docstring of each file.
"""
from odoo import _, api, models
from odoo.exceptions import AccessError

from ..logic import anonymize
from ..logic.inheritance import models_inheriting


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _crm_rgpd_check_manager(self):
        if not self.env.user.has_group("crm_base.group_crm_manager"):
            raise AccessError(_(
                "Only CRM managers can export or erase the personal data of a contact."))

    @api.model
    def _crm_rgpd_providers(self):
        """Names of the models inheriting crm.rgpd.mixin, nearest first."""
        return models_inheriting(self.env.registry, "crm.rgpd.mixin")

    def _crm_rgpd_messages(self):
        """The messages about this contact (its chatter), from it or to it
        (as author, recipient, or by its email address)."""
        self.ensure_one()
        Message = self.env["mail.message"].sudo()
        domain = ["|", "|", "&", ("model", "=", "res.partner"), ("res_id", "=", self.id),
                  ("author_id", "=", self.id), ("partner_ids", "in", self.ids)]
        messages = Message.search(domain)
        for email in anonymize.split_emails(self.email):
            # ilike finds the candidates, the exact address decides
            candidates = Message.search(
                [("email_from", "ilike", email), ("id", "not in", messages.ids)])
            messages |= candidates.filtered(lambda m: email.lower() in [
                address.lower() for address in anonymize.split_emails(m.email_from)])
        return messages

    def _crm_rgpd_events(self):
        """The meetings the contact attends or that are linked to it."""
        self.ensure_one()
        Event = self.env["calendar.event"].sudo().with_context(
            active_test=False, virtual_id=False)
        return Event.search(["|", ("partner_ids", "in", self.ids),
                             "&", ("res_model", "=", "res.partner"), ("res_id", "=", self.id)])

    def _crm_rgpd_own_attachments(self):
        """Documents attached to the contact itself and proofs of its consents."""
        self.ensure_one()
        Attachment = self.env["ir.attachment"].sudo()
        consents = self.env["crm.consent"].sudo().search([("partner_id", "=", self.id)])
        return Attachment.search([("res_model", "=", "res.partner"), ("res_id", "=", self.id)]) | \
            Attachment.search([("res_model", "=", "crm.consent"), ("res_id", "in", consents.ids),
                               ("res_field", "=", "proof_file")])
