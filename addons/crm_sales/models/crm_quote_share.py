# -*- coding: utf-8 -*-
"""The share link of a quote, its sending by email, what the customer does
on the public page (views, downloads) and the e-signature.

The public page itself is controllers/quote_public.py; it checks the token
with ``_crm_quote_from_token`` before it touches anything else, then calls
``_crm_record_view``, ``_crm_sign`` and ``_crm_refuse`` on the sudo record.
"""
import base64
import hashlib
import hmac
import uuid

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape, single_email_re

from ..logic import signature

SIGNER_NAME_MAX = 128
REFUSE_REASON_MAX = 2000


class CrmQuote(models.Model):
    _inherit = "crm.quote"

    share_url = fields.Char(
        string="Share link", compute="_compute_share_url",
        help="The customer opens, downloads and signs the quote at this address. "
             "Anyone with the link can see the quote: make a new link to revoke it.")
    visit_ids = fields.One2many("crm.quote.visit", "quote_id", string="Visits", readonly=True)
    view_count = fields.Integer(
        string="Views", compute="_compute_view_stats", store=True,
        help="How many times the customer opened the quote's page.")
    download_count = fields.Integer(
        string="Downloads", compute="_compute_view_stats", store=True,
        help="How many times the customer downloaded the PDF.")
    last_viewed_on = fields.Datetime(
        string="Last viewed on", compute="_compute_view_stats", store=True)
    view_duration = fields.Integer(
        string="Total time on page (s)", compute="_compute_view_stats", store=True)
    view_duration_display = fields.Char(
        string="Total time on page", compute="_compute_view_duration_display")

    # ------------------------------------------------------------ computes
    @api.depends("access_token")
    def _compute_share_url(self):
        base_url = self._crm_base_url()
        for quote in self:
            if isinstance(quote.id, models.NewId) or not quote.access_token:
                quote.share_url = False
            else:
                quote.share_url = "%s/crm/quote/%d/%s" % (base_url, quote.id, quote.access_token)

    @api.depends("visit_ids.kind", "visit_ids.date", "visit_ids.duration")
    def _compute_view_stats(self):
        for quote in self:
            views = quote.visit_ids.filtered(lambda v: v.kind == "view")
            quote.view_count = len(views)
            quote.download_count = len(quote.visit_ids) - len(views)
            quote.last_viewed_on = max(views.mapped("date")) if views else False
            quote.view_duration = sum(views.mapped("duration"))

    @api.depends("view_duration")
    def _compute_view_duration_display(self):
        for quote in self:
            quote.view_duration_display = self.env["crm.quote.visit"]._crm_format_duration(
                quote.view_duration)

    @api.model
    def _crm_base_url(self):
        return (self.env["ir.config_parameter"].sudo().get_param("web.base.url") or "").rstrip("/")

    # ------------------------------------------------------------ share link
    def get_share_url(self):
        """The public address of the quote: base URL + /crm/quote/<id>/<token>.

        Reads the token with the caller's rights: only who may read the
        quote (and its token, internal users) gets its link."""
        self.ensure_one()
        self.check_access_rights("read")
        self.check_access_rule("read")
        return "%s/crm/quote/%d/%s" % (self._crm_base_url(), self.id, self.access_token)

    def action_regenerate_share_link(self):
        """A new token: the link sent so far no longer opens the quote."""
        for quote in self:
            quote.write({"access_token": uuid.uuid4().hex})
            quote.message_post(body=_("A new share link was made: the previous link no "
                                      "longer opens the quote."),
                               message_type="comment", subtype="mail.mt_note")
        return True

    def action_preview_share_page(self):
        """Open the customer's page (a preview by a user is not counted)."""
        self.ensure_one()
        return {"type": "ir.actions.act_url", "url": self.get_share_url(), "target": "new"}

    @api.model
    def _crm_quote_from_token(self, quote_id, token):
        """The quote ``quote_id`` as superuser if ``token`` is its share
        token, else an empty recordset. Only that one record's token is read,
        and compared in constant time: a wrong id and a wrong token look the
        same to the caller."""
        empty = self.browse()
        if not isinstance(quote_id, int) or quote_id <= 0 or not token \
                or not isinstance(token, str) or len(token) > 128:
            return empty
        quote = self.sudo().browse(quote_id).exists()
        if not quote or not quote.access_token:
            return empty
        if not hmac.compare_digest(quote.access_token.encode("utf-8"), token.encode("utf-8")):
            return empty
        return quote

    def _crm_customer_lang(self):
        """The language the customer reads: the contact's, the customer's,
        else the company's."""
        self.ensure_one()
        lang = (self.contact_id.lang or self.partner_id.lang
                or self.company_id.partner_id.lang or self.env.lang or "en_US")
        if not self.env["res.lang"].sudo().search_count([("code", "=", lang)]):
            lang = "en_US"
        return lang

    # ------------------------------------------------------------ send by email
    def action_quote_send(self):
        """Odoo's mail composer with our template: the link and the PDF.
        Sending marks the quote as sent (see ``message_post``)."""
        self.ensure_one()
        self._crm_check_sendable()
        template = self.env.ref("crm_sales.crm_quote_mail_template", raise_if_not_found=False)
        compose_form = self.env.ref("mail.email_compose_message_wizard_form",
                                    raise_if_not_found=False)
        return {
            "type": "ir.actions.act_window",
            "name": _("Send the quote"),
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(compose_form.id if compose_form else False, "form")],
            "view_id": compose_form.id if compose_form else False,
            "target": "new",
            "context": {
                "default_model": "crm.quote",
                "default_res_id": self.id,
                "default_use_template": bool(template),
                "default_template_id": template.id if template else False,
                "default_composition_mode": "comment",
                "crm_mark_quote_sent": True,
                "force_email": True,
            },
        }

    @api.returns("mail.message", lambda value: value.id)
    def message_post(self, *args, **kwargs):
        """Like Odoo's sale order and its ``mark_so_as_sent``: the composer
        opened by ``action_quote_send`` posts the email here; the quote
        becomes sent (a draft) or gets its new sending date."""
        if self.env.context.get("crm_mark_quote_sent"):
            to_mark = self.filtered(lambda q: q.state in ("draft", "sent"))
            if to_mark:
                to_mark.with_context(crm_mark_quote_sent=False).action_mark_sent()
        return super(CrmQuote, self).message_post(*args, **kwargs)

    # ------------------------------------------------------------ customer activity
    def _crm_post_share_event(self, body, attachment_ids=None):
        """A note on the quote, written by the customer, that notifies the
        salesperson (``body`` is plain text)."""
        for quote in self:
            quote = quote.sudo()
            author = quote.contact_id or quote.partner_id
            partner_ids = quote.user_id.partner_id.ids if quote.user_id else []
            quote.message_post(
                body=html_escape(body), message_type="comment", subtype="mail.mt_note",
                author_id=author.id, partner_ids=partner_ids,
                attachment_ids=attachment_ids or [])
        return True

    def _crm_staff(self):
        """This quote in the salesperson's language: the notes the customer's
        actions leave on the quote are read by the salesperson."""
        self.ensure_one()
        lang = self.user_id.lang or self.company_id.partner_id.lang or "en_US"
        return self.with_context(lang=lang)

    def _crm_note_opened(self):
        return _("The customer opened the quote.")

    def _crm_note_signed(self, name, email, ip, digest):
        return _("The customer signed the quote online: %(name)s <%(email)s>, from %(ip)s. "
                 "SHA-256 of the signed PDF: %(digest)s") % {
                     "name": name, "email": email, "ip": ip or "?", "digest": digest}

    def _crm_note_declined(self, reason):
        return _("The customer declined the quote: %s") % reason

    # texts of the public page (controllers/quote_public.py), in the
    # customer's language (the context of the quote there)
    def _crm_accept_required_message(self):
        return _("Tick \"I accept this quote\" to sign it.")

    def _crm_pdf_filename(self):
        self.ensure_one()
        return _("Quote %s.pdf") % self.display_name.replace("/", "-")

    def _crm_tax_lines(self):
        """VAT by rate for the public page: a label ("VAT 20 % on 1,700.00 €")
        and the amount of each rate."""
        self.ensure_one()
        return [{
            "label": _("VAT %(rate)s on %(base)s") % {
                "rate": tax["rate_label"], "base": self._crm_format_money(tax["base"])},
            "amount": tax["amount"],
        } for tax in self._crm_tax_breakdown()]

    def _crm_record_view(self, kind, ip_address=None, user_agent=None):
        self.ensure_one()
        return self.env["crm.quote.visit"]._crm_record(
            self, kind, ip_address=ip_address, user_agent=user_agent)

    def action_view_quote_visits(self):
        self.ensure_one()
        action = self.env.ref("crm_sales.crm_quote_visit_action").read()[0]
        action["domain"] = [("quote_id", "=", self.id)]
        return action

    # ------------------------------------------------------------ e-signature
    @api.model
    def _crm_signature_error_message(self, code):
        messages = {
            signature.EMPTY: _("Draw your signature (or type your name) before signing."),
            signature.BLANK: _("The signature is empty: draw your signature (or type your "
                               "name) before signing."),
            signature.TOO_LARGE: _("The signature image is too large (at most 1 MB)."),
        }
        return messages.get(code, _("The signature image could not be read: draw your "
                                    "signature again."))

    def _crm_check_signer(self, name, email):
        name = (name or "").strip()
        email = (email or "").strip()
        if not name:
            raise UserError(_("Type your full name to sign the quote."))
        if len(name) > SIGNER_NAME_MAX:
            raise UserError(_("The name is too long (at most %d characters).") % SIGNER_NAME_MAX)
        if not email or not single_email_re.match(email):
            raise UserError(_("Enter a valid email address (e.g. jeanne.martin@example.fr)."))
        return name, email

    def _crm_signed_pdf_name(self):
        self.ensure_one()
        return _("Quote %s signed.pdf") % self.display_name.replace("/", "-")

    def _crm_sign(self, name, email, ip, image_data_url):
        """Sign the quote as ``name`` <``email``> from ``ip`` with the PNG
        data URL of the drawn signature. All or nothing: the signature
        fields and state, the signed PDF (rendered once the signature is on
        the quote), its SHA-256 and attachment, the note on the quote and the
        opportunity won. Raises UserError with a message for the signer."""
        self.ensure_one()
        self._crm_check_signable()
        name, email = self._crm_check_signer(name, email)
        try:
            png = signature.read_signature(image_data_url)
        except signature.SignatureError as e:
            raise UserError(self._crm_signature_error_message(e.code))
        try:
            with self.env.cr.savepoint():
                self._crm_sign_steps(name, email, ip, png)
        except Exception:
            # the savepoint undid the rows; the cache still holds what was written
            self.invalidate_cache()
            raise
        return True

    def _crm_sign_steps(self, name, email, ip, png):
        self.write({
            "signer_name": name,
            "signer_email": email,
            "signer_ip": (ip or "")[:64] or False,
            "signed_on": fields.Datetime.now(),
            "signature_image": base64.b64encode(png),
            "state": "signed",
        })
        pdf = self._crm_render_pdf()
        if not pdf or not pdf.startswith(b"%PDF"):
            raise UserError(_("The signed PDF could not be made: the quote is not signed. "
                              "Please try again later."))
        digest = hashlib.sha256(pdf).hexdigest()
        filename = self._crm_signed_pdf_name()
        attachment = self.env["ir.attachment"].sudo().create({
            "name": filename,
            "datas_fname": filename,
            "datas": base64.b64encode(pdf),
            "mimetype": "application/pdf",
            "res_model": self._name,
            "res_id": self.id,
        })
        self.write({"signed_attachment_id": attachment.id, "signed_pdf_sha256": digest})
        opportunity = self.opportunity_id
        if opportunity and opportunity.state != "won":
            opportunity.sudo().action_set_won()
        self._crm_post_share_event(
            self._crm_staff()._crm_note_signed(name, email, ip, digest),
            attachment_ids=attachment.ids)
        return attachment

    def _crm_refuse(self, reason):
        """The customer declines the quote; ``reason`` is required."""
        self.ensure_one()
        self._crm_check_signable()
        reason = (reason or "").strip()
        if not reason:
            raise UserError(_("Tell us why you decline the quote: a reason is required."))
        if len(reason) > REFUSE_REASON_MAX:
            raise UserError(_("The reason is too long (at most %d characters).")
                            % REFUSE_REASON_MAX)
        with self.env.cr.savepoint():
            self.write({"state": "refused", "refused_on": fields.Datetime.now(),
                        "refuse_reason": reason})
            self._crm_post_share_event(self._crm_staff()._crm_note_declined(reason))
        return True
