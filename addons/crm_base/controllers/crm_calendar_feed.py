# -*- coding: utf-8 -*-
"""The secret ICS feed of a user: GET /crm/calendar/<token>.ics

Google Calendar, Outlook and phones subscribe to it without a session, so the
route is public and the token is the only credential (res_users_ics.py). Any
unknown, revoked or malformed token, or the token of an archived user, gets
the same plain 404 as any missing page: nothing tells them apart.
"""
import werkzeug.exceptions

from odoo import http
from odoo.http import request


class CrmCalendarFeed(http.Controller):

    @http.route("/crm/calendar/<string:token>.ics", type="http", auth="public",
                methods=["GET", "HEAD"], csrf=False)
    def crm_calendar_feed(self, token, **kwargs):
        user = request.env["res.users"].sudo()._crm_ics_user_from_token(token)
        if not user:
            raise werkzeug.exceptions.NotFound()
        body = user._crm_ics_feed()
        return request.make_response(body, headers=[
            ("Content-Type", "text/calendar; charset=utf-8"),
            ("Content-Disposition", 'inline; filename="agenda.ics"'),
            ("Cache-Control", "private, max-age=300"),
            ("X-Robots-Tag", "noindex, nofollow"),
            ("Referrer-Policy", "no-referrer"),
        ])
