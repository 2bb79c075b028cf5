# -*- coding: utf-8 -*-
"""The contact shows whether the emails sent to it were opened and clicked."""
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    crm_mail_tracking_ids = fields.One2many(
        "crm.mail.tracking", "partner_id", string="Emails sent (tracking)")
    crm_mail_opened_count = fields.Integer(
        compute="_compute_crm_mail_tracking_stats", string="Emails opened")
    crm_mail_sent_count = fields.Integer(
        compute="_compute_crm_mail_tracking_stats", string="Tracked emails")

    @api.depends("crm_mail_tracking_ids.open_count")
    def _compute_crm_mail_tracking_stats(self):
        for partner in self:
            trackings = partner.crm_mail_tracking_ids
            partner.crm_mail_sent_count = len(trackings)
            partner.crm_mail_opened_count = len(trackings.filtered("open_count"))
