# -*- coding: utf-8 -*-
"""Messages: the mailbox an inbound email came from, and the tracking of an
outbound one. In the chatter, the envelope icon of a sent email lists its
recipients; each one is followed by "opened 2 times, last on ..."."""
from odoo import api, fields, models


class MailMessage(models.Model):
    _inherit = "mail.message"

    crm_mailbox_id = fields.Many2one("crm.mailbox", string="Received in mailbox",
                                     index=True, ondelete="set null", readonly=True)
    crm_tracking_ids = fields.One2many("crm.mail.tracking", "mail_message_id",
                                       string="Opens and clicks")

    @api.model
    def _message_read_dict_postprocess(self, messages, message_tree):
        res = super(MailMessage, self)._message_read_dict_postprocess(messages, message_tree)
        trackings = self.env["crm.mail.tracking"].sudo().search(
            [("mail_message_id", "in", [m["id"] for m in messages]), ("partner_id", "!=", False)])
        summaries = {(t.mail_message_id.id, t.partner_id.id): t._summary_text() for t in trackings}
        for message in messages:
            data = []
            for partner_id, name, status in message.get("customer_email_data") or []:
                summary = summaries.get((message["id"], partner_id))
                data.append((partner_id, "%s (%s)" % (name, summary) if summary else name, status))
            message["customer_email_data"] = data
        return res
