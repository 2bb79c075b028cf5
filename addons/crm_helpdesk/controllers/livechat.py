# -*- coding: utf-8 -*-
"""The visitor leaves a live chat: im_livechat's window sends the rating of
the session to /im_livechat/feedback. For a helpdesk team's channel the
session then becomes its ticket (once: crm.ticket._crm_from_livechat)."""
from odoo import http
from odoo.http import request

from odoo.addons.im_livechat.controllers.main import LivechatController


class CrmHelpdeskLivechat(LivechatController):

    @http.route()
    def feedback(self, uuid, rate, reason=None, **kwargs):
        result = super(CrmHelpdeskLivechat, self).feedback(uuid, rate, reason=reason, **kwargs)
        session = request.env["mail.channel"].sudo().search([("uuid", "=", uuid)], limit=1)
        if session:
            session._crm_close_session_ticket()
        return result
