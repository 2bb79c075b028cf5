# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.tools import html2plaintext

from ..logic import chat_transcript


class CrmTicket(models.Model):
    """A ticket from a live chat session (models/mail_channel_helpdesk.py)."""
    _inherit = "crm.ticket"

    livechat_session_id = fields.Many2one(
        "mail.channel", string="Chat session", readonly=True, copy=False, index=True,
        ondelete="set null", domain=[("channel_type", "=", "livechat")])
    livechat_without_contact = fields.Boolean(
        string="Chat without contact", readonly=True, copy=False,
        help="The visitor of the chat gave no e-mail address: they cannot be answered by "
             "e-mail.")

    _sql_constraints = [("crm_ticket_livechat_session_unique", "UNIQUE(livechat_session_id)",
                         "This chat session already has a ticket.")]

    @api.model
    def _crm_from_livechat(self, session, title=None):
        """The ticket of a chat session: the existing one, or a new one of the
        team of the session's live chat channel with the transcript as
        description. None when the session has no team or nothing was said.
        Never two tickets for one session: the session row is locked while
        checking, and a unique constraint backs it."""
        session = session.sudo()
        team = self.env["crm.helpdesk.team"].sudo().search(
            [("livechat_channel_id", "=", session.livechat_channel_id.id)], limit=1) \
            if session.livechat_channel_id else None
        if not team:
            return None
        self.env.cr.execute("SELECT id FROM mail_channel WHERE id = %s FOR UPDATE",
                            (session.id,))
        Ticket = self.sudo().with_context(active_test=False)
        existing = Ticket.search([("livechat_session_id", "=", session.id)], limit=1)
        if existing:
            return existing
        messages = session.channel_message_ids.sorted(lambda m: (m.date, m.id))
        if not messages:
            return None
        operators = session.livechat_channel_id.user_ids.mapped("partner_id")
        visitor_name = session.anonymous_name or _("Visitor")
        lines, visitor_texts = [], []
        for message in messages:
            text = html2plaintext(message.body or "").strip()
            author = message.author_id
            if author and author in operators:
                name = author.name
            else:
                name = author.name if author else visitor_name
                visitor_texts.append(text)
            when = fields.Datetime.context_timestamp(
                self.with_context(tz=team.user_id.tz or self.env.user.tz or "Europe/Paris"),
                fields.Datetime.from_string(message.date)).strftime("%Y-%m-%d %H:%M")
            lines.append((name, when, text))
        visitor_partners = session.channel_partner_ids - operators
        partner = visitor_partners.filtered(lambda p: p.email)[:1]
        email = partner.email if partner else chat_transcript.find_email(visitor_texts)
        if not partner and email:
            partner = self._crm_customer_for(email, session.anonymous_name)
        description = chat_transcript.transcript_html(
            lines, heading=_("Live chat with %s") % visitor_name)
        operator_user = self.env["res.users"].sudo().search(
            [("partner_id", "in", (session.channel_partner_ids & operators).ids)], limit=1)
        ticket = Ticket.with_context(mail_create_nosubscribe=True).create({
            "name": chat_transcript.ticket_title(
                title, visitor_texts, _("Live chat with %s") % visitor_name),
            "description": description,
            "team_id": team.id,
            "company_id": team.company_id.id,
            "partner_id": partner.id if partner else False,
            "partner_name": partner.name if partner else visitor_name,
            "partner_email": email or False,
            "channel": "chat",
            "livechat_session_id": session.id,
            "livechat_without_contact": not partner,
            "user_id": operator_user.id or False,
        })
        return ticket
