# -*- coding: utf-8 -*-
"""RGPD on contacts: consents, export of a person's data, erasure, retention.

- Consents: ``crm_consent_ids`` (history) and ``crm_consent_current_ids`` (the
  state today, one per purpose); ``_crm_consent_state("newsletter")``.
- Export (right of access, art. 15 and 20): ``action_crm_rgpd_export`` builds a
  zip (JSON + one CSV per part + the files) from ``_crm_rgpd_export_parts()``
  and ``_crm_rgpd_export_files()``, attaches it to a line of the RGPD register
  and downloads it.
- Erasure (art. 17): ``_crm_rgpd_erase()`` anonymizes the contact, its
  messages, meetings and documents, keeps the records the law says to keep
  (``_crm_rgpd_retained_models()``) with the name replaced, and writes the
  register. The wizard crm.rgpd.erase asks for a confirmation first.
- Retention: the daily ``_crm_rgpd_cron_retention`` flags the prospects with
  nothing done for ``crm_base.rgpd_retention_months`` months (36 by default,
  as the CNIL recommends for prospects).

Other addons plug into the export and the erasure through crm.rgpd.mixin
(crm_rgpd_mixin.py) or by extending the methods above with super().
"""
import base64
import datetime
from collections import OrderedDict, defaultdict

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.osv.expression import NEGATIVE_TERM_OPERATORS, TERM_OPERATORS_NEGATION
from odoo.tools import html2plaintext

from ..logic import anonymize, rgpd_export
from ..logic.inheritance import models_inheriting
from .crm_rgpd_mixin import anonymize_retained, export_values

RETENTION_PARAM = "crm_base.rgpd_retention_months"
DEFAULT_RETENTION_MONTHS = 36

# fields an erasure keeps as they are (besides the ones it sets)
ERASE_KEEP = {"lang", "tz", "type", "color", "active", "is_company", "company_type",
              "crm_rgpd_erased", "crm_rgpd_erase_date", "crm_rgpd_retention_due"}
