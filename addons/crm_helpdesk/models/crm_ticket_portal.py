# -*- coding: utf-8 -*-
import uuid

from odoo import _, api, fields, models, tools
from odoo.exceptions import UserError
from odoo.tools import consteq

MAX_PORTAL_REPLY = 20000


class CrmTicket(models.Model):
    """The customer's side of a ticket: /my/tickets (controllers/portal.py).

    A portal user sees the tickets of their company (record rule on
    ``commercial_partner_id``); a link in the mails carries the ticket's own
    random token and opens that ticket without an account."""
    _inherit = "crm.ticket"

    access_token = fields.Char(string="Portal token", copy=False, readonly=True,
                               groups="base.group_user")

    def _compute_portal_url(self):
        for ticket in self:
            ticket.portal_url = "/my/tickets/%d" % ticket.id

    def _crm_portal_token(self):
        """The ticket's access token, made on first use."""
        self.ensure_one()
        ticket = self.sudo()
        if not ticket.access_token:
            ticket.write({"access_token": uuid.uuid4().hex})
        return ticket.access_token

    def crm_portal_link(self):
        """The address of the ticket on the portal, with its token: for the
        mails to the customer (a public name: mail templates call it). Only
        for a reader of the ticket."""
        self.ensure_one()
        self.check_access_rights("read")
        self.check_access_rule("read")
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url", "")
        return "%s/my/tickets/%d?access_token=%s" % (base_url.rstrip("/"), self.id,
                                                     self._crm_portal_token())

    def _crm_check_portal_token(self, token):
        self.ensure_one()
        stored = self.sudo().access_token
        return bool(token and stored and consteq(str(token), stored))

    def get_access_action(self, access_uid=None):
        """A customer's link to the ticket (mail buttons, /mail/view) goes to
        the portal page, an internal user's to the back office."""
        self.ensure_one()
        user = self.env["res.users"].sudo().browse(access_uid) if access_uid else self.env.user
        if user.share:
            return {"type": "ir.actions.act_url", "url": self.portal_url, "target": "self",
                    "res_id": self.id}
        return super(CrmTicket, self).get_access_action(access_uid)

    def _crm_portal_messages(self):
        """What the customer sees of the thread: mails and public messages,
        not internal notes nor tracking."""
        self.ensure_one()
        return self.sudo().message_ids.filtered(
            lambda m: m.message_type in ("email", "comment") and m.subtype_id
            and not m.subtype_id.internal and (m.body or m.attachment_ids)
        ).sorted(lambda m: (m.date, m.id))

    def _crm_portal_reply(self, partner, text):
        """The customer's answer from the portal: posted as them (a public
        message, the team is notified) and a ticket waiting for the customer
        goes back to "in progress"."""
        self.ensure_one()
        text = (text or "").strip()
        if not text:
            raise UserError(_("Write your answer first."))
        if len(text) > MAX_PORTAL_REPLY:
            raise UserError(_("Your answer is too long: at most %s characters.")
                            % MAX_PORTAL_REPLY)
        ticket = self.sudo()
        if ticket.is_closed:
            raise UserError(_("This ticket is closed: send a new request instead."))
        message = ticket.with_context(mail_create_nosubscribe=True).message_post(
            body=tools.plaintext2html(text), author_id=partner.id, message_type="comment",
            subtype="mail.mt_comment")
        if ticket.stage_state == "waiting":
            stage = ticket._crm_stage_in_state("progress")
            if stage:
                ticket.write({"stage_id": stage.id})
        return message

    def _crm_stage_in_state(self, state):
        self.ensure_one()
        stages = self.team_id.stage_ids or self.env["crm.helpdesk.team"]._crm_default_stages()
        return stages.filtered(lambda s: s.state == state)[:1]

    @api.model
    def _crm_portal_domain(self, partner):
        return [("commercial_partner_id", "=", partner.commercial_partner_id.id)]
