# -*- coding: utf-8 -*-
"""The customer's page of a quote: /crm/quote/<id>/<token>

No account is needed: the share token of the quote is the credential. Every
route first checks that the token is the one of that exact quote id
(``crm.quote._crm_quote_from_token``, constant-time comparison) and only then
works on the quote as superuser. A wrong id and a wrong token get the same
bare 404.

- GET  /crm/quote/<id>/<token>          the page (records a view)
- GET  /crm/quote/<id>/<token>/pdf      the PDF (records a download); once
                                         signed, the signed PDF as stored
- POST /crm/quote/<id>/<token>/sign     sign (CSRF token required)
- POST /crm/quote/<id>/<token>/refuse   decline with a reason (CSRF token)
- POST /crm/quote/<id>/<token>/ping     time on page, from the page's script

Views and downloads by internal users (the salesperson previewing the link)
are not recorded.
"""
import base64
import re

import werkzeug.exceptions
import werkzeug.utils

from odoo import http
from odoo.exceptions import UserError
from odoo.http import content_disposition, request

# link previews of mail and chat clients fetch the page without a reader
BOT_USER_AGENT = re.compile(r"bot|crawl|spider|slurp|preview|facebookexternalhit|"
                            r"linkedin|whatsapp|skypeuripreview", re.IGNORECASE)

SECURITY_HEADERS = [
    # the token is in the address: no search engine, no Referer to other sites
    ("X-Robots-Tag", "noindex, nofollow"),
    ("Referrer-Policy", "no-referrer"),
    ("Cache-Control", "no-store, private"),
    ("X-Frame-Options", "DENY"),
    ("X-Content-Type-Options", "nosniff"),
]