ERASE_TYPES = ("char", "text", "html", "binary", "date", "datetime")
ERASE_MANY2ONE = ("title", "state_id", "country_id")


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
    crm_rgpd_retention_due = fields.Boolean(
        string="Retention period over", readonly=True, index=True, copy=False,
        help="Set by the daily retention check: a prospect with nothing done for longer than "
             "the retention period of the RGPD settings, to be erased.")
    crm_rgpd_erased = fields.Boolean(string="Erased (RGPD)", readonly=True, copy=False)
    crm_rgpd_erase_date = fields.Datetime(string="Erased on", readonly=True, copy=False)

    # -- consents ----------------------------------------------------------------------------
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
        partner_ids = Consent.search(granted + [("purpose_id", term, value)]).mapped("partner_id").ids
        return [("id", "in" if positive else "not in", partner_ids)]

    def _crm_consent_state(self, code):
        """The consent of this contact today for the purpose ``code``:
        "granted", "withdrawn", "refused", or False when never asked."""
        self.ensure_one()
        current = self.sudo().crm_consent_current_ids.filtered(lambda c: c.purpose_id.code == code)
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

    # -- common ------------------------------------------------------------------------------
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
            candidates = Message.search([("email_from", "ilike", email), ("id", "not in", messages.ids)])
            messages |= candidates.filtered(lambda m: email.lower() in [
                address.lower() for address in anonymize.split_emails(m.email_from)])
        return messages

    def _crm_rgpd_events(self):
        self.ensure_one()
        Event = self.env["calendar.event"].sudo().with_context(active_test=False, virtual_id=False)
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

    # -- export ------------------------------------------------------------------------------
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
            "summary": _("Archive of %d parts: %s.") % (
                len(parts), ", ".join("%s (%d)" % (part, len(rows)) for part, rows in parts.items())),
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
            "date": attachment.create_date, "attached_to": attachment.res_name or attachment.res_model,
        } for attachment in attachments.filtered(lambda a: not a.res_field)]
        parts["relations"] = export_values(partner.crm_relation_side_ids, [
            "wording", "other_partner_id", "date_start", "date_end", "note"])
        parts["bank_accounts"] = export_values(partner.bank_ids, ["acc_number", "bank_id", "acc_holder_name"])
        if "crm.mail.tracking" in self.env:
            trackings = self.env["crm.mail.tracking"].sudo().search([("partner_id", "=", partner.id)])
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
        states = dict(self.env["calendar.attendee"]._fields["state"]._description_selection(self.env))
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
        attachments = partner._crm_rgpd_own_attachments() | partner._crm_rgpd_messages().mapped("attachment_ids")
        for attachment in attachments.filtered(lambda a: a.type == "binary" and not a.res_field):
            name = attachment.datas_fname or attachment.name or "document"
            files.append(("%d-%s" % (attachment.id, name), base64.b64decode(attachment.datas or b"")))
        consents = self.env["crm.consent"].sudo().search([("partner_id", "=", partner.id)])
        for consent in consents.filtered("proof_file"):
            name = consent.proof_filename or _("proof")
            files.append((_("consent-%d-%s") % (consent.id, name), base64.b64decode(consent.proof_file)))
        return files

    # -- erasure -----------------------------------------------------------------------------
    def _crm_rgpd_retained_models(self):
        """Names of the models whose records the law says to keep (invoices...):
        an erasure keeps them, their documents and their messages' files, with
        the person's name replaced. Addons add theirs with super() or with
        ``_crm_rgpd_retained = True`` on a model inheriting crm.rgpd.mixin."""
        names = []
        for provider in self._crm_rgpd_providers():
            for name in self.env[provider]._crm_rgpd_retained_model_names():
                if name not in names:
                    names.append(name)
        return names

    def _crm_rgpd_retained_records(self):
        """{model name: records} of the retained models that concern this
        contact: by the model's own _crm_rgpd_domain, else by its links to
        res.partner (partner_id, commercial_partner_id...)."""
        self.ensure_one()
        result = OrderedDict()
        for name in self._crm_rgpd_retained_models():
            if name not in self.env:
                continue
            Model = self.env[name].sudo().with_context(active_test=False)
            if hasattr(Model, "_crm_rgpd_domain"):  # a crm.rgpd.mixin provider
                domain = Model._crm_rgpd_domain(self)
            else:
                links = [fname for fname, field in Model._fields.items()
                         if field.type == "many2one" and field.comodel_name == "res.partner" and field.store]
                if not links:
                    continue
                domain = ["|"] * (len(links) - 1) + [(fname, "=", self.id) for fname in links]
            records = Model.search(domain)
            if records:
                result[name] = records
        return result

    def _crm_rgpd_check_erasable(self):
        companies = self.env["res.company"].sudo().search([]).mapped("partner_id")
        for partner in self.sudo().with_context(active_test=False):
            if partner.user_ids:
                raise UserError(_(
                    "%s is a user of this database: archive the user first, an erasure "
                    "would break their access and their history.") % partner.display_name)
            if partner in companies:
                raise UserError(_(
                    "%s is a company of this database: it cannot be erased.") % partner.display_name)
            if partner.crm_rgpd_erased:
                raise UserError(_("%s has already been erased.") % partner.display_name)
            if partner.child_ids:
                raise UserError(_(
                    "%s has contacts: erase them or move them to another company first.")
                    % partner.display_name)

    def _crm_rgpd_erase(self):
        """Erase the personal data of these contacts. Managers only; the
        confirmation is asked by the wizard crm.rgpd.erase. Returns the lines
        of the RGPD register."""
        self._crm_rgpd_check_manager()
        self.check_access_rule("read")
        self._crm_rgpd_check_erasable()
        user = self.env.user
        logs = self.env["crm.rgpd.log"]
        for partner in self.sudo().with_context(active_test=False):
            logs |= partner._crm_rgpd_erase_one(user)
        return logs

    def _crm_rgpd_erase_one(self, user):
        """Erase this contact (``self`` as superuser) for ``user``."""
        self.ensure_one()
        partner = self
        erasure = {
            "partner": partner,
            "names": anonymize.name_variants(partner.name),
            "emails": anonymize.split_emails(partner.email),
            "phones": [phone for phone in (partner.phone, partner.mobile) if phone],
            # street lines as typed, to find them in meeting places and notes
            "addresses": [line for line in (partner.street, partner.street2) if line and len(line) > 4],
            "anonymous_name": anonymize.anonymous_name(partner.id, _("Anonymized contact #%s")),
            "erased_content": _("[content erased - GDPR]"),
            "counts": defaultdict(int),
        }
        counts = erasure["counts"]
        Attachment = self.env["ir.attachment"].sudo()

        # 1. the documents the law says to keep: kept, the name replaced
        retained = partner._crm_rgpd_retained_records()
        retained_attachments = Attachment
        for name, records in retained.items():
            if hasattr(records, "_crm_rgpd_anonymize_retained"):
                records._crm_rgpd_anonymize_retained(erasure)
            else:
                anonymize_retained(records, erasure)
            counts["retained"] += len(records)
            partner._crm_rgpd_scrub_chatter(name, records.ids, erasure, lambda text: anonymize.replace_names(
                text, erasure["names"], erasure["anonymous_name"]) if text else text)
            retained_attachments |= Attachment.search([("res_model", "=", name), ("res_id", "in", records.ids)])

        # 2. messages: contents erased everywhere, files deleted unless retained
        messages = partner._crm_rgpd_messages()
        for name, records in retained.items():
            retained_attachments |= messages.filtered(
                lambda m: m.model == name and m.res_id in records.ids).mapped("attachment_ids")
        partner._crm_rgpd_erase_messages(messages, erasure)
        counts["messages"] = len(messages)
        message_attachments = messages.mapped("attachment_ids")

        # 3. documents: the contact's, its messages', its exports
        exports = Attachment.search([
            ("res_model", "=", "crm.rgpd.log"),
            ("res_id", "in", self.env["crm.rgpd.log"].sudo().search([("partner_ref", "=", partner.id)]).ids)])
        to_delete = (partner._crm_rgpd_own_attachments() | message_attachments | exports) - retained_attachments
        counts["attachments"] = len(to_delete - exports)
        counts["exports"] = len(exports)
        to_delete.unlink()
        for attachment in retained_attachments:
            values = {key: anonymize.replace_names(attachment[key], erasure["names"], erasure["anonymous_name"])
                      for key in ("name", "datas_fname", "description") if attachment[key]}
            values = {key: value for key, value in values.items() if value != attachment[key]}
            if values:
                attachment.write(values)

        # 4. meetings: the contact leaves them, their texts are scrubbed
        partner._crm_rgpd_erase_events(partner._crm_rgpd_events(), erasure)

        # 5. what hangs on the contact
        activities = self.env["mail.activity"].sudo().search(
            [("res_model", "=", "res.partner"), ("res_id", "=", partner.id)])
        counts["activities"] = len(activities)
        activities.unlink()
        followers = self.env["mail.followers"].sudo().search([("partner_id", "=", partner.id)])
        counts["followers"] = len(followers)
        followers.unlink()
        if "res.partner.bank" not in retained:
            counts["bank_accounts"] = len(partner.bank_ids)
            partner.bank_ids.unlink()
        consents = self.env["crm.consent"].sudo().search([("partner_id", "=", partner.id)])
        consents.write({"proof": False, "proof_file": False, "proof_filename": False})
        counts["consents"] = len(consents)
        partner._crm_rgpd_erase_mailboxes(erasure)

        # 6. the other addons
        retained_names = set(retained) | set(self._crm_rgpd_retained_models())
        for name in self._crm_rgpd_providers():
            if name not in retained_names:
                self.env[name]._crm_rgpd_erase(partner, erasure)
        partner._crm_rgpd_erase_extra(erasure)

        # 7. the contact itself, last: it keeps only its anonymous name
        partner.with_context(tracking_disable=True, mail_notrack=True).write(
            partner._crm_rgpd_erase_values(erasure))
        # what step 7 may have posted (an addon tracking a field)
        partner._crm_rgpd_erase_messages(partner._crm_rgpd_messages() - messages, erasure)

        return self.env["crm.rgpd.log"].sudo().create({
            "operation": "erase",
            "user_id": user.id,
            "partner_ref": partner.id,
            "message_count": counts["messages"],
            "attachment_count": counts["attachments"],
            "event_count": counts["events"],
            "consent_count": counts["consents"],
            "retained_count": counts["retained"],
            "summary": partner._crm_rgpd_erase_summary(counts),
        })

    @api.model
    def _crm_rgpd_erase_summary(self, counts):
        lines = [
            _("Contact anonymized and archived."),
            _("Messages erased: %d.") % counts["messages"],
            _("Documents deleted: %d.") % counts["attachments"],
            _("Export archives deleted: %d.") % counts["exports"],
            _("Meetings left and scrubbed: %d.") % counts["events"],
            _("Planned activities deleted: %d.") % counts["activities"],
            _("Followed documents left: %d.") % counts["followers"],
            _("Bank accounts deleted: %d.") % counts["bank_accounts"],
            _("Consents kept without their proofs: %d.") % counts["consents"],
            _("Legally retained records kept, name replaced: %d.") % counts["retained"],
        ]
        if counts["deleted"]:
            lines.append(_("Records of other applications deleted: %d.") % counts["deleted"])
        if counts["mailbox_emails"]:
            lines.append(_("Unfiled emails deleted: %d.") % counts["mailbox_emails"])
        return "\n".join(lines)

    def _crm_rgpd_erase_messages(self, messages, erasure):
        """Erase the contents of ``messages``: body, subject, addresses,
        tracked values of the contact's own fields, outgoing copies."""
        partner = self
        marker = erasure["erased_content"]
        for message in messages:
            values = {"body": "<p>%s</p>" % marker}
            if message.subject:
                values["subject"] = marker
            for key in ("email_from", "reply_to"):
                if message[key] and (message.author_id == partner or anonymize.contains_personal_data(
                        message[key], erasure["names"], erasure["emails"])):
                    values[key] = erasure["anonymous_name"]
            if message.model == "res.partner" and message.res_id == partner.id:
                values["record_name"] = erasure["anonymous_name"]
            elif message.record_name:
                values["record_name"] = anonymize.replace_names(
                    message.record_name, erasure["names"], erasure["anonymous_name"])
            message.write(values)
        own = messages.filtered(lambda m: m.model == "res.partner" and m.res_id == partner.id)
        own.mapped("tracking_value_ids").unlink()
        mails = self.env["mail.mail"].sudo().search(
            ["|", ("mail_message_id", "in", messages.ids), ("recipient_ids", "in", partner.ids)])
        for mail in mails:
            mail.write({
                "body_html": marker,
                "email_to": anonymize.scrub_text(mail.email_to or "", erasure["names"], erasure["anonymous_name"]) or False,
                "email_cc": anonymize.scrub_text(mail.email_cc or "", erasure["names"], erasure["anonymous_name"]) or False,
            })

    def _crm_rgpd_erase_events(self, events, erasure):
        partner = self
        addresses = erasure["addresses"]
        address_label = _("[address erased]")

        def scrub(text):
            if not text:
                return text
            text = anonymize.scrub_text(text, erasure["names"], erasure["anonymous_name"])
            return anonymize.replace_names(text, addresses, address_label)

        # no tracking: the old location would stay in the meeting's chatter
        for event in events.with_context(no_mail_to_attendees=True, dont_notify=True,
                                         tracking_disable=True, mail_notrack=True):
            values = {}
            if partner in event.partner_ids:
                values["partner_ids"] = [(3, partner.id)]
            for key in ("name", "description", "location"):
                new = scrub(event[key])
                if new != event[key]:
                    values[key] = new
            if event.res_model == "res.partner" and event.res_id == partner.id:
                values.update({"res_id": False, "res_model_id": False})
            if values:
                event.write(values)
        partner._crm_rgpd_scrub_chatter("calendar.event", events.ids, erasure, scrub)
        # an attendee line left by a partner removed without its line
        self.env["calendar.attendee"].sudo().search([("partner_id", "=", partner.id)]).unlink()
        erasure["counts"]["events"] = len(events)

    def _crm_rgpd_scrub_chatter(self, model, res_ids, erasure, scrub):
        """The chatter of records the contact was part of (a meeting, an
        invoice): the record name copied on each message and the values of
        tracked fields (an old meeting place) go through ``scrub``."""
        if not res_ids:
            return
        messages = self.env["mail.message"].sudo().search([("model", "=", model), ("res_id", "in", res_ids)])
        for message in messages:
            if message.record_name and scrub(message.record_name) != message.record_name:
                message.write({"record_name": scrub(message.record_name)})
        keys = ("old_value_char", "new_value_char", "old_value_text", "new_value_text")
        for tracking in messages.mapped("tracking_value_ids"):
            values = {key: scrub(tracking[key]) for key in keys if tracking[key]}
            values = {key: value for key, value in values.items() if value != tracking[key]}
            if values:
                tracking.write(values)

    def _crm_rgpd_erase_mailboxes(self, erasure):
        """Emails of the contact waiting in the CRM mailboxes, and the recipient
        address of the tracking of emails sent to it."""
        if "crm.mail.tracking" in self.env:
            self.env["crm.mail.tracking"].sudo().search([("partner_id", "=", self.id)]).write({"email": False})
        if "crm.mail.unfiled" not in self.env or not erasure["emails"]:
            return
        Unfiled = self.env["crm.mail.unfiled"].sudo()
        found = Unfiled
        for email in erasure["emails"]:
            for key in ("email_from", "email_to", "email_cc"):
                found |= Unfiled.search([(key, "ilike", email)]).filtered(
                    lambda u: email.lower() in [a.lower() for a in anonymize.split_emails(u[key])])
        erasure["counts"]["mailbox_emails"] = len(found)
        found.mapped("raw_attachment_id").unlink()
        found.unlink()

    def _crm_rgpd_erase_extra(self, erasure):
        """Hook: anything else an addon erases, with super() (``self`` is the
        contact, as superuser, still with its data)."""
        return True

    def _crm_rgpd_erase_values(self, erasure):
        """The values the contact keeps: its anonymous name, no contact details,
        no address, no photo, no notes, none of its custom fields; archived.
        A person of a company keeps the company's commercial fields (VAT,
        relationship): they are the company's, not the person's."""
        values = {
            "name": erasure["anonymous_name"],
            "active": False,
            "crm_rgpd_erased": True,
            "crm_rgpd_erase_date": fields.Datetime.now(),
            "crm_rgpd_retention_due": False,
        }
        keep = set(ERASE_KEEP) | set(models.MAGIC_COLUMNS)
        if self.parent_id:
            keep |= set(self._commercial_fields())
        for name, field in self._fields.items():
            if name in values or name in keep or not field.store or field.compute or field.related:
                continue
            if name.startswith("x_"):
                if field.type == "many2many":
                    values[name] = [(5,)]
                elif field.type != "one2many":
                    values[name] = False
            elif field.type in ERASE_TYPES and not field.required:
                values[name] = False
            elif name in ERASE_MANY2ONE:
                values[name] = False
        return values

    # -- retention ---------------------------------------------------------------------------
    @api.model
    def _crm_rgpd_retention_months(self):
        value = self.env["ir.config_parameter"].sudo().get_param(RETENTION_PARAM)
        try:
            months = int(value)
        except (TypeError, ValueError):
            return DEFAULT_RETENTION_MONTHS
        return months if months > 0 else DEFAULT_RETENTION_MONTHS

    @api.model
    def _crm_rgpd_retention_candidates(self):
        """Prospects (people, not companies: the RGPD protects people) that are
        not clients, users or companies of the database, with nothing done -
        no email, note, meeting, activity, consent - for the retention period,
        nor with their company."""
        cutoff = fields.Datetime.to_string(
            datetime.datetime.now() - relativedelta(months=self._crm_rgpd_retention_months()))
        prospect = self.env.ref("crm_base.relationship_type_prospect", raise_if_not_found=False)
        if not prospect:
            return self.browse()
        excluded_types = self.env["crm.relationship.type"].sudo().search([("code", "=", "client")])
        companies = self.env["res.company"].sudo().search([]).mapped("partner_id")
        domain = [
            ("is_company", "=", False),
            ("crm_rgpd_erased", "=", False),
            ("crm_relationship_type_ids", "in", prospect.ids),
            ("user_ids", "=", False),
            ("id", "not in", companies.ids),
            ("create_date", "<", cutoff),
            "|", ("last_activity_date", "=", False), ("last_activity_date", "<", cutoff),
        ]
        if excluded_types:
            domain.append(("crm_relationship_type_ids", "not in", excluded_types.ids))
        candidates = self.sudo().search(domain)
        recent_consents = self.env["crm.consent"].sudo().search([
            ("partner_id", "in", candidates.ids), ("date", ">=", cutoff)]).mapped("partner_id")
        return candidates.filtered(lambda p: p not in recent_consents and not (
            p.parent_id and p.commercial_partner_id.last_activity_date
            and p.commercial_partner_id.last_activity_date >= cutoff))

    @api.model
    def _crm_rgpd_cron_retention(self):
        """Daily: flag the prospects to erase, unflag those that are no longer."""
        due = self._crm_rgpd_retention_candidates()
        flagged = self.sudo().search([("crm_rgpd_retention_due", "=", True)])
        (flagged - due).write({"crm_rgpd_retention_due": False})
        (due - flagged).write({"crm_rgpd_retention_due": True})
        return due

    def action_crm_rgpd_erase_wizard(self):
        """Open the erasure confirmation for these contacts."""
        self._crm_rgpd_check_manager()
        self._crm_rgpd_check_erasable()
        return {
            "type": "ir.actions.act_window",
            "name": _("Erase personal data"),
            "res_model": "crm.rgpd.erase",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_partner_ids": [(6, 0, self.ids)]},
        }
