# -*- coding: utf-8 -*-
from odoo import _, api, fields, models, tools
from odoo.exceptions import UserError

from odoo.addons.crm_base.logic import phone_numbers
from ..models.crm_ticket import PRIORITIES


class CrmTicketPhoneWizard(models.TransientModel):
    """During a call: type the caller's number, see who it is and their open
    tickets, write the request down: a ticket of channel "phone"."""
    _name = "crm.ticket.phone.wizard"
    _description = "Phone call"

    phone = fields.Char(string="Caller's number", required=True)
    phone_valid = fields.Boolean(compute="_compute_matches")
    match_ids = fields.Many2many("res.partner", compute="_compute_matches",
                                 string="Contacts with this number")
    partner_id = fields.Many2one("res.partner", string="Caller")
    new_contact_name = fields.Char(string="New contact",
                                   help="No contact has this number: the caller's name, to "
                                        "create their contact with it.")
    open_ticket_ids = fields.Many2many("crm.ticket", compute="_compute_open_tickets",
                                       string="Their open tickets")
    team_id = fields.Many2one("crm.helpdesk.team", required=True,
                              default=lambda self: self.env["crm.ticket"]._default_team())
    name = fields.Char(string="Subject")
    description = fields.Text(string="What the caller says")
    priority = fields.Selection(PRIORITIES, default="1")
    category_id = fields.Many2one("crm.ticket.category")

    @api.depends("phone")
    def _compute_matches(self):
        Partner = self.env["res.partner"]
        for wizard in self:
            wizard.phone_valid = bool(phone_numbers.normalize(wizard.phone))
            wizard.match_ids = Partner.crm_find_by_phone(wizard.phone)

    @api.depends("partner_id")
    def _compute_open_tickets(self):
        Ticket = self.env["crm.ticket"]
        for wizard in self:
            if wizard.partner_id:
                wizard.open_ticket_ids = Ticket.search([
                    ("commercial_partner_id", "=", wizard.partner_id.commercial_partner_id.id),
                    ("is_closed", "=", False)], limit=20)
            else:
                wizard.open_ticket_ids = Ticket

    @api.onchange("phone")
    def _onchange_phone(self):
        matches = self.env["res.partner"].crm_find_by_phone(self.phone)
        if len(matches) == 1 or (matches and self.partner_id not in matches):
            self.partner_id = matches[:1]

    def action_crm_create_ticket(self):
        self.ensure_one()
        if not (self.name or "").strip():
            raise UserError(_("Write the subject of the call first."))
        partner = self.partner_id
        if not partner:
            if not (self.new_contact_name or "").strip():
                raise UserError(_("No contact has this number: choose the caller or type "
                                  "their name to create their contact."))
            partner = self.env["res.partner"].create({
                "name": self.new_contact_name.strip(), "phone": self.phone.strip()})
        description = self.description or ""
        ticket = self.env["crm.ticket"].create({
            "name": self.name.strip(),
            "description": tools.plaintext2html(description) if description.strip() else False,
            "team_id": self.team_id.id,
            "partner_id": partner.id,
            "partner_name": partner.name,
            "partner_email": partner.email,
            "partner_phone": self.phone.strip(),
            "priority": self.priority,
            "category_id": self.category_id.id,
            "channel": "phone",
        })
        return {"type": "ir.actions.act_window", "res_model": "crm.ticket",
                "res_id": ticket.id, "view_mode": "form", "target": "current"}
