# -*- coding: utf-8 -*-
from datetime import timedelta

from odoo import api, fields, models

RATE_LIMIT = 5                 # submissions ...
RATE_WINDOW_MINUTES = 10       # ... per this many minutes, per IP and team, and per e-mail


class CrmHelpdeskFormAttempt(models.Model):
    """One submission of the public support form, kept a short while to
    rate-limit bots. A table, not process memory: it holds across the
    server's workers. Rows older than a day are deleted as new ones come.

    The limit per IP counts per team: behind a company's proxy many customers
    share an address, and a flood on one team's form does not close the
    others'. The limit per e-mail address counts on every team."""
    _name = "crm.helpdesk.form.attempt"
    _description = "Support form submission (rate limit)"

    ip_address = fields.Char(index=True)
    email = fields.Char(index=True)
    team_id = fields.Many2one("crm.helpdesk.team", ondelete="cascade", index=True)
    accepted = fields.Boolean()

    @api.model
    def _crm_limits(self):
        params = self.env["ir.config_parameter"].sudo()
        try:
            limit = int(params.get_param("crm_helpdesk.web_form_rate_limit", RATE_LIMIT))
            minutes = int(params.get_param("crm_helpdesk.web_form_rate_minutes",
                                           RATE_WINDOW_MINUTES))
        except ValueError:
            limit, minutes = RATE_LIMIT, RATE_WINDOW_MINUTES
        return max(limit, 1), max(minutes, 1)

    @api.model
    def _crm_is_limited(self, ip_address, email, team):
        """Whether one more submission from this address or e-mail is one too
        many. Every submission counts, accepted or not (a bot's junk too)."""
        limit, minutes = self._crm_limits()
        since = fields.Datetime.to_string(fields.Datetime.from_string(fields.Datetime.now())
                                          - timedelta(minutes=minutes))
        query = ("SELECT count(*) FROM crm_helpdesk_form_attempt "
                 "WHERE create_date >= %s AND ")
        cr = self.env.cr
        if ip_address:
            cr.execute(query + "ip_address = %s AND team_id = %s", (since, ip_address, team.id))
            if cr.fetchone()[0] >= limit:
                return True
        email = (email or "").strip().lower()
        if email:
            cr.execute(query + "email = %s", (since, email))
            if cr.fetchone()[0] >= limit:
                return True
        return False

    @api.model
    def _crm_record(self, ip_address, email, team, accepted):
        self.env.cr.execute("DELETE FROM crm_helpdesk_form_attempt "
                            "WHERE create_date < (now() at time zone 'UTC') - interval '1 day'")
        return self.sudo().create({
            "ip_address": (ip_address or "")[:64] or False,
            "email": (email or "").strip().lower()[:254] or False,
            "team_id": team.id, "accepted": accepted})
