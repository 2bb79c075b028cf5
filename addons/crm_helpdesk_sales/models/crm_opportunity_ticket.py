# -*- coding: utf-8 -*-
from odoo import _, fields, models


class CrmOpportunity(models.Model):
    """The tickets about an opportunity (its smart button)."""
    _inherit = "crm.opportunity"

    crm_ticket_ids = fields.One2many("crm.ticket", "opportunity_id", string="Tickets")
    crm_ticket_count = fields.Integer(string="Tickets", compute="_compute_crm_ticket_count")

    def _compute_crm_ticket_count(self):
        counts = {}
        if self.ids:
            rows = self.env["crm.ticket"].read_group(
                [("opportunity_id", "in", self.ids)], ["opportunity_id"], ["opportunity_id"])
            counts = {row["opportunity_id"][0]: row["opportunity_id_count"] for row in rows}
        for opportunity in self:
            opportunity.crm_ticket_count = counts.get(opportunity.id, 0)

    def action_crm_tickets(self):
        self.ensure_one()
        action = self.env.ref("crm_helpdesk.crm_ticket_action").read()[0]
        action.update(domain=[("opportunity_id", "=", self.id)],
                      context={"default_opportunity_id": self.id,
                               "default_partner_id": self.contact_id.id or self.partner_id.id},
                      display_name=_("Tickets of %s") % self.name)
        return action
