# -*- coding: utf-8 -*-
"""The public pages of the NPS survey: a click on a score in the mail
records it and thanks the customer, with a form for an optional comment.
The token of the link is the only key: a wrong one is a 404; a second click
changes the score of the same answer."""
from odoo import http
from odoo.http import request


class CrmHelpdeskNps(http.Controller):

    def _crm_response(self, token):
        if not token or len(token) > 64:
            return None
        return request.env["crm.helpdesk.nps.response"].sudo().search(
            [("access_token", "=", token)], limit=1) or None

    def _crm_render(self, response, saved_comment=False):
        lang = response.partner_id.lang or "en_US"
        return request.env["ir.ui.view"].with_context(lang=lang).render_template(
            "crm_helpdesk.crm_helpdesk_nps_page", {
                "response": response.with_context(lang=lang),
                "saved_comment": saved_comment,
                "scores": list(range(11)),
            })

    @http.route("/helpdesk/nps/<string:token>/<int:score>", type="http", auth="public",
                website=False)
    def crm_nps_answer(self, token, score, **kwargs):
        response = self._crm_response(token)
        if response is None or not 0 <= score <= 10:
            return request.not_found()
        response.crm_answer(score)
        return self._crm_render(response)

    @http.route("/helpdesk/nps/<string:token>/comment", type="http", auth="public",
                methods=["POST"], website=False)
    def crm_nps_comment(self, token, comment="", **kwargs):
        response = self._crm_response(token)
        if response is None or response.state != "answered":
            return request.not_found()
        response.crm_answer(response.score, comment=comment or "")
        return self._crm_render(response, saved_comment=True)
