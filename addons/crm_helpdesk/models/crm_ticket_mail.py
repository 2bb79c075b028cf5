# -*- coding: utf-8 -*-
"""crm.ticket's mail side: a mail opens a ticket or threads into one.

Where an inbound mail goes (``_crm_mail_reroute``), for Odoo's alias gateway
(mail.thread.message_route, see mail_thread_helpdesk.py) and for crm_base's
IMAP mailboxes (crm_mailbox_helpdesk.py) alike:
1. the ticket it answers by In-Reply-To/References (found by Odoo's gateway
   or the mailbox before us);
2. else the ticket whose number is in the subject ("[TK-00042]");
3. else the sender's open ticket of the team with the same subject (without
   Re:/TR:/Fwd:) opened within the team's days;
4. else a new ticket of the team.
A reply to a ticket closed longer than the team's days opens a new ticket
linked to the old one instead.
"""
import email.utils
import logging
from datetime import timedelta

from odoo import _, api, fields, models, tools

from ..logic import mail_intake

_logger = logging.getLogger(__name__)


class CrmTicket(models.Model):
    _inherit = "crm.ticket"

    previous_ticket_id = fields.Many2one(
        "crm.ticket", string="Follows ticket", readonly=True, copy=False, index=True,
        help="The closed ticket the customer answered: their reply came too long after the "
             "closing to reopen it, so it opened this one.")

    # ---------------------------------------------------------------- routing

    @api.model
    def _crm_mail_reroute(self, route, msg_dict):
        """The route (model, thread id, custom values, user id, alias) of an
        inbound mail for crm.ticket, once the ticket rules are applied."""
        model, thread_id, custom_values, user_id, alias = route
        Ticket = self.sudo().with_context(active_test=False)
        ticket = Ticket.browse(thread_id).exists() if thread_id else Ticket.browse()
        custom_values = dict(custom_values or {})
        if not ticket:
            team = self.env["crm.helpdesk.team"].sudo().browse(custom_values.get("team_id"))
            ticket = self._crm_mail_find_ticket(msg_dict, team.exists())
        if ticket and ticket._crm_mail_opens_new_ticket():
            msg_dict.pop("parent_id", None)
            custom_values.update(team_id=ticket.team_id.id, previous_ticket_id=ticket.id)
            return model, False, custom_values, user_id, alias
        if ticket:
            return model, ticket.id, custom_values, user_id, alias
        msg_dict.pop("parent_id", None)
        return model, False, custom_values, user_id, alias

    @api.model
    def _crm_mail_find_ticket(self, msg_dict, team):
        """The ticket an inbound mail without reply headers belongs to: by
        the number in its subject, else by its sender and subject."""
        Ticket = self.sudo().with_context(active_test=False)
        numbers = mail_intake.ticket_numbers(msg_dict.get("subject"))
        if numbers:
            # an archived ticket (merged into another) only when no active one has it
            found = Ticket.search([("number", "in", numbers)], order="active desc, id desc")
            for number in numbers:  # the first number written wins
                ticket = found.filtered(lambda t, n=number: (t.number or "").upper() == n)
                if ticket:
                    return ticket[:1]
        address = self._crm_mail_address(msg_dict.get("email_from"))
        days = team.mail_sender_thread_days if team else 7
        subject = mail_intake.thread_subject(msg_dict.get("subject"))
        if not (address and days and subject):
            return Ticket.browse()
        since = fields.Datetime.to_string(fields.Datetime.from_string(
            fields.Datetime.now()) - timedelta(days=days))
        domain = [("is_closed", "=", False), ("active", "=", True),
                  ("create_date", ">=", since), ("partner_email", "=ilike", address)]
        if team:
            domain.append(("team_id", "=", team.id))
        for ticket in Ticket.search(domain, order="id desc", limit=50):
            if mail_intake.thread_subject(ticket.name) == subject:
                return ticket
        return Ticket.browse()

    def _crm_mail_opens_new_ticket(self):
        """True when a customer's mail to this closed ticket must open a new one."""
        self.ensure_one()
        if not self.is_closed:
            return False
        days = self.team_id.mail_reopen_days if self.team_id else 30
        if not days:
            return True
        closed = fields.Datetime.from_string(self.closed_date or fields.Datetime.now())
        return fields.Datetime.from_string(fields.Datetime.now()) - closed > timedelta(days=days)

    @staticmethod
    def _crm_mail_address(email_from):
        """(The lower-cased address of a From header, or '')."""
        addresses = tools.email_split(email_from or "")
        return addresses[0].lower() if addresses else ""

    def _crm_on_create(self, vals):
        """The customer follows their ticket, whatever the channel: the
        team's answers ("Send message") reach them by mail."""
        result = super(CrmTicket, self)._crm_on_create(vals)
        for ticket in self.sudo().filtered("partner_id"):
            ticket.message_subscribe(partner_ids=ticket.partner_id.ids)
        return result

    # ------------------------------------------------------------ the gateway

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """A mail that answers no ticket opens one: its subject, its body as
        the description, the sender's contact (found or created), channel
        e-mail. The sender follows the ticket, so that answers reach them."""
        values = dict(custom_values or {})
        email_from = msg_dict.get("email_from") or ""
        name, _address = email.utils.parseaddr(tools.decode_smtp_header(email_from))
        address = self._crm_mail_address(email_from)
        partner = self.env["res.partner"].browse(msg_dict.get("author_id") or [])
        if not partner and address:
            partner = self._crm_customer_for(address, name)
            if partner:
                msg_dict["author_id"] = partner.id
        values.setdefault("name", (msg_dict.get("subject") or "").strip()[:250]
                          or _("(no subject)"))
        values.setdefault("description", msg_dict.get("body") or False)
        values.setdefault("channel", "email")
        if partner:
            values.setdefault("partner_id", partner.id)
        values.setdefault("partner_name", name or partner.name or False)
        values.setdefault("partner_email", address or False)
        return super(CrmTicket, self).message_new(msg_dict, custom_values=values)

    def message_update(self, msg_dict, update_vals=None):
        """A customer's mail into a ticket: a closed ticket is reopened and
        one waiting for the customer goes back to "in progress" (the SLA
        clock starts again through the stage hook); the writer follows it."""
        author = self.env["res.partner"].sudo().browse(msg_dict.get("author_id") or [])
        from_team = bool(author.user_ids.filtered(lambda u: not u.share))
        if not from_team:
            for ticket in self.sudo():
                if ticket.is_closed or ticket.stage_state == "waiting":
                    stage = ticket.team_id._crm_stage_of_state("progress") if ticket.team_id \
                        else self.env["crm.helpdesk.team"]._crm_default_stages().filtered(
                            lambda s: s.state == "progress")[:1]
                    if stage:
                        ticket.write({"stage_id": stage.id})
                if author:
                    ticket.message_subscribe(partner_ids=author.ids)
        return super(CrmTicket, self).message_update(msg_dict, update_vals=update_vals)

    @api.multi
    @api.returns("self", lambda value: value.id)
    def message_post(self, body="", subject=None, message_type="notification", subtype=None,
                     parent_id=False, attachments=None, content_subtype="html", **kwargs):
        """The ticket number goes in the subject of what the team sends; an
        inbound mail's forbidden or oversized attachments are dropped with a
        note; the team's first message to the customer is its first response."""
        dropped = []
        if message_type == "email" and attachments and len(self) == 1:
            attachments, dropped = self._crm_mail_filter_attachments(attachments)
        if subject and message_type != "email" and len(self) == 1:
            subject = mail_intake.with_number(subject, self.number)
        message = super(CrmTicket, self).message_post(
            body=body, subject=subject, message_type=message_type, subtype=subtype,
            parent_id=parent_id, attachments=attachments, content_subtype=content_subtype,
            **kwargs)
        if dropped:
            self._crm_mail_note_dropped(dropped)
        self._crm_mail_first_response(message)
        return message

    def _crm_mail_filter_attachments(self, attachments):
        limit = (self.team_id.mail_attachments_max_mb if self.team_id else 25) * 1024 * 1024
        described = []
        for attachment in attachments:
            name = attachment[0] if len(attachment) > 1 else ""
            content = attachment[1] if len(attachment) > 1 else b""
            described.append((name, len(content or b""), None))
        kept, dropped = mail_intake.filter_attachments(described, limit)
        return [attachments[i] for i in kept], dropped

    def _crm_mail_note_dropped(self, dropped):
        reasons = {"type": _("a program or script, refused for safety"),
                   "size": _("over the team's size limit for one mail")}
        items = "".join(
            "<li>%s: %s</li>" % (tools.html_escape(name or _("(no name)")), reasons[reason])
            for name, reason in dropped)
        body = "<p>%s</p><ul>%s</ul>" % (
            _("Attachments of the customer's mail were not kept:"), items)
        self.sudo().message_post(
            body=body,
            message_type="comment", subtype="mail.mt_note")

    def _crm_mail_first_response(self, message):
        """first_response_date: the first message of a team member that goes
        to the customer (not a note, not an automatic notification)."""
        if not message or message.message_type not in ("comment", "email"):
            return
        if message.subtype_id != self.env.ref("mail.mt_comment"):
            return
        if not message.author_id.user_ids.filtered(lambda u: not u.share):
            return
        waiting = self.sudo().filtered(lambda t: not t.first_response_date)
        if waiting:
            waiting.write({"first_response_date": message.date or fields.Datetime.now()})

    # -------------------------------------------------------- canned replies

    def action_crm_reply_with(self):
        """The mail composer on the ticket, with a canned reply to choose."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Reply with..."),
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(self.env.ref("crm_helpdesk.crm_ticket_reply_compose_form").id, "form")],
            "target": "new",
            "context": {
                "default_model": "crm.ticket", "default_res_id": self.id,
                "default_composition_mode": "comment",
                "default_subtype_id": self.env.ref("mail.mt_comment").id,
                "default_partner_ids": self.partner_id.ids,
                "crm_helpdesk_team_id": self.team_id.id,
            },
        }

    # ------------------------------------------------------------ nothing lost

    @api.model
    def _crm_mail_keep_unreadable(self, raw, team, error):
        """A ticket for a mail the gateway could not process, with its source
        attached and the reason; the ticket already made for the same mail
        when it comes again."""
        message_id = self.env["mail.thread"]._crm_raw_message_id(raw)
        known = self.env["mail.message"].sudo().search(
            [("message_id", "=", message_id), ("model", "=", "crm.ticket")], limit=1)
        if known:
            return known.res_id
        subject = _("Unreadable e-mail")
        try:
            parsed = email.message_from_bytes(raw)
            subject = tools.decode_message_header(parsed, "Subject").strip()[:200] or subject
        except Exception:  # the reason below says it already
            _logger.debug("No subject in an unreadable mail", exc_info=True)
        ticket = self.create({
            "name": subject, "team_id": team.id or False, "channel": "email",
            "description": "<p>%s</p>" % tools.html_escape(
                _("This e-mail could not be read; its original is attached. Reason: %s")
                % error),
        })
        ticket.message_post(
            body=_("E-mail kept as received (it could not be read): %s") % tools.html_escape(error),
            message_type="comment", subtype="mail.mt_note", message_id=message_id,
            attachments=[("original_email.eml", raw)])
        return ticket.id
