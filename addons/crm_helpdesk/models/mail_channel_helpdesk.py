# -*- coding: utf-8 -*-
from odoo import _, api, fields, models


class MailChannel(models.Model):
    """A live chat session of a team's channel becomes a ticket of the team:
    when it ends (the visitor leaves and rates it, or the operator closes it),
    or at once when the operator types ``/ticket [subject]`` (as crm_livechat's
    ``/lead``). Once per session."""
    _inherit = "mail.channel"

    crm_ticket_ids = fields.One2many("crm.ticket", "livechat_session_id", string="Tickets")

    def _crm_is_helpdesk_session(self):
        self.ensure_one()
        return self.channel_type == "livechat" and bool(self.livechat_channel_id) and bool(
            self.env["crm.helpdesk.team"].sudo().search_count(
                [("livechat_channel_id", "=", self.livechat_channel_id.id)]))

    def _crm_close_session_ticket(self):
        """The session ended: its ticket, made if it has none yet."""
        tickets = self.env["crm.ticket"]
        for session in self.sudo():
            if session._crm_is_helpdesk_session():
                tickets |= tickets._crm_from_livechat(session) or tickets
        return tickets

    def action_crm_create_ticket(self):
        """The "Create ticket" button of a chat session."""
        self.ensure_one()
        ticket = self.env["crm.ticket"]._crm_from_livechat(self)
        if not ticket:
            return False
        return {"type": "ir.actions.act_window", "res_model": "crm.ticket",
                "res_id": ticket.id, "view_mode": "form", "target": "current"}

    @api.model
    def channel_pin(self, uuid, pinned=False):
        result = super(MailChannel, self).channel_pin(uuid, pinned=pinned)
        if not pinned:
            # the operator closed the chat window of the session
            self.sudo().search([("uuid", "=", uuid)])._crm_close_session_ticket()
        return result

    def _define_command_ticket(self):
        return {"help": _("Create a ticket of the helpdesk team from this chat "
                          "(/ticket subject)")}

    def _execute_command_ticket(self, **kwargs):
        partner = self.env.user.partner_id
        body = (kwargs.get("body") or "").strip()
        title = body[len("/ticket"):].strip() if body.startswith("/ticket") else ""
        if not self._crm_is_helpdesk_session():
            msg = _("This chat is not a live chat of a helpdesk team: no ticket.")
        else:
            ticket = self.env["crm.ticket"]._crm_from_livechat(self, title=title)
            if not ticket:
                msg = _("Nothing was said in this chat yet: no ticket.")
            else:
                msg = _('Ticket <a href="#" data-oe-id="%(id)s" data-oe-model="crm.ticket">'
                        '%(number)s</a>') % {"id": ticket.id, "number": ticket.sudo().number}
        self._send_transient_message(partner, msg)
