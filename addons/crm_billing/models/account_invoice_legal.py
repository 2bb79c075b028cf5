# -*- coding: utf-8 -*-
"""What the printed invoice says that Odoo's invoice does not hold: the
delivery address and the category of the operation (goods, services or both),
two mentions of the French e-invoicing reform; and the helpers of the
invoice PDF (report/account_invoice_report.xml).

Odoo 11 has ``partner_shipping_id`` on invoices only with ``sale``; the same
field is defined here (same type and meaning), so both addons can coexist.
"""
from odoo import api, fields, models

from ..logic import facturx_cii, invoice_mentions

OPERATION_CATEGORIES = [
    ("goods", "Goods"),
    ("services", "Services"),
    ("mixed", "Goods and services"),
]


class AccountInvoice(models.Model):
    _inherit = "account.invoice"

    partner_shipping_id = fields.Many2one(
        "res.partner", string="Delivery address", readonly=True,
        states={"draft": [("readonly", False)]},
        help="Where the goods are delivered or the services provided, when it is not the "
             "invoice address: printed on the invoice (French e-invoicing reform).")
    crm_operation_category = fields.Selection(
        OPERATION_CATEGORIES, string="Operation", compute="_compute_crm_operation_category",
        inverse="_inverse_crm_operation_category", store=True,
        help="Delivery of goods, provision of services, or both: a mention every invoice "
             "carries (French e-invoicing reform). Found from the products or the units of "
             "the quote lines; you can change it.")
    crm_operation_category_forced = fields.Selection(
        OPERATION_CATEGORIES, string="Operation (set by hand)", copy=False)

    # not on the products' types or the quote lines' units: changing a product
    # must not change what an issued invoice says
    @api.depends("crm_operation_category_forced", "crm_quote_id", "invoice_line_ids.product_id",
                 "invoice_line_ids.crm_quote_line_id", "invoice_line_ids.crm_deposit_invoice_id")
    def _compute_crm_operation_category(self):
        for invoice in self:
            if invoice.crm_operation_category_forced:
                invoice.crm_operation_category = invoice.crm_operation_category_forced
                continue
            lines = invoice.invoice_line_ids.filtered(lambda line: not line.crm_deposit_invoice_id)
            categories = [invoice_mentions.line_category(
                line.product_id.type or None, line.crm_quote_line_id.unit or None)
                for line in lines]
            if not any(categories) and invoice.crm_quote_id:
                categories = [invoice_mentions.line_category(None, line.unit)
                              for line in invoice.crm_quote_id.line_ids
                              if not line.display_type]
            invoice.crm_operation_category = invoice_mentions.operation_category(categories)

    def _inverse_crm_operation_category(self):
        for invoice in self:
            invoice.crm_operation_category_forced = invoice.crm_operation_category

    # -- the PDF --------------------------------------------------------------

    def _crm_money(self, amount):
        """``amount`` in the invoice's currency, as the reader writes it."""
        return self.env["crm.format.mixin"]._crm_format_money(amount, self.currency_id)

    def _crm_date(self, value):
        return self.env["crm.format.mixin"]._crm_format_date(value)

    def _crm_report_lines(self):
        """The lines printed in the table: the deposit deductions of a final
        invoice are printed after the totals, as amounts already invoiced."""
        return self.invoice_line_ids.filtered(lambda line: not line.crm_deposit_invoice_id)

    def _crm_has_deposit_deductions(self):
        return bool(self.invoice_line_ids.filtered("crm_deposit_invoice_id"))

    def _crm_report_totals(self):
        """The totals printed for a final invoice, the same as its Factur-X:
        the whole operation excl. VAT, its VAT per rate and total, then each
        deposit already invoiced (VAT included) and the amount left to pay."""
        self.ensure_one()
        values = self._crm_facturx_amount_values()
        amounts = facturx_cii.totals(values)
        fmt = self.env["crm.format.mixin"]
        return {
            "untaxed": self._crm_money(float(amounts["untaxed"])),
            "breakdown": [{
                "rate": fmt._crm_format_vat_rate(float(entry["rate"])),
                "base": self._crm_money(float(entry["base"])),
                "amount": self._crm_money(float(entry["amount"])),
            } for entry in amounts["breakdown"]],
            "total": self._crm_money(float(amounts["total"])),
            "deposits": [{
                "number": deposit["number"],
                "date": self._crm_date(deposit["date"]),
                "amount": self._crm_money(deposit["untaxed"] + deposit["tax"]),
            } for deposit in values["deposits"]],
            "prepaid": self._crm_money(float(amounts["prepaid"])),
            "due": self._crm_money(float(amounts["due"])),
        }

    def _crm_operation_label(self):
        self.ensure_one()
        return dict(self._fields["crm_operation_category"]._description_selection(
            self.env)).get(self.crm_operation_category or "services", "")

    def _crm_delivery_partner(self):
        """The delivery address when it differs from the invoice address."""
        self.ensure_one()
        shipping = self.partner_shipping_id
        if not shipping or shipping == self.partner_id:
            return self.env["res.partner"]
        same = all((shipping[key] or False) == (self.partner_id[key] or False)
                   for key in ("street", "street2", "zip", "city", "country_id"))
        return self.env["res.partner"] if same else shipping
