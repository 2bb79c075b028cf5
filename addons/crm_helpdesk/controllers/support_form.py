# -*- coding: utf-8 -*-
"""The public support form of a team: /support/<team id>

No website module: a standalone page on Odoo's own web layout and the CSS of
its login and portal pages. Only teams that allow it (``web_form_enabled``)
answer; any other id is a bare 404.

- GET  /support/<id>          the form (``?embed=1``: without the page header,
                              to sit in an <iframe> on the customer's site)
- POST /support/<id>/submit   the ticket, then the thank-you page with its number

Against bots: a honeypot field (filled: nothing is created, the visitor sees
the same thank-you page), a rate limit per IP address and per e-mail address
kept in a table (crm.helpdesk.form.attempt: holds across workers), size and
type checks on everything, and a form token checked here, so that an expired
form gets a clear message rather than Odoo's bare 400. The token is signed
with the database secret for the team and the time the form was shown, not
tied to Odoo's session: in an <iframe> on another site the browser does not
send Odoo's session cookie (SameSite), and a session-bound CSRF token would
then always fail. Every refusal
re-shows the form with the visitor's input and a message in their language
(French or English, from the browser, else the company's).
"""
import hashlib
import hmac
import time

import werkzeug.exceptions

from odoo import http
from odoo.http import request

from ..logic import web_form

HONEYPOT = "website_url"
FORM_TOKEN_MAX_AGE = 4 * 3600   # seconds a form stays valid
TEXT_FIELDS = ("name", "email", "phone", "subject", "description")
SECURITY_HEADERS = [
    ("X-Robots-Tag", "noindex, nofollow"),
    ("Cache-Control", "no-store, private"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
]


class CrmHelpdeskSupportForm(http.Controller):

    # ------------------------------------------------------------ helpers
    def _crm_lang(self, team):
        """fr_FR or en_US (whichever is installed), from the browser's
        Accept-Language, else the company's language."""
        Lang = request.env["res.lang"].sudo()
        installed = {code.split("_")[0]: code for code, _name in Lang.get_installed()
                     if code in ("fr_FR", "en_US")}
        header = request.httprequest.headers.get("Accept-Language", "")
        default_lang = (team.company_id.partner_id.lang or "en_US").split("_")[0]
        code = web_form.preferred_lang(header, available=tuple(installed),
                                       default=default_lang if default_lang in installed
                                       else "en")
        return installed.get(code, "en_US")

    def _crm_team(self, team_id):
        team = request.env["crm.helpdesk.team"].sudo().browse(team_id).exists()
        if not team or not team.active or not team.web_form_enabled:
            raise werkzeug.exceptions.NotFound()
        lang = self._crm_lang(team)
        request.context = dict(request.context, lang=lang)
        return team.with_context(lang=lang)

    @staticmethod
    def _crm_form_signature(team, issued):
        secret = request.env["ir.config_parameter"].sudo().get_param("database.secret", "")
        message = ("crm_support_form|%s|%d|%d" % (request.db, team.id, issued)).encode()
        return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()

    def _crm_form_token(self, team):
        issued = int(time.time())
        return "%d.%s" % (issued, self._crm_form_signature(team, issued))

    def _crm_check_form_token(self, team, token):
        issued, _dot, signature = (token or "").partition(".")
        try:
            issued = int(issued)
        except ValueError:
            return False
        if not 0 <= time.time() - issued <= FORM_TOKEN_MAX_AGE:
            return False
        return hmac.compare_digest(signature, self._crm_form_signature(team, issued))

    def _crm_render(self, team, template, status=200, **values):
        values.update({
            "team": team,
            "company": team.company_id,
            "categories": team._crm_web_form_categories().with_context(lang=team.env.lang),
            "csrf_token": self._crm_form_token(team),
            "action_url": "/support/%d/submit" % team.id,
            "embed": bool(values.get("embed")),
            "lang_code": (team.env.lang or "en_US").split("_")[0],
            "honeypot": HONEYPOT,
            "max_files": web_form.MAX_FILES,
            "max_mb": web_form.MAX_FILE_TOTAL // (1024 * 1024),
        })
        values.setdefault("form", {})
        values.setdefault("errors", {})
        return request.render(template, values, status=status, headers=SECURITY_HEADERS)

    @staticmethod
    def _crm_files(limit):
        """[(filename, bytes)] of the uploaded files; reads at most ``limit``
        bytes more than the allowed total (the check then refuses it)."""
        files, budget = [], limit + 1
        for upload in request.httprequest.files.getlist("attachments"):
            if not upload or not upload.filename:
                continue
            content = upload.read(max(budget, 0) + 1)
            budget -= len(content)
            files.append((upload.filename, content))
        return files

    # ------------------------------------------------------------ routes
    @http.route("/support/<int:team_id>", type="http", auth="public", methods=["GET"])
    def crm_support_form(self, team_id, embed=None, **kwargs):
        team = self._crm_team(team_id)
        form = {}
        if request.session.uid and not request.env.user._is_public():
            partner = request.env.user.partner_id
            form = {"name": partner.name or "", "email": partner.email or "",
                    "phone": partner.phone or partner.mobile or ""}
        return self._crm_render(team, "crm_helpdesk.crm_support_form_page", form=form,
                                embed=embed)

    @http.route("/support/<int:team_id>/submit", type="http", auth="public",
                methods=["POST"], csrf=False)
    def crm_support_submit(self, team_id, **post):
        team = self._crm_team(team_id)
        Ticket = request.env["crm.ticket"].with_context(lang=team.env.lang)
        embed = post.get("embed")
        form = {key: (post.get(key) or "")[:web_form.MAX_DESCRIPTION + 1]
                for key in TEXT_FIELDS}
        try:
            category_id = int(post.get("category_id") or 0) or False
        except ValueError:
            category_id = -1
        form["category_id"] = category_id
        ip_address = request.httprequest.remote_addr
        Attempt = request.env["crm.helpdesk.form.attempt"].sudo()

        def refuse(errors, status=400):
            return self._crm_render(team, "crm_helpdesk.crm_support_form_page", status=status,
                                    form=form, errors=errors, embed=embed)

        # the form token here: an expired form says so, in the visitor's language
        if not self._crm_check_form_token(team, post.get("csrf_token")):
            return refuse({"form": [Ticket._crm_web_form_expired_message()]})
        if Attempt._crm_is_limited(ip_address, form["email"], team):
            Attempt._crm_record(ip_address, form["email"], team, False)
            return refuse({"form": [Ticket._crm_web_form_message("rate_limited", {})]},
                          status=429)
        if post.get(HONEYPOT):
            # a bot: nothing is created, and it cannot tell
            Attempt._crm_record(ip_address, form["email"], team, False)
            return self._crm_render(team, "crm_helpdesk.crm_support_thanks_page",
                                    ticket=None, embed=embed)
        files = self._crm_files(web_form.MAX_FILE_TOTAL)
        errors = Ticket._crm_web_form_errors(team, form, files)
        Attempt._crm_record(ip_address, form["email"], team, not errors)
        if errors:
            return refuse(errors)
        ticket = Ticket._crm_create_from_web_form(team, form, files)
        return self._crm_render(team, "crm_helpdesk.crm_support_thanks_page",
                                ticket=ticket.sudo(), embed=embed)
