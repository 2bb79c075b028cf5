# -*- coding: utf-8 -*-
"""Opens and clicks of one outbound email for one recipient."""
from odoo import _, api, fields, models

from ..logic import mail_tracking


class CrmMailTracking(models.Model):
    _name = "crm.mail.tracking"
    _description = "Email open and click tracking"
    _order = "id desc"
    _rec_name = "subject"

    mail_message_id = fields.Many2one("mail.message", string="Message", required=True,
                                      ondelete="cascade", index=True, readonly=True)
    mail_id = fields.Integer(string="Outgoing email ID", readonly=True, index=True,
                             help="The mail.mail that was sent (deleted once sent).")
    subject = fields.Char(related="mail_message_id.subject", readonly=True)
    model = fields.Char(related="mail_message_id.model", store=True, readonly=True,
                        string="Sent from model")
    res_id = fields.Integer(related="mail_message_id.res_id", store=True, readonly=True,
                            string="Sent from record")
    partner_id = fields.Many2one("res.partner", string="Recipient", index=True,
                                 readonly=True, ondelete="set null")
    email = fields.Char(string="Recipient email", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    sent_date = fields.Datetime(string="Sent on", default=fields.Datetime.now, readonly=True)
    open_count = fields.Integer(string="Opens", readonly=True)
    first_open_date = fields.Datetime(string="First opened on", readonly=True)
    last_open_date = fields.Datetime(string="Last opened on", readonly=True)
    click_count = fields.Integer(string="Clicks", readonly=True)
    last_click_date = fields.Datetime(string="Last clicked on", readonly=True)
    last_click_url = fields.Char(string="Last link clicked", readonly=True)
    summary = fields.Char(compute="_compute_summary", string="Tracking")

    @api.depends("open_count", "last_open_date", "click_count", "last_click_date")
    def _compute_summary(self):
        for tracking in self:
            tracking.summary = tracking._summary_text()

    def _format_dt(self, value):
        return self.env["crm.format.mixin"]._crm_format_datetime(value)

    def _summary_text(self):
        self.ensure_one()
        parts = []
        if self.open_count:
            parts.append(_("opened %(count)s times, last on %(date)s") % {
                "count": self.open_count, "date": self._format_dt(self.last_open_date)}
                if self.open_count > 1 else
                _("opened once, on %s") % self._format_dt(self.last_open_date))
        else:
            parts.append(_("not opened yet"))
        if self.click_count:
            parts.append(_("clicked %(count)s times, last on %(date)s") % {
                "count": self.click_count, "date": self._format_dt(self.last_click_date)}
                if self.click_count > 1 else
                _("clicked once, on %s") % self._format_dt(self.last_click_date))
        return ", ".join(parts)

    # -- tokens and URLs ------------------------------------------------------

    @api.model
    def _secret(self):
        return self.env["ir.config_parameter"].sudo().get_param("database.secret")

    @api.model
    def _base_url(self):
        return self.env["ir.config_parameter"].sudo().get_param("web.base.url", "")

    def _token(self):
        self.ensure_one()
        return mail_tracking.make_token(self._secret(), self.id)

    @api.model
    def _from_token(self, token):
        tracking_id = mail_tracking.parse_token(self._secret(), token)
        return self.sudo().browse(tracking_id).exists() if tracking_id else self.browse()

    def _track_body(self, body):
        self.ensure_one()
        return mail_tracking.add_tracking(body, self._base_url(), self._secret(), self._token())

    @api.model
    def _for_mail(self, mail, partner=None, company=None):
        """The tracking of `mail` (mail.mail) for this recipient, created once
        (a mail sent again after a failure keeps its tracking)."""
        email = partner.email if partner else (mail.email_to or "")
        domain = [("mail_message_id", "=", mail.mail_message_id.id), ("mail_id", "=", mail.id)]
        domain.append(("partner_id", "=", partner.id) if partner else ("email", "=", email))
        tracking = self.sudo().search(domain, limit=1)
        if not tracking:
            tracking = self.sudo().create({
                "mail_message_id": mail.mail_message_id.id,
                "mail_id": mail.id,
                "partner_id": partner.id if partner else False,
                "email": email,
                "company_id": company.id if company else False,
            })
        return tracking

    # -- events (called by the public controller, as superuser) ----------------

    def _record_open(self):
        now = fields.Datetime.now()
        for tracking in self:
            tracking.write({
                "open_count": tracking.open_count + 1,
                "first_open_date": tracking.first_open_date or now,
                "last_open_date": now,
            })

    def _record_click(self, url):
        now = fields.Datetime.now()
        for tracking in self:
            values = {
                "click_count": tracking.click_count + 1,
                "last_click_date": now,
                "last_click_url": url,
            }
            if not tracking.open_count:
                # a click proves the email was opened, images blocked or not
                values.update({"open_count": 1, "first_open_date": now, "last_open_date": now})
            tracking.write(values)
