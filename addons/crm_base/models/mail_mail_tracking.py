# -*- coding: utf-8 -*-
"""Open pixel and tracked links in the emails sent from CRM records."""
from odoo import api, models


class MailMail(models.Model):
    _inherit = "mail.mail"

    @api.model
    def _crm_tracked_models(self):
        """Models whose outgoing emails are tracked; addons add theirs."""
        return ["res.partner"]

    def _crm_tracking_company(self):
        self.ensure_one()
        user = self.author_id.user_ids[:1]
        return user.company_id or self.env.user.company_id

    def _crm_tracking_wanted(self, partner=None):
        self.ensure_one()
        if not self.mail_message_id or self.model not in self._crm_tracked_models():
            return False
        if partner and partner.user_ids.filtered(lambda u: not u.share):
            return False  # a colleague's notification: not a customer email
        return bool(self._crm_tracking_company().crm_mail_tracking)

    def send_get_mail_body(self, partner=None):
        body = super(MailMail, self).send_get_mail_body(partner=partner)
        if not body or not self._crm_tracking_wanted(partner):
            return body
        tracking = self.env["crm.mail.tracking"].sudo()._for_mail(
            self, partner=partner, company=self._crm_tracking_company())
        return tracking._track_body(body)
