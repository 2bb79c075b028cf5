# -*- coding: utf-8 -*-
from odoo import api, fields, models

from ..logic import mail_intake

MERGE_FIELDS_HELP = (
    "Fields replaced when the reply is inserted: {first_name} and {customer_name} (the "
    "customer), {ticket_number}, {ticket_subject}, {team_name}, {agent_name} (you).")


class CrmTicketCannedReply(models.Model):
    """A ready-made answer the team inserts when replying to a ticket
    ("Reply with..."), with the customer's first name and the ticket number
    merged in. A reply without a team is shared by every team."""
    _name = "crm.ticket.canned.reply"
    _description = "Canned reply"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    body = fields.Html(required=True, translate=True, sanitize=True, help=MERGE_FIELDS_HELP)
    team_id = fields.Many2one("crm.helpdesk.team", index=True,
                              ondelete="cascade", help="Empty: shared by every team.")
    company_id = fields.Many2one("res.company", index=True,
                                 default=lambda self: self.env.user.company_id)

    @api.model
    def _crm_merge_values(self, ticket):
        partner = ticket.partner_id
        customer = partner.name if partner and not partner.is_company else \
            (ticket.partner_name or partner.name or "")
        return {
            "first_name": mail_intake.first_name(customer),
            "customer_name": customer,
            "ticket_number": ticket.number or "",
            "ticket_subject": ticket.name or "",
            "team_name": ticket.team_id.name or "",
            "agent_name": self.env.user.name or "",
        }

    def _crm_render(self, ticket):
        """The body with the ticket's values merged in (HTML)."""
        self.ensure_one()
        return mail_intake.merge_fields(self.body, self._crm_merge_values(ticket))
