# -*- coding: utf-8 -*-
"""Inbound emails that matched no contact, company or record, and emails that
could not be read or filed: kept with their raw source (attachment
original.eml) until someone files them by hand. Nothing is ever dropped."""
import base64
import email

from odoo import _, api, fields, models, tools
from odoo.exceptions import UserError


class CrmMailUnfiled(models.Model):
    _name = "crm.mail.unfiled"
    _description = "Unfiled email"
    _order = "date desc, id desc"
    _rec_name = "subject"

    mailbox_id = fields.Many2one("crm.mailbox", required=True,
                                 ondelete="cascade", index=True, readonly=True)
    mailbox_kind = fields.Selection(related="mailbox_id.kind", store=True, readonly=True,
                                    string="Mailbox type")
    user_id = fields.Many2one(related="mailbox_id.user_id", store=True, readonly=True,
                              string="Mailbox owner")
    company_id = fields.Many2one(related="mailbox_id.company_id", store=True, readonly=True,
                                 string="Company")
    subject = fields.Char(readonly=True)
    email_from = fields.Char(string="From", readonly=True)
    email_to = fields.Char(string="To", readonly=True)
    email_cc = fields.Char(string="Cc", readonly=True)
    date = fields.Datetime(readonly=True, default=fields.Datetime.now)
    message_id = fields.Char(string="Message-Id", readonly=True, index=True)
    imap_uid = fields.Char(string="IMAP UID", readonly=True)
    body = fields.Html(readonly=True, sanitize=True, sanitize_style=False)
    state = fields.Selection(
        [("unfiled", "To file"), ("error", "Unreadable"), ("filed", "Filed")],
        string="Status", default="unfiled", required=True, readonly=True, index=True)
    error = fields.Text(string="Reason", readonly=True,
                        help="Why the email could not be read or filed.")
    raw_attachment_id = fields.Many2one("ir.attachment", string="Original email",
                                        readonly=True, ondelete="restrict")
    filed_partner_id = fields.Many2one("res.partner", string="Filed to", readonly=True)
    filed_message_id = fields.Many2one("mail.message", string="Posted message", readonly=True)
    filed_by_id = fields.Many2one("res.users", string="Filed by", readonly=True)
    filed_date = fields.Datetime(string="Filed on", readonly=True)

    @api.model
    def _create_from_raw(self, mailbox, raw, uid=None, msg_dict=None, error=None):
        """Keep `raw` (bytes) as an unfiled email of `mailbox`."""
        values = {
            "mailbox_id": mailbox.id,
            "imap_uid": uid and str(uid) or False,
            "state": "error" if error else "unfiled",
            "error": error or False,
        }
        if msg_dict:
            values.update({
                "subject": msg_dict.get("subject") or False,
                "email_from": msg_dict.get("email_from") or False,
                "email_to": msg_dict.get("to") or False,
                "email_cc": msg_dict.get("cc") or False,
                "message_id": msg_dict.get("message_id") or False,
                "body": msg_dict.get("body") or False,
                "date": msg_dict.get("date") or fields.Datetime.now(),
            })
        else:
            values.update(self._headers_best_effort(raw))
        record = self.create(values)
        record.raw_attachment_id = self.env["ir.attachment"].create({
            "name": "original.eml",
            "datas_fname": "original.eml",
            "datas": base64.b64encode(raw),
            "mimetype": "message/rfc822",
            "res_model": self._name,
            "res_id": record.id,
        })
        return record

    @staticmethod
    def _headers_best_effort(raw):
        """Subject and addresses of a message that failed to parse, as far as
        they can be read, so that a person can recognise it in the list."""
        values = {}
        try:
            msg = email.message_from_bytes(raw)
        except Exception:  # unreadable even loosely: the raw source says it all
            return values
        for key, header in (("subject", "Subject"), ("email_from", "From"),
                            ("email_to", "To"), ("message_id", "Message-Id")):
            try:
                value = tools.decode_smtp_header(msg.get(header) or "")
            except Exception:  # keep the undecoded form
                value = str(msg.get(header) or "")
            if value:
                values[key] = value[:500]
        return values

    def _raw(self):
        self.ensure_one()
        attachment = self.raw_attachment_id.sudo()
        return base64.b64decode(attachment.datas) if attachment else b""

    def action_file_to(self, partner):
        """Post each of these emails on `partner` and mark them filed."""
        if not partner:
            raise UserError(_("Choose the contact or company to file the emails to."))
        for unfiled in self:
            if unfiled.state == "filed":
                raise UserError(_("The email \"%s\" is already filed.") % (unfiled.subject or ""))
            mailbox = unfiled.mailbox_id.sudo()
            message = self.env["mail.message"]
            raw = unfiled._raw()
            if unfiled.state != "error":
                try:
                    with self.env.cr.savepoint():
                        compat = email.message_from_bytes(raw)
                        msg_dict = self.env["mail.thread"].sudo().message_parse(compat)
                        message = mailbox._post_on_targets(
                            compat, msg_dict, [("res.partner", partner.id)])
                except Exception as e:
                    self.env.clear()
                    unfiled.write({"state": "error",
                                   "error": _("Filing failed: %s") % tools.ustr(e)})
            if not message:
                # unreadable: a note with the original attached, so the
                # contact's history still shows it
                message = partner.sudo().message_post(
                    body="<p>%s</p>" % tools.html_escape(
                        _("Email filed by hand that could not be read: %s")
                        % (unfiled.error or "")),
                    subject=unfiled.subject or _("Unreadable email"),
                    message_type="comment", subtype="mail.mt_note",
                    attachments=[("original.eml", raw)],
                    crm_mailbox_id=mailbox.id)
            unfiled.write({
                "state": "filed",
                "filed_partner_id": partner.id,
                "filed_message_id": message[:1].id,
                "filed_by_id": self.env.uid,
                "filed_date": fields.Datetime.now(),
            })
        return True

    def name_get(self):
        return [(u.id, u.subject or _("(no subject)")) for u in self]
