# -*- coding: utf-8 -*-
"""Erasure of a person's data (RGPD right to erasure, art. 17).

``_crm_rgpd_erase()`` (managers only; the wizard crm.rgpd.erase asks for a
confirmation first, ``action_crm_rgpd_erase_wizard`` opens it) anonymizes the
contact, its messages, meetings and documents, keeps the records the law says
to keep (``_crm_rgpd_retained_models()``) with the name replaced, and writes
the RGPD register.

Each contact is erased by ``_crm_rgpd_erase_one(user)``: it builds one
``erasure`` dict (``_crm_rgpd_erasure()``), hands it to these steps, in this
order, then writes the line of the register from ``erasure["counts"]``:

1. ``_crm_rgpd_erase_retained``: the records the law says to keep;
2. ``_crm_rgpd_erase_chatter``: the contact's messages;
3. ``_crm_rgpd_erase_documents``: its documents and export archives;
4. ``_crm_rgpd_erase_meetings``: its meetings;
5. ``_crm_rgpd_erase_links``: activities, followers, bank accounts, consents'
   proofs, mailboxes;
6. ``_crm_rgpd_erase_providers``: the models of crm.rgpd.mixin, then
   ``_crm_rgpd_erase_extra``;
7. ``_crm_rgpd_erase_contact``: the contact itself, last.

In each step ``self`` is the contact, as superuser, with ``active_test``
off; until step 7 it still has all its data. Other addons plug in through
crm.rgpd.mixin (crm_rgpd_mixin.py), or by extending with super() a step
(its docstring says what it reads and writes in ``erasure``),
``_crm_rgpd_erasure()`` (add keys), ``_crm_rgpd_retained_models()``,
``_crm_rgpd_erase_extra()`` or ``_crm_rgpd_erase_values()``.
"""
from collections import OrderedDict, defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..logic import anonymize
from .crm_rgpd_mixin import anonymize_retained

# fields an erasure keeps as they are (besides the ones it sets)
ERASE_KEEP = {"lang", "tz", "type", "color", "active", "is_company", "company_type",
              "crm_rgpd_erased", "crm_rgpd_erase_date", "crm_rgpd_retention_due"}
ERASE_TYPES = ("char", "text", "html", "binary", "date", "datetime")
ERASE_MANY2ONE = ("title", "state_id", "country_id")


