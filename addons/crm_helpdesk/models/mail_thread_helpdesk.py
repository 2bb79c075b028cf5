# -*- coding: utf-8 -*-
"""The helpdesk's part of Odoo's mail gateway (message_process).

- message_route: Odoo routes a reply by its In-Reply-To/References and a new
  mail by the team's alias; the routes to crm.ticket then go through the
  ticket rules (number in the subject, sender and subject, reopen or a new
  ticket after a long-closed one): crm.ticket._crm_mail_reroute.
- message_process: a mail for the helpdesk (a team's alias, or crm.ticket as
  the fallback model) that Odoo cannot read or route still lands in a ticket,
  with its source attached and the reason; the same Message-Id never lands
  twice.
"""
import email
import hashlib
import logging
import re
import xmlrpc.client as xmlrpclib

from odoo import api, models, tools

_logger = logging.getLogger(__name__)

_MESSAGE_ID_RE = re.compile(rb"^Message-Id:\s*(<[^>\r\n]+>)", re.IGNORECASE | re.MULTILINE)


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    @api.model
    def message_route(self, message, message_dict, model=None, thread_id=None,
                      custom_values=None):
        routes = super(MailThread, self).message_route(
            message, message_dict, model=model, thread_id=thread_id,
            custom_values=custom_values)
        Ticket = self.env["crm.ticket"]
        return [Ticket._crm_mail_reroute(route, message_dict) if route and route[0] == "crm.ticket"
                else route for route in routes]

    @api.model
    def message_process(self, model, message, custom_values=None, save_original=False,
                        strip_attachments=False, thread_id=None):
        if isinstance(message, xmlrpclib.Binary):
            message = bytes(message.data)
        if isinstance(message, str):
            message = message.encode("utf-8")
        try:
            with self.env.cr.savepoint():
                return super(MailThread, self).message_process(
                    model, message, custom_values=custom_values, save_original=save_original,
                    strip_attachments=strip_attachments, thread_id=thread_id)
        except Exception as error:
            team = self._crm_helpdesk_team_of_raw(model, message, custom_values)
            if team is None:
                raise
            _logger.warning("Inbound mail for the helpdesk could not be processed, kept in a "
                            "ticket: %s", error, exc_info=True)
            return self.env["crm.ticket"].sudo()._crm_mail_keep_unreadable(
                message, team, tools.ustr(error))

    @api.model
    def _crm_helpdesk_team_of_raw(self, model, raw, custom_values=None):
        """The team a raw mail was sent to (its alias in To/Cc/Delivered-To),
        an empty team when crm.ticket is the fallback model, None when the
        mail is not for the helpdesk."""
        try:
            parsed = email.message_from_bytes(raw)
            recipients = ",".join(tools.decode_message_header(parsed, header) for header in (
                "Delivered-To", "To", "Cc", "Resent-To", "Resent-Cc"))
            localparts = [a.split("@")[0].lower() for a in tools.email_split(recipients)]
        except Exception:  # unreadable headers: only the fallback model can tell
            localparts = []
        Team = self.env["crm.helpdesk.team"].sudo()
        if localparts:
            team = Team.search([("alias_name", "in", localparts)], limit=1)
            if team:
                return team
        if model == "crm.ticket":
            return Team.browse((custom_values or {}).get("team_id")).exists()
        return None

    @api.model
    def _crm_raw_message_id(self, raw):
        """The Message-Id of a raw mail, else one made from its content, so
        that the same mail processed twice is recognised."""
        match = _MESSAGE_ID_RE.search(raw[:65536])
        if match:
            return match.group(1).decode("ascii", "replace")
        return "<%s@crm-helpdesk.unreadable>" % hashlib.sha1(raw).hexdigest()
