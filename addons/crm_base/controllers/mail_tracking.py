# -*- coding: utf-8 -*-
"""Public endpoints of the open pixel and the tracked links.

Both answer without a session (the recipient is not a user). A bad token
still gets the pixel (mail clients must not show a broken image) but records
nothing; a click whose signature does not match its URL is refused with 404,
so the endpoint cannot redirect anywhere else than where our emails point.
"""
import logging

import werkzeug.exceptions
import werkzeug.utils

from odoo import http
from odoo.http import request

from ..logic import mail_tracking

_logger = logging.getLogger(__name__)


class CrmMailTrackingController(http.Controller):

    @http.route("/crm/mail/open/<string:token>.png", type="http", auth="public",
                methods=["GET", "HEAD"], csrf=False)
    def crm_mail_open(self, token, **kwargs):
        tracking = request.env["crm.mail.tracking"].sudo()._from_token(token)
        if tracking:
            tracking._record_open()
        return request.make_response(mail_tracking.PIXEL_PNG, headers=[
            ("Content-Type", "image/png"),
            ("Content-Length", str(len(mail_tracking.PIXEL_PNG))),
            ("Cache-Control", "no-cache, no-store, must-revalidate, private"),
            ("Pragma", "no-cache"),
            ("Expires", "0"),
        ])

    @http.route("/crm/mail/click/<string:token>", type="http", auth="public",
                methods=["GET", "HEAD"], csrf=False)
    def crm_mail_click(self, token, url=None, sig=None, **kwargs):
        Tracking = request.env["crm.mail.tracking"].sudo()
        if not mail_tracking.verify_click(Tracking._secret(), token, url, sig):
            raise werkzeug.exceptions.NotFound()
        tracking = Tracking._from_token(token)
        if tracking:
            tracking._record_click(url)
        return werkzeug.utils.redirect(url, code=302)
