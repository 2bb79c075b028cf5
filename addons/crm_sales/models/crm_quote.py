# -*- coding: utf-8 -*-
import datetime
import uuid

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape

from ..logic import quote_totals

# What a signed or refused quote keeps as it was: its content and amounts.
# (The state and the signature fields stay writable: the e-signature writes
# them when the quote is signed.)
LOCKED_FIELDS = {
    "line_ids", "partner_id", "contact_id", "opportunity_id", "company_id",
    "currency_id", "date", "validity_date", "payment_term_id", "note",
    "amount_untaxed", "amount_tax", "amount_total", "name", "revision",
}

QUOTE_STATES = [
    ("draft", "Draft"),
    ("sent", "Sent"),
    ("signed", "Signed"),
    ("refused", "Refused"),
    ("cancel", "Cancelled"),
]


class CrmQuote(models.Model):
    """A quote (devis) made inside an opportunity.

    Here: the core fields, the lines and their totals (logic/quote_totals.py,
    VAT per rate), the number (ir.sequence ``crm.quote``), revisions, the
    locking of signed and refused quotes and the PDF. The share link and the
    e-signature extend this model in their own files; before signing they
    call ``_crm_check_signable()``, and hash ``_crm_render_pdf()``.
    """
    _name = "crm.quote"
    _description = "Quote"
    _inherit = ["mail.thread", "mail.activity.mixin", "crm.format.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(string="Number", required=True, copy=False, readonly=True,
                       default="/", index=True)
    opportunity_id = fields.Many2one(
        "crm.opportunity", index=True, ondelete="cascade",
        track_visibility="onchange")
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True,
        track_visibility="onchange")
    contact_id = fields.Many2one(
        "res.partner", domain="[('is_company', '=', False)]",
        help="The person the quote is sent to and who signs it.")
    user_id = fields.Many2one(
        "res.users", string="Salesperson", index=True, default=lambda self: self.env.user)
    team_id = fields.Many2one("crm.sales.team", string="Sales team")
    company_id = fields.Many2one(
        "res.company", required=True, index=True,
        default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(
        "res.currency", related="company_id.currency_id", store=True, readonly=True)
    state = fields.Selection(
        QUOTE_STATES, string="Status", default="draft", required=True, index=True,
        copy=False, track_visibility="onchange")
    date = fields.Date(string="Quote date", default=fields.Date.context_today, copy=False)
    validity_date = fields.Date(string="Valid until", copy=False)
    payment_term_id = fields.Many2one("crm.payment.term", string="Payment terms")
    sent_date = fields.Datetime(string="Sent on", readonly=True, copy=False)
    note = fields.Html(string="Terms and conditions", sanitize=True)

    # share link and e-signature
    access_token = fields.Char(
        string="Share token", copy=False, readonly=True, groups="base.group_user",
        default=lambda self: uuid.uuid4().hex)
    signer_name = fields.Char(string="Signed by", readonly=True, copy=False)
    signer_email = fields.Char(string="Signer email", readonly=True, copy=False)
    signer_ip = fields.Char(string="Signer IP address", readonly=True, copy=False)
    signed_on = fields.Datetime(string="Signed on", readonly=True, copy=False)
    signature_image = fields.Binary(string="Signature", readonly=True, copy=False,
                                    attachment=True)
    signed_pdf_sha256 = fields.Char(string="SHA-256 of the signed PDF", readonly=True,
                                    copy=False)
    signed_attachment_id = fields.Many2one("ir.attachment", string="Signed PDF",
                                           readonly=True, copy=False)
    refused_on = fields.Datetime(string="Refused on", readonly=True, copy=False)
    refuse_reason = fields.Text(string="Reason for refusal", readonly=True, copy=False)

    # lines and totals
    line_ids = fields.One2many("crm.quote.line", "quote_id", string="Lines", copy=True)
    amount_untaxed = fields.Monetary(
        string="Total excl. VAT", compute="_compute_amounts", store=True,
        currency_field="currency_id", track_visibility="onchange")
    amount_tax = fields.Monetary(
        string="VAT", compute="_compute_amounts", store=True, currency_field="currency_id")
    amount_total = fields.Monetary(
        string="Total incl. VAT", compute="_compute_amounts", store=True,
        currency_field="currency_id")
    tax_breakdown_html = fields.Html(
        string="VAT by rate", compute="_compute_tax_breakdown_html", sanitize=True,
        help="VAT computed per rate on the sum of the lines of that rate.")

    # revisions
    revision = fields.Integer(default=1, readonly=True, copy=False)
    origin_quote_id = fields.Many2one(
        "crm.quote", string="First version", readonly=True, copy=False, index=True,
        ondelete="set null")
    previous_revision_id = fields.Many2one(
        "crm.quote", string="Previous revision", readonly=True, copy=False,
        ondelete="set null")
    superseded_by_id = fields.Many2one(
        "crm.quote", string="Replaced by", readonly=True, copy=False, ondelete="set null",
        help="The newer revision of this quote.")
    revision_ids = fields.Many2many(
        "crm.quote", string="Revisions", compute="_compute_revision_ids",
        help="Every version of this quote, the newest first.")
    revision_count = fields.Integer(string="Number of revisions",
                                    compute="_compute_revision_ids")

    # ------------------------------------------------------------ computes
    def _crm_totals(self):
        """The totals of the quote from logic/quote_totals.py (Decimals)."""
        self.ensure_one()
        return quote_totals.compute_totals([{
            "display_type": line.display_type,
            "quantity": line.quantity,
            "price_unit": line.price_unit,
            "discount": line.discount,
            "vat_rate": line.vat_rate or 0,
        } for line in self.line_ids])

    @api.depends("line_ids.display_type", "line_ids.quantity", "line_ids.price_unit",
                 "line_ids.discount", "line_ids.vat_rate")
    def _compute_amounts(self):
        for quote in self:
            totals = quote._crm_totals()
            quote.amount_untaxed = float(totals["untaxed"])
            quote.amount_tax = float(totals["tax"])
            quote.amount_total = float(totals["total"])

    def _crm_tax_breakdown(self):
        """VAT by rate for the form and the PDF: a list of dicts with
        ``rate`` (float), ``rate_label`` ("5,5 %" in the reader's language),
        ``base`` and ``amount`` (floats)."""
        self.ensure_one()
        return [{
            "rate": float(tax["rate"]),
            "rate_label": self._crm_format_vat_rate(tax["rate"]),
            "base": float(tax["base"]),
            "amount": float(tax["amount"]),
        } for tax in self._crm_totals()["taxes"]]

    @api.depends("line_ids.display_type", "line_ids.quantity", "line_ids.price_unit",
                 "line_ids.discount", "line_ids.vat_rate", "currency_id")
    def _compute_tax_breakdown_html(self):
        for quote in self:
            rows = []
            for tax in quote._crm_tax_breakdown():
                rows.append("<tr><td>%s</td><td class=\"text-right\">%s</td>"
                            "<td class=\"text-right\">%s</td></tr>" % (
                                html_escape(_("VAT %s") % tax["rate_label"]),
                                html_escape(quote._crm_format_money(tax["base"])),
                                html_escape(quote._crm_format_money(tax["amount"]))))
            if not rows:
                quote.tax_breakdown_html = False
                continue
            quote.tax_breakdown_html = (
                "<table class=\"table table-condensed o_crm_quote_taxes\"><thead><tr>"
                "<th>%s</th><th class=\"text-right\">%s</th><th class=\"text-right\">%s</th>"
                "</tr></thead><tbody>%s</tbody></table>" % (
                    html_escape(_("Rate")), html_escape(_("Base excl. VAT")),
                    html_escape(_("VAT amount")), "".join(rows)))

    def _crm_revision_domain(self):
        self.ensure_one()
        origin = self.origin_quote_id or self
        if not origin.id:
            return [("id", "=", False)]
        return ["|", ("id", "=", origin.id), ("origin_quote_id", "=", origin.id)]

    def _compute_revision_ids(self):
        for quote in self:
            if isinstance(quote.id, models.NewId):
                quote.revision_ids = False
                quote.revision_count = 0
                continue
            revisions = self.search(quote._crm_revision_domain(), order="revision desc, id desc")
            quote.revision_ids = revisions
            quote.revision_count = len(revisions)

    def name_get(self):
        result = []
        for quote in self:
            name = quote.name or "/"
            if quote.revision and quote.revision > 1:
                name = _("%(name)s v%(revision)s") % {"name": name, "revision": quote.revision}
            result.append((quote.id, name))
        return result

    @api.model
    def name_search(self, name="", args=None, operator="ilike", limit=100):
        # "DEV-2026-0001 v2" finds the number: the " vN" is not in the field
        if name and " v" in name:
            number, _sep, version = name.rpartition(" v")
            if version.isdigit():
                quotes = self.search([("name", operator, number), ("revision", "=", int(version))]
                                     + (args or []), limit=limit)
                if quotes:
                    return quotes.name_get()
        return super(CrmQuote, self).name_search(name, args=args, operator=operator, limit=limit)

    # ------------------------------------------------------------ onchanges
    @api.onchange("date", "company_id")
    def _onchange_date_validity(self):
        if self.date:
            self.validity_date = self._crm_validity_date(self.date, self.company_id)

    @api.model
    def _crm_validity_date(self, date, company, days=None):
        if days is None:
            days = (company or self.env.user.company_id).crm_quote_validity_days
        start = fields.Date.from_string(date) if date else datetime.date.today()
        return fields.Date.to_string(start + datetime.timedelta(days=days or 0))

    @api.onchange("opportunity_id")
    def _onchange_opportunity_id(self):
        opp = self.opportunity_id
        if opp:
            self.partner_id = opp.partner_id or opp.contact_id
            self.contact_id = opp.contact_id
            self.user_id = opp.user_id
            self.team_id = opp.team_id
            self.payment_term_id = opp.payment_term_id

    # ------------------------------------------------------------ CRUD
    @api.model
    def create(self, vals):
        vals = dict(vals)
        company = self.env["res.company"].browse(vals.get("company_id")) \
            or self.env.user.company_id
        if not vals.get("name") or vals["name"] == "/":
            sequence = self.env["ir.sequence"].with_context(force_company=company.id)
            vals["name"] = sequence.next_by_code("crm.quote") or "/"
        if not vals.get("validity_date"):
            date = vals.get("date") or fields.Date.context_today(self)
            vals["validity_date"] = self._crm_validity_date(date, company)
        if vals.get("state") == "sent":
            for key, value in self._crm_sent_values(vals).items():
                vals.setdefault(key, value)
        return super(CrmQuote, self).create(vals)

    def write(self, vals):
        locked_keys = LOCKED_FIELDS.intersection(vals)
        if locked_keys:
            locked = self.filtered(lambda q: q.state in ("signed", "refused"))
            if locked:
                raise UserError(_(
                    "The quote %s is signed or refused: its lines, amounts and terms can "
                    "no longer be changed. Make a new revision instead.")
                    % locked[0].display_name)
        newly_sent = self.browse()
        if vals.get("state") == "sent":
            newly_sent = self.filtered(lambda q: q.state != "sent")
        if not newly_sent:
            return super(CrmQuote, self).write(vals)
        # a quote (re)sent gets its sending date and its follow-ups start over
        # (crm_quote_followup.py); one already sent keeps them
        super(CrmQuote, newly_sent).write(dict(vals, **self._crm_sent_values(vals)))
        rest = self - newly_sent
        return super(CrmQuote, rest).write(vals) if rest else True

    def unlink(self):
        if self.filtered(lambda q: q.state in ("sent", "signed", "refused")):
            raise UserError(_("A quote that was sent, signed or refused cannot be deleted: "
                              "cancel it instead."))
        return super(CrmQuote, self).unlink()

    # ------------------------------------------------------------ checks
    def _crm_check_signable(self):
        """Raise a UserError when this quote cannot be sent or signed: it is
        not the latest revision, it is cancelled, already signed or refused,
        or past its validity date. Used by the e-signature before signing."""
        for quote in self:
            if quote.superseded_by_id:
                raise UserError(_("The quote %(quote)s was replaced by a newer revision "
                                  "(%(revision)s): only the latest revision can be sent or "
                                  "signed.") % {
                    "quote": quote.display_name,
                    "revision": quote.superseded_by_id.display_name})
            if quote.state == "cancel":
                raise UserError(_("The quote %s is cancelled: it can no longer be sent "
                                  "or signed.") % quote.display_name)
            if quote.state == "signed":
                raise UserError(_("The quote %s is already signed.") % quote.display_name)
            if quote.state == "refused":
                raise UserError(_("The quote %s was refused: make a new revision to "
                                  "propose it again.") % quote.display_name)
            today = fields.Date.context_today(quote)
            if quote.validity_date and quote.validity_date < today:
                raise UserError(_("The quote %(quote)s expired on %(date)s: give it a new "
                                  "validity date (or make a new revision once it was sent).")
                                % {"quote": quote.display_name,
                                   "date": quote._crm_format_date(quote.validity_date)})
        return True

    # ------------------------------------------------------------ actions
    def _crm_check_sendable(self):
        """A quote goes out signable and with at least one priced line."""
        for quote in self:
            quote._crm_check_signable()
            if not quote.line_ids.filtered(lambda line: not line.display_type):
                raise UserError(_("The quote %s has no line with a price: add what you "
                                  "propose before sending it.") % quote.display_name)
        return True

    def action_mark_sent(self):
        """The quote went to the customer (printed, or sent by email)."""
        self._crm_check_sendable()
        self.write({"state": "sent", "sent_date": fields.Datetime.now()})
        self._crm_update_opportunity_budget()
        return True

    def _crm_update_opportunity_budget(self):
        """An opportunity without a budget takes the untaxed total of the
        first quote sent for it."""
        for quote in self:
            opportunity = quote.opportunity_id.sudo()
            if opportunity and not opportunity.expected_revenue and quote.amount_untaxed > 0:
                opportunity.write({"expected_revenue": quote.amount_untaxed})

    def action_cancel(self):
        if self.filtered(lambda q: q.state == "signed"):
            raise UserError(_("A signed quote cannot be cancelled."))
        self.write({"state": "cancel"})
        return True

    def action_draft(self):
        for quote in self:
            if quote.superseded_by_id:
                raise UserError(_("The quote %(quote)s was replaced by %(revision)s: work on "
                                  "the latest revision.") % {
                    "quote": quote.display_name,
                    "revision": quote.superseded_by_id.display_name})
            if quote.state in ("signed", "refused"):
                raise UserError(_("The quote %s is signed or refused: make a new revision "
                                  "instead.") % quote.display_name)
        self.write({"state": "draft", "sent_date": False})
        return True

    def action_new_revision(self):
        """Copy the quote and its lines to a new draft with the same number
        and the next revision; this one is cancelled and points to it.
        Returns the form of the new revision."""
        self.ensure_one()
        if self.superseded_by_id:
            raise UserError(_("The quote %(quote)s already has a newer revision (%(revision)s).")
                            % {"quote": self.display_name,
                               "revision": self.superseded_by_id.display_name})
        if self.state == "signed":
            raise UserError(_("The quote %s is signed: it cannot be revised.")
                            % self.display_name)
        origin = self.origin_quote_id or self
        last = self.search(origin._crm_revision_domain(), order="revision desc", limit=1)
        new = self.copy({
            "name": self.name,
            "revision": max(self.revision, last.revision) + 1,
            "origin_quote_id": origin.id,
            "previous_revision_id": self.id,
            "state": "draft",
        })
        self.write({"state": "cancel", "superseded_by_id": new.id})
        self.message_post(body=_("Replaced by the revision %s.") % html_escape(new.display_name))
        new.message_post(body=_("Revision of %s.") % html_escape(self.display_name))
        return new._crm_form_action()

    def _crm_form_action(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Quote"),
            "res_model": "crm.quote",
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    def action_print(self):
        return self.env.ref("crm_sales.crm_quote_report").report_action(self)

    # ------------------------------------------------------------ PDF
    @api.model
    def _crm_data_uri(self, data, mimetype="image/png"):
        if not data:
            return False
        if isinstance(data, bytes):
            data = data.decode("ascii")
        return "data:%s;base64,%s" % (mimetype, data)

    # Odoo 11's QWeb converters take selection labels and the format of
    # t-esc amounts from the renderer's language, not the record's: the PDF
    # (in the customer's language) asks the quote for them instead
    # (amounts: _crm_format_money of crm_base's crm.format.mixin).
    @api.model
    def _crm_selection_label(self, record, field_name):
        """The label of ``record``'s selection value, in the language of
        ``record``'s context."""
        value = record[field_name]
        if not value:
            return ""
        labels = dict(record._fields[field_name]._description_selection(record.env))
        return labels.get(value, value)

    def _crm_signature_data_uri(self):
        self.ensure_one()
        return self._crm_data_uri(self.signature_image)

    def _crm_company_logo_data_uri(self):
        self.ensure_one()
        return self._crm_data_uri(self.company_id.sudo().logo)

    def _crm_render_pdf(self):
        """The PDF of this quote (bytes), as printed by crm_sales.crm_quote_report."""
        self.ensure_one()
        pdf, _kind = self.env.ref("crm_sales.crm_quote_report").render_qweb_pdf(self.ids)
        return pdf
