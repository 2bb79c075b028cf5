# -*- coding: utf-8 -*-
"""The per-user secret address of the ICS feed (controllers/crm_calendar_feed.py).

The token is random (256 bits). It is stored twice: in clear, readable only
through ``crm_ics_url`` by its owner (to show the address again), and as a
SHA-256 digest, indexed, by which the feed finds the user; the clear tokens
are then compared in constant time. Regenerating the address (or revoking
it) makes the old one answer 404 at once.
"""
import datetime
import hashlib
import hmac
import secrets

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from ..logic import ics

FEED_PAST_DAYS = 92       # about 3 months
FEED_FUTURE_DAYS = 366    # 12 months


def token_digest(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ResUsers(models.Model):
    _inherit = "res.users"

    crm_ics_token = fields.Char(string="ICS feed token", copy=False, groups="base.group_system")
    crm_ics_token_hash = fields.Char(string="ICS feed token hash", copy=False, index=True,
                                     groups="base.group_system")
    crm_ics_url = fields.Char(
        string="Calendar address (ICS)", compute="_compute_crm_ics_url",
        help="Secret address of your meetings, to subscribe to from Google Calendar, "
             "Outlook or your phone. Anyone who knows it can read your agenda: "
             "generate a new one if it leaked.")

    def __init__(self, pool, cr):
        init_res = super(ResUsers, self).__init__(pool, cr)
        type(self).SELF_READABLE_FIELDS = list(type(self).SELF_READABLE_FIELDS) + ["crm_ics_url"]
        return init_res

    @api.depends("crm_ics_token")
    def _compute_crm_ics_url(self):
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url", "").rstrip("/")
        for user in self:
            token = False
            if user == self.env.user or self.env.user._is_superuser():
                token = user.sudo().crm_ics_token
            user.crm_ics_url = "%s/crm/calendar/%s.ics" % (base_url, token) if token else False

    def _crm_ics_check_owner(self):
        for user in self:
            if user != self.env.user and not self.env.user._is_admin():
                raise AccessError(_("Only the user can change the address of their own calendar."))

    def action_crm_ics_regenerate(self):
        """A new secret address; the previous one stops working."""
        self._crm_ics_check_owner()
        for user in self:
            token = secrets.token_urlsafe(32)
            user.sudo().write({"crm_ics_token": token, "crm_ics_token_hash": token_digest(token)})
        self.invalidate_cache(["crm_ics_url"], self.ids)
        return self._crm_ics_reopen()

    def action_crm_ics_revoke(self):
        self._crm_ics_check_owner()
        self.sudo().write({"crm_ics_token": False, "crm_ics_token_hash": False})
        self.invalidate_cache(["crm_ics_url"], self.ids)
        return self._crm_ics_reopen()

    def _crm_ics_reopen(self):
        if len(self) != 1 or self != self.env.user:
            return True
        view = self.env.ref("base.view_users_form_simple_modif")
        return {
            "type": "ir.actions.act_window",
            "name": _("Preferences"),
            "res_model": "res.users",
            "res_id": self.id,
            "view_mode": "form",
            "views": [(view.id, "form")],
            "target": "new",
        }

    @api.model
    def _crm_ics_user_from_token(self, token):
        """The active internal user of ``token``, else an empty recordset."""
        users = self.sudo().browse()
        if not token or len(token) > 200:
            return users
        user = self.sudo().search([("crm_ics_token_hash", "=", token_digest(token)),
                                   ("share", "=", False)], limit=1)
        if user and user.crm_ics_token and hmac.compare_digest(
                user.crm_ics_token.encode("utf-8"), token.encode("utf-8")):
            return user
        return users

    def _crm_ics_events(self, now=None):
        """The user's meetings of the feed: organized or attended (not declined),
        from 3 months ago to 12 months ahead, read with the user's rights."""
        self.ensure_one()
        now = now or datetime.datetime.utcnow()
        low = fields.Datetime.to_string(now - datetime.timedelta(days=FEED_PAST_DAYS))
        high = fields.Datetime.to_string(now + datetime.timedelta(days=FEED_FUTURE_DAYS))
        Event = self.env["calendar.event"].sudo(self.id).with_context(
            virtual_id=False, active_test=True, tz=self.tz or ics.DEFAULT_TZ, lang=self.lang)
        events = Event.search([
            "|", ("user_id", "=", self.id), ("partner_ids", "in", self.partner_id.ids),
            ("start", "<=", high),
            "|", ("stop", ">=", low),
            "&", ("recurrency", "=", True), ("final_date", ">=", low[:10]),
        ], order="start")
        declined = self.env["calendar.attendee"].sudo().search([
            ("event_id", "in", events.ids), ("partner_id", "=", self.partner_id.id),
            ("state", "=", "declined")]).mapped("event_id")
        return events.filtered(lambda e: e.user_id == self or e not in declined)

    def _crm_ics_feed(self, now=None):
        """The iCalendar file (bytes) of the user's meetings."""
        self.ensure_one()
        self = self.with_context(lang=self.lang, tz=self.tz)  # the texts in the user's language
        events = self._crm_ics_events(now=now)
        params = self.env["ir.config_parameter"].sudo()
        base_url = params.get_param("web.base.url", "").rstrip("/")
        uid_domain = params.get_param("database.uuid") or self.env.cr.dbname
        values = events.with_context(lang=self.lang)._crm_ics_values(self, uid_domain, base_url)
        name = _("Meetings of %s") % self.name
        return ics.build_calendar(values, tz_name=self.tz or ics.DEFAULT_TZ, name=name, now=now)
