# -*- coding: utf-8 -*-
"""Merge duplicate tickets into one.

The kept ticket (the oldest, or the one chosen) receives the others'
messages, attachments, followers and tags; the others are archived with a
note that links the kept one. Tickets of different companies are refused;
tickets of different customers only once the user confirms it."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CrmTicketMerge(models.TransientModel):
    _name = "crm.ticket.merge"
    _description = "Merge tickets"

    ticket_ids = fields.Many2many("crm.ticket", string="Tickets")
    target_id = fields.Many2one(
        "crm.ticket", string="Keep",
        help="The ticket the others are merged into; empty: the oldest one.")
    different_customers = fields.Boolean(compute="_compute_different_customers")
    confirm_customers = fields.Boolean(
        string="Merge tickets of different customers",
        help="The tickets come from different customers: tick to merge them all the same.")

    @api.model
    def default_get(self, fields_list):
        values = super(CrmTicketMerge, self).default_get(fields_list)
        if self.env.context.get("active_model") == "crm.ticket":
            ids = self.env.context.get("active_ids") or []
            values["ticket_ids"] = [(6, 0, ids)]
            values["target_id"] = self._crm_oldest(self.env["crm.ticket"].browse(ids)).id
        return values

    @api.depends("ticket_ids")
    def _compute_different_customers(self):
        for wizard in self:
            wizard.different_customers = len(self._crm_customers(wizard.ticket_ids)) > 1

    @api.model
    def _crm_oldest(self, tickets):
        return tickets.sorted(lambda t: (t.create_date or "", t.id))[:1]

    @api.model
    def _crm_customers(self, tickets):
        return tickets.mapped("commercial_partner_id")

    def action_merge(self):
        """Merge the tickets and open the kept one."""
        self.ensure_one()
        tickets = self.ticket_ids | self.target_id
        if len(tickets) < 2:
            raise UserError(_("Choose at least two tickets to merge."))
        if len(tickets.mapped("company_id")) > 1:
            raise UserError(_("Tickets of different companies cannot be merged."))
        if len(self._crm_customers(tickets)) > 1 and not self.confirm_customers:
            raise UserError(_(
                "These tickets come from different customers (%s): tick \"Merge tickets of "
                "different customers\" to merge them all the same.") % ", ".join(
                    self._crm_customers(tickets).mapped("display_name")))
        tickets.check_access_rights("write")
        tickets.check_access_rule("write")
        target = self.target_id or self._crm_oldest(tickets)
        target._crm_merge(tickets - target)
        return {"type": "ir.actions.act_window", "res_model": "crm.ticket",
                "res_id": target.id, "view_mode": "form", "target": "current"}
