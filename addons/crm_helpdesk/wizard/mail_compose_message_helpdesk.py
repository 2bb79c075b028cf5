# -*- coding: utf-8 -*-
from odoo import api, fields, models


class MailComposeMessage(models.TransientModel):
    """"Reply with...": the mail composer of a ticket, with a canned reply
    to insert, merged for the ticket (the customer's first name, the number)."""
    _inherit = "mail.compose.message"

    crm_canned_reply_id = fields.Many2one(
        "crm.ticket.canned.reply", string="Canned reply",
        domain="['|', ('team_id', '=', False), "
               "('team_id', '=', context.get('crm_helpdesk_team_id', False))]")

    @api.onchange("crm_canned_reply_id")
    def _onchange_crm_canned_reply_id(self):
        if self.crm_canned_reply_id and self.model == "crm.ticket" and self.res_id:
            ticket = self.env["crm.ticket"].browse(self.res_id)
            self.body = self.crm_canned_reply_id._crm_render(ticket)