class CrmQuotePublic(http.Controller):

    # ------------------------------------------------------------ helpers
    def _crm_quote(self, quote_id, token):
        quote = request.env["crm.quote"]._crm_quote_from_token(quote_id, token)
        if not quote:
            raise werkzeug.exceptions.NotFound()
        lang = quote._crm_customer_lang()
        tz = quote.user_id.tz or quote.company_id.partner_id.tz or "Europe/Paris"
        request.context = dict(request.context, lang=lang, tz=tz)
        return quote.with_context(lang=lang, tz=tz)

    def _crm_is_internal_user(self):
        return bool(request.session.uid) and request.env.user.has_group("base.group_user")

    def _crm_should_record(self):
        user_agent = request.httprequest.headers.get("User-Agent", "")
        return (request.httprequest.method == "GET" and not self._crm_is_internal_user()
                and not BOT_USER_AGENT.search(user_agent))

    def _crm_record(self, quote, kind):
        return quote._crm_record_view(
            kind, ip_address=request.httprequest.remote_addr,
            user_agent=request.httprequest.headers.get("User-Agent", ""))

    @staticmethod
    def _crm_page_path(quote, token):
        return "/crm/quote/%d/%s" % (quote.id, token)

    def _crm_render(self, quote, token, view=None, error=None, form=None, outcome=None,
                    status=200):
        signable_error = False
        try:
            quote._crm_check_signable()
        except UserError as e:
            signable_error = e.args[0] if e.args else str(e)
        contact = quote.contact_id or quote.partner_id
        form = dict({"name": contact.name or "", "email": contact.email or "",
                     "reason": ""}, **(form or {}))
        lines = quote.line_ids.sorted(lambda line: (line.sequence, line.id))
        path = self._crm_page_path(quote, token)
        values = {
            "quote": quote,
            "company": quote.company_id,
            "customer": quote.partner_id,
            "contact": quote.contact_id,
            "lines": lines,
            "has_discount": any(line.discount for line in lines if not line.display_type),
            "taxes": quote._crm_tax_lines(),
            "signature_src": quote._crm_signature_data_uri() if quote.signature_image else False,
            "can_sign": not signable_error,
            "signable_error": signable_error,
            "is_preview": self._crm_is_internal_user(),
            "view": view,
            "view_key": view.sudo().ping_key if view else "",
            "error": error,
            "outcome": outcome,
            "form": form,
            "csrf_token": request.csrf_token(None),
            "page_url": path,
            "pdf_url": path + "/pdf",
            "sign_url": path + "/sign",
            "refuse_url": path + "/refuse",
            "ping_url": path + "/ping",
            "lang_code": (quote.env.lang or "en_US").split("_")[0],
        }
        return request.render("crm_sales.crm_quote_public_page", values, status=status,
                              headers=SECURITY_HEADERS)

    # ------------------------------------------------------------ routes
    @http.route("/crm/quote/<int:quote_id>/<string:token>", type="http", auth="public",
                methods=["GET"])
    def crm_quote_page(self, quote_id, token, outcome=None, **kwargs):
        quote = self._crm_quote(quote_id, token)
        view = None
        if outcome not in ("signed", "refused"):
            outcome = None
            if self._crm_should_record():
                view = self._crm_record(quote, "view")
        return self._crm_render(quote, token, view=view, outcome=outcome)

    @http.route("/crm/quote/<int:quote_id>/<string:token>/pdf", type="http", auth="public",
                methods=["GET"])
    def crm_quote_pdf(self, quote_id, token, **kwargs):
        quote = self._crm_quote(quote_id, token)
        attachment = quote.signed_attachment_id if quote.state == "signed" else None
        if attachment:
            pdf = base64.b64decode(attachment.sudo().datas)
            filename = attachment.datas_fname or attachment.name
        else:
            pdf = quote._crm_render_pdf()
            filename = quote._crm_pdf_filename()
        if self._crm_should_record():
            self._crm_record(quote, "download")
        headers = [
            ("Content-Type", "application/pdf"),
            ("Content-Length", str(len(pdf))),
            ("Content-Disposition", content_disposition(filename)),
        ] + [h for h in SECURITY_HEADERS if h[0] != "X-Frame-Options"]
        return request.make_response(pdf, headers=headers)

    @http.route("/crm/quote/<int:quote_id>/<string:token>/sign", type="http", auth="public",
                methods=["POST"])
    def crm_quote_sign(self, quote_id, token, name=None, email=None, signature=None,
                       accept=None, **kwargs):
        quote = self._crm_quote(quote_id, token)
        form = {"name": (name or "")[:256], "email": (email or "")[:256]}
        if not accept:
            return self._crm_render(quote, token, form=form,
                                    error=quote._crm_accept_required_message(), status=400)
        try:
            quote._crm_sign(name, email, request.httprequest.remote_addr, signature)
        except UserError as e:
            return self._crm_render(quote, token, form=form,
                                    error=e.args[0] if e.args else str(e), status=400)
        return werkzeug.utils.redirect(self._crm_page_path(quote, token) + "?outcome=signed",
                                       code=303)

    @http.route("/crm/quote/<int:quote_id>/<string:token>/refuse", type="http",
                auth="public", methods=["POST"])
    def crm_quote_refuse(self, quote_id, token, reason=None, **kwargs):
        quote = self._crm_quote(quote_id, token)
        try:
            quote._crm_refuse(reason)
        except UserError as e:
            return self._crm_render(quote, token, form={"reason": (reason or "")[:2000]},
                                    error=e.args[0] if e.args else str(e), status=400)
        return werkzeug.utils.redirect(self._crm_page_path(quote, token) + "?outcome=refused",
                                       code=303)

    # The page's script calls this every 15 s and when the page is left
    # (navigator.sendBeacon, which cannot add headers): no CSRF token, the
    # view's own random key authenticates the ping, and a ping only raises
    # the time on page of that view, bounded by the time since it opened.
    @http.route("/crm/quote/<int:quote_id>/<string:token>/ping", type="http", auth="public",
                methods=["POST"], csrf=False)
    def crm_quote_ping(self, quote_id, token, view_id=None, key=None, seconds=None, **kwargs):
        quote = self._crm_quote(quote_id, token)
        try:
            view_id = int(view_id)
        except (TypeError, ValueError):
            raise werkzeug.exceptions.NotFound()
        view = request.env["crm.quote.visit"].sudo().browse(view_id).exists()
        if not view or view.quote_id != quote:
            raise werkzeug.exceptions.NotFound()
        view._crm_ping(key, seconds)
        return request.make_response("", headers=[("Cache-Control", "no-store")])