class ResPartner(models.Model):
    _inherit = "res.partner"

    crm_rgpd_erased = fields.Boolean(string="Erased (RGPD)", readonly=True, copy=False)
    crm_rgpd_erase_date = fields.Datetime(string="Erased on", readonly=True, copy=False)

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
                         if field.type == "many2one" and field.comodel_name == "res.partner"
                         and field.store]
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
                    "%s is a company of this database: it cannot be erased.")
                    % partner.display_name)
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
        """Erase this contact (``self`` as superuser) for ``user``: the steps,
        in their order, on one ``erasure``; then the line of the register."""
        self.ensure_one()
        erasure = self._crm_rgpd_erasure()
        self._crm_rgpd_erase_retained(erasure)
        self._crm_rgpd_erase_chatter(erasure)
        self._crm_rgpd_erase_documents(erasure)
        self._crm_rgpd_erase_meetings(erasure)
        self._crm_rgpd_erase_links(erasure)
        self._crm_rgpd_erase_providers(erasure)
        self._crm_rgpd_erase_extra(erasure)
        self._crm_rgpd_erase_contact(erasure)
        counts = erasure["counts"]
        return self.env["crm.rgpd.log"].sudo().create({
            "operation": "erase",
            "user_id": user.id,
            "partner_ref": self.id,
            "message_count": counts["messages"],
            "attachment_count": counts["attachments"],
            "event_count": counts["events"],
            "consent_count": counts["consents"],
            "retained_count": counts["retained"],
            "summary": self._crm_rgpd_erase_summary(counts),
        })

    def _crm_rgpd_erasure(self):
        """The ``erasure`` dict of this contact, handed to every step (and to
        the crm.rgpd.mixin providers). What the person is known by, read
        before anything is erased:

        - ``partner``: the contact; ``names``: its name and its variants;
          ``emails``, ``phones``; ``addresses``: its street lines (to find
          them in meeting places and notes);
        - ``anonymous_name``: the name that replaces it ("Anonymized contact
          #42"); ``erased_content``: the text that replaces a message;
        - ``counts``: {what: how many} (a defaultdict), for the register.

        What the steps find, for the steps after them:

        - ``retained``: {model name: records} kept by law (step 1);
        - ``retained_attachments``: the documents of those records and the
          files of their messages, kept (steps 1 and 2);
        - ``messages``: the contact's messages, erased (step 2).

        An addon adds its own keys with super()."""
        self.ensure_one()
        partner = self
        return {
            "partner": partner,
            "names": anonymize.name_variants(partner.name),
            "emails": anonymize.split_emails(partner.email),
            "phones": [phone for phone in (partner.phone, partner.mobile) if phone],
            # street lines as typed, to find them in meeting places and notes
            "addresses": [line for line in (partner.street, partner.street2)
                          if line and len(line) > 4],
            "anonymous_name": anonymize.anonymous_name(partner.id, _("Anonymized contact #%s")),
            "erased_content": _("[content erased - GDPR]"),
            "counts": defaultdict(int),
            "retained": OrderedDict(),
            "retained_attachments": self.env["ir.attachment"].sudo(),
            "messages": self.env["mail.message"].sudo(),
        }

    # -- the steps, in their order ------------------------------------------------------------
    def _crm_rgpd_erase_retained(self, erasure):
        """Step 1: the records the law says to keep (``_crm_rgpd_retained_records``)
        are kept with the person's name replaced, in their fields and in their
        chatter. Sets ``erasure["retained"]`` ({model name: records}), adds
        their documents to ``erasure["retained_attachments"]`` and counts them
        in ``counts["retained"]``. An addon extending it with super() can keep
        more records: it anonymizes them and adds them to ``retained`` (their
        documents to ``retained_attachments``); the steps after spare them."""
        Attachment = self.env["ir.attachment"].sudo()
        erasure["retained"] = retained = self._crm_rgpd_retained_records()
        for name, records in retained.items():
            if hasattr(records, "_crm_rgpd_anonymize_retained"):
                records._crm_rgpd_anonymize_retained(erasure)
            else:
                anonymize_retained(records, erasure)
            erasure["counts"]["retained"] += len(records)
            self._crm_rgpd_scrub_chatter(
                name, records.ids, erasure, lambda text: anonymize.replace_names(
                    text, erasure["names"], erasure["anonymous_name"]) if text else text)
            erasure["retained_attachments"] |= Attachment.search(
                [("res_model", "=", name), ("res_id", "in", records.ids)])

    def _crm_rgpd_erase_chatter(self, erasure):
        """Step 2: the contact's messages (``_crm_rgpd_messages``: its chatter,
        from it, to it) keep their place but lose their contents
        (``_crm_rgpd_erase_messages``). The files of those posted on a retained
        record are added to ``erasure["retained_attachments"]``; the messages
        are set in ``erasure["messages"]`` (the next step deletes their files,
        the last one erases only what is new) and counted in
        ``counts["messages"]``. An addon extending it with super() can erase
        messages of its own (``_crm_rgpd_erase_messages``) and add them to
        ``erasure["messages"]``, so that the next step deletes their files."""
        messages = self._crm_rgpd_messages()
        for name, records in erasure["retained"].items():
            erasure["retained_attachments"] |= messages.filtered(
                lambda m: m.model == name and m.res_id in records.ids).mapped("attachment_ids")
        erasure["messages"] = messages
        self._crm_rgpd_erase_messages(messages, erasure)
        erasure["counts"]["messages"] = len(messages)

    def _crm_rgpd_erase_documents(self, erasure):
        """Step 3: deletes the documents of the contact and of its consents'
        proofs (``_crm_rgpd_own_attachments``), the files of
        ``erasure["messages"]`` and the archives of its past exports, but the
        ``erasure["retained_attachments"]``, which are renamed instead. Counts
        ``counts["attachments"]`` and ``counts["exports"]``. An addon extending
        it with super() can delete documents of its own (after super(): the
        retained ones are known)."""
        Attachment = self.env["ir.attachment"].sudo()
        counts = erasure["counts"]
        retained_attachments = erasure["retained_attachments"]
        logs = self.env["crm.rgpd.log"].sudo().search([("partner_ref", "=", self.id)])
        exports = Attachment.search([("res_model", "=", "crm.rgpd.log"),
                                     ("res_id", "in", logs.ids)])
        message_attachments = erasure["messages"].mapped("attachment_ids")
        to_delete = (self._crm_rgpd_own_attachments() | message_attachments | exports) \
            - retained_attachments
        counts["attachments"] = len(to_delete - exports)
        counts["exports"] = len(exports)
        to_delete.unlink()
        for attachment in retained_attachments:
            values = {key: anonymize.replace_names(
                attachment[key], erasure["names"], erasure["anonymous_name"])
                for key in ("name", "datas_fname", "description") if attachment[key]}
            values = {key: value for key, value in values.items() if value != attachment[key]}
            if values:
                attachment.write(values)

    def _crm_rgpd_erase_meetings(self, erasure):
        """Step 4: the contact leaves its meetings (``_crm_rgpd_events``), which
        stay for the others; in their subject, description and place (and in
        their chatter) its names are replaced, its street erased, and every
        email address and phone number too. Counts ``counts["events"]``. An
        addon extending it with super() can scrub what it adds to meetings."""
        partner = self
        events = partner._crm_rgpd_events()
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

    def _crm_rgpd_erase_links(self, erasure):
        """Step 5: what hangs on the contact: its planned activities and the
        documents it follows are deleted, its bank accounts too (unless
        res.partner.bank is in ``erasure["retained"]``), its consents stay
        without their proofs, and the CRM mailboxes forget its emails
        (``_crm_rgpd_erase_mailboxes``). Counts ``activities``, ``followers``,
        ``bank_accounts``, ``consents``, ``mailbox_emails``. An addon extending
        it with super() can remove other links to the contact."""
        partner = self
        counts = erasure["counts"]
        activities = self.env["mail.activity"].sudo().search(
            [("res_model", "=", "res.partner"), ("res_id", "=", partner.id)])
        counts["activities"] = len(activities)
        activities.unlink()
        followers = self.env["mail.followers"].sudo().search([("partner_id", "=", partner.id)])
        counts["followers"] = len(followers)
        followers.unlink()
        if "res.partner.bank" not in erasure["retained"]:
            counts["bank_accounts"] = len(partner.bank_ids)
            partner.bank_ids.unlink()
        consents = self.env["crm.consent"].sudo().search([("partner_id", "=", partner.id)])
        consents.write({"proof": False, "proof_file": False, "proof_filename": False})
        counts["consents"] = len(consents)
        partner._crm_rgpd_erase_mailboxes(erasure)

    def _crm_rgpd_erase_providers(self, erasure):
        """Step 6: each model of crm.rgpd.mixin that is not retained erases
        what it holds on the contact (``_crm_rgpd_erase(partner, erasure)``:
        deletes its records by default, counted in ``counts["deleted"]``).
        ``_crm_rgpd_erase_extra`` runs right after it. An addon rarely extends
        this one: it overrides ``_crm_rgpd_erase`` on its model instead."""
        retained_names = set(erasure["retained"]) | set(self._crm_rgpd_retained_models())
        for name in self._crm_rgpd_providers():
            if name not in retained_names:
                self.env[name]._crm_rgpd_erase(self, erasure)

    def _crm_rgpd_erase_extra(self, erasure):
        """Hook: anything else an addon erases, with super() (``self`` is the
        contact, as superuser, still with its data)."""
        return True

    def _crm_rgpd_erase_contact(self, erasure):
        """Step 7, last: the contact keeps only its anonymous name
        (``_crm_rgpd_erase_values``), archived, written without tracking; the
        messages this write may still have posted (an addon tracking a field),
        those not in ``erasure["messages"]`` yet, are erased after. An addon extending it with
        super() finds the contact already anonymized after super(); to erase
        one of its fields it extends ``_crm_rgpd_erase_values`` instead."""
        self.with_context(tracking_disable=True, mail_notrack=True).write(
            self._crm_rgpd_erase_values(erasure))
        # what the write may have posted (an addon tracking a field)
        self._crm_rgpd_erase_messages(self._crm_rgpd_messages() - erasure["messages"], erasure)

    # -- what the steps use -------------------------------------------------------------------
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
                if message[key] and (
                        message.author_id == partner or anonymize.contains_personal_data(
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
                "email_to": anonymize.scrub_text(
                    mail.email_to or "", erasure["names"], erasure["anonymous_name"]) or False,
                "email_cc": anonymize.scrub_text(
                    mail.email_cc or "", erasure["names"], erasure["anonymous_name"]) or False,
            })

    def _crm_rgpd_scrub_chatter(self, model, res_ids, erasure, scrub):
        """The chatter of records the contact was part of (a meeting, an
        invoice): the record name copied on each message and the values of
        tracked fields (an old meeting place) go through ``scrub``."""
        if not res_ids:
            return
        messages = self.env["mail.message"].sudo().search(
            [("model", "=", model), ("res_id", "in", res_ids)])
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
            self.env["crm.mail.tracking"].sudo().search(
                [("partner_id", "=", self.id)]).write({"email": False})
        if "crm.mail.unfiled" not in self.env or not erasure["emails"]:
            return
        Unfiled = self.env["crm.mail.unfiled"].sudo()
        found = Unfiled
        for email in erasure["emails"]:
            for key in ("email_from", "email_to", "email_cc"):
                found |= Unfiled.search([(key, "ilike", email)]).filtered(
                    lambda u: email.lower() in [
                        a.lower() for a in anonymize.split_emails(u[key])])
        erasure["counts"]["mailbox_emails"] = len(found)
        found.mapped("raw_attachment_id").unlink()
        found.unlink()

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
            if name in values or name in keep or not field.store or field.compute \
                    or field.related:
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
