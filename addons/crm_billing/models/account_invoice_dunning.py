# -*- coding: utf-8 -*-
"""Payment reminders (relances) on customer invoices.

``_crm_dunning_run`` is the daily scheduled action (data/crm_dunning_data.xml):
each open customer invoice past its due date gets the highest level of
reminder it has reached, once (``logic/dunning.py``), by email from the level's
template with the invoice PDF attached, posted in the invoice's chatter. It
stops when the invoice is paid in full and, while a promise to pay runs, until
the promised date has passed (a date on the invoice or on the customer).
"""
import logging

from odoo import api, fields, models

from ..logic import dunning

_logger = logging.getLogger(__name__)


class AccountInvoice(models.Model):
    _inherit = "account.invoice"

    crm_dunning_level_id = fields.Many2one(
        "crm.dunning.level", string="Reminder level", readonly=True, copy=False,
        index=True, ondelete="set null", track_visibility="onchange",
        help="The last payment reminder sent for this invoice.")
    crm_dunning_date = fields.Date(
        string="Last reminder on", readonly=True, copy=False)
    crm_promise_date = fields.Date(
        string="Payment promised for", copy=False, track_visibility="onchange",
        help="The customer promised to pay by this date: no reminder is sent until it "
             "has passed.")
    crm_days_late = fields.Integer(
        string="Days late", compute="_compute_crm_dunning_texts",
        help="Days since the due date (0 when not yet due).")
    crm_residual_text = fields.Char(
        string="Amount due (text)", compute="_compute_crm_dunning_texts",
        help="The amount due as the customer reads it, for the reminders.")
    crm_date_due_text = fields.Char(
        string="Due date (text)", compute="_compute_crm_dunning_texts")
    crm_date_invoice_text = fields.Char(
        string="Invoice date (text)", compute="_compute_crm_dunning_texts")
    crm_pay_url = fields.Char(
        string="Online payment link", compute="_compute_crm_pay_url",
        help="The invoice's page on the customer portal, with its access key: the customer "
             "reads it, downloads the PDF and pays there, without an account.")

    @api.depends("residual", "date_due", "date_invoice", "currency_id")
    def _compute_crm_dunning_texts(self):
        today = fields.Date.from_string(fields.Date.context_today(self))
        formats = self.env["crm.format.mixin"]
        for invoice in self:
            late = dunning.days_late(fields.Date.from_string(invoice.date_due), today)
            invoice.crm_days_late = max(late, 0)
            invoice.crm_residual_text = formats._crm_format_money(
                invoice.residual, invoice.currency_id)
            invoice.crm_date_due_text = formats._crm_format_date(invoice.date_due)
            invoice.crm_date_invoice_text = formats._crm_format_date(invoice.date_invoice)

    def _compute_crm_pay_url(self):
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url") or ""
        for invoice in self:
            token = invoice.sudo().access_token
            invoice.crm_pay_url = "%s/my/invoices/%s?access_token=%s" % (
                base_url.rstrip("/"), invoice.id, token) if token and invoice.id else False

    def _crm_dunning_promise(self):
        """The promised payment date that applies: the invoice's, else its
        customer's (the later of the two when both are set)."""
        self.ensure_one()
        dates = [d for d in (self.crm_promise_date,
                             self.commercial_partner_id.crm_promise_date) if d]
        return fields.Date.from_string(max(dates)) if dates else None

    @api.model
    def _crm_dunning_domain(self, today):
        return [("type", "=", "out_invoice"), ("state", "=", "open"),
                ("date_due", "<", fields.Date.to_string(today))]

    @api.model
    def _crm_dunning_run(self, today=None):
        """The daily run: send each reminder due today. Returns the invoices
        reminded. Running it twice the same day sends nothing more."""
        today = fields.Date.from_string(today or fields.Date.context_today(self))
        invoices = self.sudo().search(self._crm_dunning_domain(today), order="date_due, id")
        Level = self.env["crm.dunning.level"].sudo()
        levels_of = {}
        reminded = self.browse()
        for invoice in invoices:
            company = invoice.company_id
            if company.id not in levels_of:
                levels_of[company.id] = Level.search([("company_id", "=", company.id)])
            levels = levels_of[company.id]
            chosen = dunning.level_to_send(
                levels._crm_dunning_values(),
                dunning.days_late(fields.Date.from_string(invoice.date_due), today),
                invoice.residual, invoice.crm_dunning_level_id.id,
                invoice._crm_dunning_promise(), today)
            if not chosen:
                continue
            if not reminded:
                invoice._crm_dunning_render_pdf_first()
            try:
                # one invoice whose email cannot be made must not stop the others;
                # its level is not recorded, so the next run tries it again
                with self.env.cr.savepoint():
                    invoice._crm_dunning_send(Level.browse(chosen["id"]), today)
            except Exception:  # pylint: disable=broad-except
                _logger.exception("Payment reminder of invoice %s not sent", invoice.number)
                self.invalidate_cache()  # the cache still holds what was rolled back
                continue
            reminded |= invoice
        _logger.info("Payment reminders: %d sent", len(reminded))
        return reminded

    def _crm_dunning_render_pdf_first(self):
        """Print the invoice PDF of the first reminder before its savepoint.

        Each reminder is sent in a savepoint and attaches the invoice PDF.
        Outside tests, Odoo 11 renders a PDF with ``commit_assetsbundle``: the
        first PDF after an install or an update builds the report's style
        sheets and commits them, so that wkhtmltopdf can fetch them from the
        server. Inside a savepoint that commit ends the savepoint (RELEASE
        SAVEPOINT fails and the run stops). Printed here, outside any
        savepoint, the PDF builds them as Odoo does; the reminder then reuses
        the saved PDF of the invoice.
        """
        self.ensure_one()
        self.env.ref("account.account_invoices").sudo().render_qweb_pdf(self.ids)

    def _crm_dunning_send(self, level, today):
        """Email ``level`` to the customer, in the chatter, and record it."""
        self.ensure_one()
        self.write({"crm_dunning_level_id": level.id,
                    "crm_dunning_date": fields.Date.to_string(today)})
        self.with_context(mail_post_autofollow=False).message_post_with_template(
            level.mail_template_id.id, composition_mode="comment")
