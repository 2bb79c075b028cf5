# -*- coding: utf-8 -*-
import base64
import os

from odoo import _, api, models, tools
from odoo.exceptions import UserError

from ..logic import web_form


class CrmTicket(models.Model):
    """A ticket from the public support form (controllers/support_form.py)."""
    _inherit = "crm.ticket"

    @api.model
    def _crm_web_form_message(self, code, params):
        messages = {
            "required": _("This field is required."),
            "too_long": _("This is too long: at most %(max)s characters."),
            "email_invalid": _("This e-mail address does not look valid."),
            "phone_invalid": _("This phone number does not look valid."),
            "too_many_files": _("At most %(max)s files."),
            "files_too_big": _("The files are too big: at most %(max)s MB in all."),
            "file_type": _("%(file)s: this kind of file is not accepted (accepted: images, "
                           "PDF, office documents and text)."),
            "file_empty": _("%(file)s: the file is empty."),
            "file_executable": _("%(file)s: programs are not accepted."),
            "file_content": _("%(file)s: the content of the file does not match its "
                              "extension."),
            "category": _("Choose a category from the list."),
            "rate_limited": _("Too many requests in a short time: please try again in a few "
                              "minutes, or write to us by e-mail."),
        }
        return messages[code] % params if params else messages[code]

    @api.model
    def _crm_web_form_errors(self, team, values, files):
        """{field: [translated message]} of a submission; empty when it is fine."""
        errors = {}
        for field, code, params in web_form.check_submission(values, files):
            errors.setdefault(field, []).append(self._crm_web_form_message(code, params))
        category_id = values.get("category_id")
        if category_id and category_id not in team._crm_web_form_categories().ids:
            errors.setdefault("category_id", []).append(
                self._crm_web_form_message("category", {}))
        return errors

    @api.model
    def _crm_create_from_web_form(self, team, values, files):
        """Create the ticket of a valid form submission, with its attachments,
        and mail the customer an acknowledgement with the ticket number. All
        in the caller's transaction: nothing half-written on an error.

        ``values``: name, email, phone, subject, description (plain text),
        category_id; ``files``: [(filename, bytes)]. Raises UserError when the
        submission is not valid (the controller checks first)."""
        errors = self._crm_web_form_errors(team, values, files)
        if errors:
            raise UserError("\n".join(m for messages in errors.values() for m in messages))
        Ticket = self.sudo().with_context(mail_create_nosubscribe=True,
                                          default_team_id=team.id)
        name = values["name"].strip()
        email = values["email"].strip()
        partner = self._crm_customer_for(email, name)
        phone = (values.get("phone") or "").strip()
        if phone and partner and not (partner.phone or partner.mobile):
            partner.sudo().write({"phone": phone})
        ticket = Ticket.create({
            "name": values["subject"].strip(),
            "description": tools.plaintext2html(values["description"].strip()),
            "team_id": team.id,
            "company_id": team.company_id.id,
            "category_id": values.get("category_id") or False,
            "partner_id": partner.id,
            "partner_name": name,
            "partner_email": email,
            "partner_phone": phone or False,
            "channel": "web",
        })
        Attachment = self.env["ir.attachment"].sudo()
        for filename, content in files:
            filename = os.path.basename(filename.replace("\\", "/"))[:200]
            Attachment.create({"name": filename, "datas_fname": filename,
                               "datas": base64.b64encode(content),
                               "res_model": "crm.ticket", "res_id": ticket.id})
        ticket._crm_send_web_form_acknowledgement()
        return ticket

    def _crm_send_web_form_acknowledgement(self):
        template = self.env.ref("crm_helpdesk.mail_template_crm_ticket_web_form_ack",
                                raise_if_not_found=False)
        for ticket in self.filtered("partner_id"):
            if template:
                ticket.sudo().message_post_with_template(template.id,
                                                         composition_mode="comment")

    @api.model
    def _crm_web_form_expired_message(self):
        return _("This form has expired: please send it again.")
