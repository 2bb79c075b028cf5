# -*- coding: utf-8 -*-
"""crm_base's IMAP mailboxes feed the helpdesk.

Anywhere: "[TK-00042]" in a subject files the mail on that ticket
(_crm_mail_find_references). A mailbox linked to a team (support@) files
every mail on a ticket: the one it answers (headers, number, sender and
subject, by the rules of crm.ticket._crm_mail_reroute), else a new ticket of
the team; none lands in the unfiled list, except those crm_base cannot read
at all (kept there with their source and the reason). A mail that answers
another kind of record (an opportunity's thread) is filed as crm_base does.
"""
from odoo import SUPERUSER_ID, api, fields, models

from odoo.addons.crm_base.logic import mail_filing

from ..logic import mail_intake


class CrmMailbox(models.Model):
    _inherit = "crm.mailbox"

    helpdesk_team_id = fields.Many2one(
        "crm.helpdesk.team", string="Helpdesk team", ondelete="set null", index=True,
        help="Every mail of this mailbox opens a ticket of the team, or is added to the "
             "ticket it answers, instead of waiting in the unfiled list.")

    @api.model
    def _crm_mail_find_references(self, references):
        result = super(CrmMailbox, self)._crm_mail_find_references(references)
        numbers = [r for r in references if r not in result and mail_intake.ticket_numbers(r)]
        if numbers:
            tickets = self.env["crm.ticket"].sudo().with_context(active_test=False).search(
                [("number", "in", numbers)], order="active desc, id desc")
            for ticket in tickets:
                key = (ticket.number or "").upper()
                if key not in result:
                    result[key] = ("crm.ticket", ticket.id)
        return result

    def _decide(self, headers):
        decision = super(CrmMailbox, self)._decide(headers)
        if not self.helpdesk_team_id:
            return decision
        if decision.record and decision.record[0] != "crm.ticket":
            return decision  # answers another record: filed as crm_base does
        # the ticket (found or to open) is on the customer's 360° record:
        # no copy on the contacts
        return mail_filing.Decision(decision.record or ("crm.ticket", 0), [], [],
                                    decision.reason if decision.record else "helpdesk")

    def _post_on_targets(self, compat, msg_dict, targets):
        if not (self.helpdesk_team_id and targets and targets[0][0] == "crm.ticket"):
            return super(CrmMailbox, self)._post_on_targets(compat, msg_dict, targets)
        _model, res_id = targets[0]
        values = dict(msg_dict)
        values["attachments"] = list(msg_dict.get("attachments") or [])
        values["author_id"] = self._find_author(msg_dict.get("email_from")).id or False
        values["crm_mailbox_id"] = self.id
        parent = self.env["mail.message"].sudo().browse(msg_dict.get("parent_id") or [])
        if not (parent and parent.model == "crm.ticket" and parent.res_id == res_id):
            values.pop("parent_id", None)
            values.pop("internal", None)
        route = self.env["crm.ticket"]._crm_mail_reroute(
            ("crm.ticket", res_id or False, {"team_id": self.helpdesk_team_id.id},
             SUPERUSER_ID, False), values)
        thread_id = self.env["mail.thread"].sudo().message_route_process(compat, values, [route])
        return self.env["mail.message"].sudo().search([
            ("model", "=", "crm.ticket"), ("res_id", "=", thread_id),
            ("message_id", "=", msg_dict["message_id"])], order="id desc", limit=1)
