# -*- coding: utf-8 -*-
from odoo import fields, models


class CrmOpportunityLost(models.TransientModel):
    _name = "crm.opportunity.lost"
    _description = "Mark opportunities as lost"

    lost_reason_id = fields.Many2one(
        "crm.opportunity.lost.reason", string="Lost reason", required=True)
    lost_note = fields.Text(string="Details")

    def action_confirm(self):
        opportunities = self.env["crm.opportunity"].browse(self.env.context.get("active_ids", []))
        opportunities.action_set_lost(self.lost_reason_id.id, self.lost_note or False)
        return {"type": "ir.actions.act_window_close"}
