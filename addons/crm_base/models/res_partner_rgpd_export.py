# -*- coding: utf-8 -*-
"""Export of a person's data (RGPD right of access, art. 15 and 20).

``action_crm_rgpd_export`` (the button *Export personal data*, managers only)
builds a zip - JSON, one CSV per part, and the files - from
``_crm_rgpd_export_parts()`` and ``_crm_rgpd_export_files()``, attaches it to
a new line of the RGPD register and downloads it.

Other addons add their part through crm.rgpd.mixin (crm_rgpd_mixin.py: a part
per model, no code here), or by extending with super()
``_crm_rgpd_export_parts()`` (``{part name: [rows]}``) and
``_crm_rgpd_export_files()`` (``[(file name, bytes)]``). The messages,
meetings and documents exported are those of the finders of
res_partner_rgpd.py, the ones the erasure erases.
"""
import base64
from collections import OrderedDict

from odoo import _, api, fields, models
from odoo.tools import html2plaintext

from ..logic import rgpd_export
from .crm_rgpd_mixin import export_values


class ResPartner(models.Model):
    _inherit = "res.partner"

    def action_crm_rgpd_export(self):
        """Button "Export personal data": build the archive, register it, download it."""
        self.ensure_one()
        attachment = self._crm_rgpd_export_archive()
        return {
            "type": "ir.actions.act_url",
            "url": "/web/content/%d?download=true" % attachment.id,
            "target": "self",
        }

    def _crm_rgpd_export_archive(self):
        """The zip of this contact's data, as an attachment of a new line of the
        RGPD register (seen by managers only)."""
        self.ensure_one()
        self._crm_rgpd_check_manager()
        self.check_access_rule("read")
        user = self.env.user
        partner = self.sudo()
        parts = partner._crm_rgpd_export_parts()
        files = partner._crm_rgpd_export_files()
        paths = rgpd_export.file_paths([name for name, _content in files])
        parts["files"] = [{"file": path, "name": name, "size": len(content or b"")}
                          for path, (name, content) in zip(paths, files)]
        now = fields.Datetime.now()
        about = {
            "contact_id": partner.id,
            "generated_at": now,
            "generated_by": user.name,
            "company": self.env.user.company_id.name,
            "parts": {part: len(rows) for part, rows in parts.items()},
        }
        data = rgpd_export.build_archive(
            parts, [(path, content) for path, (_name, content) in zip(paths, files)], about)
        log = self.env["crm.rgpd.log"].sudo().create({
            "operation": "export",
            "user_id": user.id,
            "partner_ref": partner.id,
            "message_count": len(parts.get("messages", [])),
            "attachment_count": len(files),
            "event_count": len(parts.get("meetings", [])),
            "consent_count": len(parts.get("consents", [])),
            "summary": _("Archive of %(count)d parts: %(parts)s.") % {
                "count": len(parts),
                "parts": ", ".join(
                    "%s (%d)" % (part, len(rows)) for part, rows in parts.items())},
        })
        file_name = "rgpd-export-%d-%s.zip" % (partner.id, now[:10])
        return self.env["ir.attachment"].sudo().create({
            "name": file_name,
            "datas_fname": file_name,
            "datas": base64.b64encode(data),
            "mimetype": "application/zip",
            "res_model": "crm.rgpd.log",
            "res_id": log.id,
        })

    def _crm_rgpd_export_parts(self):
        """{part name: [rows]}: everything the database holds about this contact.
        Addons add theirs with super() or through crm.rgpd.mixin."""
        self.ensure_one()
        partner = self.sudo().with_context(active_test=False)
        parts = OrderedDict()
        parts["contact"] = export_values(partner)
        consents = self.env["crm.consent"].sudo().search([("partner_id", "=", partner.id)],
                                                         order="date asc, id asc")
        parts["consents"] = export_values(consents, [
            "purpose_id", "state", "date", "source", "proof", "proof_filename", "is_current",
            "end_date", "withdrawal_date", "user_id"])
        parts["messages"] = self._crm_rgpd_export_messages(partner._crm_rgpd_messages())
        parts["meetings"] = self._crm_rgpd_export_events(partner, partner._crm_rgpd_events())
        activities = self.env["mail.activity"].sudo().search(
            [("res_model", "=", "res.partner"), ("res_id", "=", partner.id)])
        parts["activities"] = export_values(activities, [
            "activity_type_id", "summary", "note", "date_deadline", "user_id"])
        attachments = partner._crm_rgpd_own_attachments() | \
            partner._crm_rgpd_messages().mapped("attachment_ids")
        parts["attachments"] = [{
            "id": attachment.id, "name": attachment.name, "file_name": attachment.datas_fname,
            "type": attachment.mimetype, "size": attachment.file_size,
            "date": attachment.create_date,
            "attached_to": attachment.res_name or attachment.res_model,
        } for attachment in attachments.filtered(lambda a: not a.res_field)]
        parts["relations"] = export_values(partner.crm_relation_side_ids, [
            "wording", "other_partner_id", "date_start", "date_end", "note"])
        parts["bank_accounts"] = export_values(
            partner.bank_ids, ["acc_number", "bank_id", "acc_holder_name"])
        if "crm.mail.tracking" in self.env:
            trackings = self.env["crm.mail.tracking"].sudo().search(
                [("partner_id", "=", partner.id)])
            parts["mail_tracking"] = export_values(trackings, [
                "subject", "email", "sent_date", "open_count", "first_open_date", "last_open_date",
                "click_count", "last_click_date", "last_click_url"])
        logs = self.env["crm.rgpd.log"].sudo().search([("partner_ref", "=", partner.id)])
        parts["rgpd_operations"] = export_values(logs, ["date", "operation"])
        for name in self._crm_rgpd_providers():
            for part, rows in self.env[name]._crm_rgpd_export(partner).items():
                parts[part] = rows
        return parts

    @api.model
    def _crm_rgpd_export_messages(self, messages):
        types = dict(messages._fields["message_type"]._description_selection(self.env))
        return [{
            "id": message.id,
            "date": message.date,
            "type": types.get(message.message_type),
            "subject": message.subject or None,
            "body": html2plaintext(message.body).strip() if message.body else None,
            "author": message.author_id.display_name or message.email_from or None,
            "recipients": message.partner_ids.mapped("display_name"),
            "about": message.record_name or None,
            "attachments": message.attachment_ids.mapped("name"),
        } for message in messages.sorted(lambda m: (m.date or "", m.id))]

    @api.model
    def _crm_rgpd_export_events(self, partner, events):
        states = dict(
            self.env["calendar.attendee"]._fields["state"]._description_selection(self.env))
        rows = []
        for event in events.sorted(lambda e: (e.start or "", e.id)):
            attendee = event.attendee_ids.filtered(lambda a: a.partner_id == partner)[:1]
            rows.append({
                "id": event.id, "subject": event.name, "start": event.start, "stop": event.stop,
                "all_day": bool(event.allday), "location": event.location or None,
                "description": event.description or None,
                "organizer": event.user_id.name or None,
                "attendees": event.partner_ids.mapped("display_name"),
                "answer": states.get(attendee.state) if attendee else None,
            })
        return rows

    def _crm_rgpd_export_files(self):
        """[(file name, bytes)] joined to the archive: the photo of the contact,
        its documents, the files of its messages and the proofs of its consents."""
        self.ensure_one()
        partner = self.sudo()
        files = []
        if partner.image:
            files.append(("photo.png", base64.b64decode(partner.image)))
        attachments = partner._crm_rgpd_own_attachments() | \
            partner._crm_rgpd_messages().mapped("attachment_ids")
        for attachment in attachments.filtered(lambda a: a.type == "binary" and not a.res_field):
            name = attachment.datas_fname or attachment.name or "document"
            files.append(("%d-%s" % (attachment.id, name),
                          base64.b64decode(attachment.datas or b"")))
        consents = self.env["crm.consent"].sudo().search([("partner_id", "=", partner.id)])
        for consent in consents.filtered("proof_file"):
            name = consent.proof_filename or _("proof")
            files.append((_("consent-%(id)d-%(name)s") % {"id": consent.id, "name": name},
                          base64.b64decode(consent.proof_file)))
        return files
