# -*- coding: utf-8 -*-
"""Invoices billed from a quote: the statement (décompte) of progress
invoices, the guarantee retention, the VAT per rate kept as the quote's,
and credit notes that stay attached to the quote."""
import datetime

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..logic import quote_billing

#: A private building contract releases the retention after a year (loi du
#: 16 juillet 1971); a public one after 13 months: the date stays editable.
RETENTION_MONTHS = 12


class AccountInvoice(models.Model):
    _inherit = "account.invoice"

    # statement (décompte) of a progress invoice, stored when it is made
    crm_situation_number = fields.Integer(string="Situation no.", readonly=True, copy=False)
    crm_contract_amount = fields.Monetary(
        string="Contract amount excl. VAT", readonly=True, copy=False,
        help="The quote's total excl. VAT.")
    crm_cumulative_amount = fields.Monetary(
        string="Cumulative work done excl. VAT", readonly=True, copy=False)
    crm_previous_amount = fields.Monetary(
        string="Previously invoiced excl. VAT", readonly=True, copy=False)
    crm_cumulative_percent = fields.Float(
        string="Cumulative progress (%)", readonly=True, copy=False, digits=(16, 2))

    # guarantee retention (retenue de garantie)
    crm_retention_percent = fields.Float(
        string="Guarantee retention (%)", readonly=True, copy=False, digits=(16, 2),
        help="Part of the total incl. VAT held back by the customer until the "
             "retention is released (at most 5 %).")
    crm_retention_amount = fields.Monetary(
        string="Guarantee retention", readonly=True, copy=False)
    crm_retention_due_date = fields.Date(
        string="Retention due on", readonly=True, copy=False,
        states={"draft": [("readonly", False)]},
        help="The retained part falls due on this date (a year after the invoice unless "
             "released earlier).")
    crm_retention_released = fields.Boolean(string="Retention released", readonly=True,
                                            copy=False)
    crm_amount_due_now = fields.Monetary(
        string="Due now", compute="_compute_crm_amount_due_now",
        help="What is left to pay, without the guarantee retention not released yet.")

    @api.depends("residual", "crm_retention_amount", "crm_retention_released", "state")
    def _compute_crm_amount_due_now(self):
        for invoice in self:
            held = 0.0
            if invoice.crm_retention_amount and not invoice.crm_retention_released:
                held = min(invoice.crm_retention_amount, invoice.residual)
            invoice.crm_amount_due_now = invoice.residual - held

    # ------------------------------------------------------------ amounts per rate
    def _crm_vat_rows(self):
        """[{"rate", "base", "tax"}] of this invoice (Decimals): the base from
        its lines per tax, the VAT from its tax lines."""
        self.ensure_one()
        rows = {}
        for line in self.invoice_line_ids:
            for tax in line.invoice_line_tax_ids:
                row = rows.setdefault(quote_billing.rate_key(tax.amount),
                                      {"base": 0, "tax": 0})
                row["base"] += quote_billing.to_decimal(line.price_subtotal)
        for tax_line in self.tax_line_ids:
            row = rows.setdefault(quote_billing.rate_key(tax_line.tax_id.amount),
                                  {"base": 0, "tax": 0})
            row["tax"] += quote_billing.cent(tax_line.amount_total)
        return [{"rate": rate, "base": quote_billing.cent(row["base"]),
                 "tax": quote_billing.cent(row["tax"])} for rate, row in rows.items()]

    def _crm_set_vat(self, taxes):
        """Odoo's tax lines of this draft invoice set to ``taxes``
        ([{"rate", "base", "tax"}], Decimals): the VAT per rate the quote
        totals and logic/quote_billing.py computed. Odoo's "round globally"
        already gives the same amounts but for the sub-cent parts of line
        amounts, which the quote rounds line by line."""
        self.ensure_one()
        wanted = {quote_billing.rate_key(t["rate"]): t for t in taxes}
        for tax_line in self.tax_line_ids:
            row = wanted.get(quote_billing.rate_key(tax_line.tax_id.amount))
            if not row:
                continue
            values = {}
            if quote_billing.cent(tax_line.amount) != row["tax"]:
                values["amount"] = float(row["tax"])
            if quote_billing.cent(tax_line.base) != row["base"]:
                values["base"] = float(row["base"])
            if values:
                tax_line.write(values)
        return True

    # ------------------------------------------------------------ credit notes
    @api.model
    def _get_refund_copy_fields(self):
        # a credit note of a quote's invoice stays on the quote: what is left
        # to invoice and the deductions of the final invoice count it
        fields_list = super(AccountInvoice, self)._get_refund_copy_fields()
        return fields_list + ["crm_quote_id", "crm_billing_kind"]

    # ------------------------------------------------------------ retention
    def finalize_invoice_move_lines(self, move_lines):
        """The retention falls due later: the receivable line is split in
        two, the retained part due on the retention date."""
        move_lines = super(AccountInvoice, self).finalize_invoice_move_lines(move_lines)
        retention = quote_billing.cent(self.crm_retention_amount)
        if not retention or self.type != "out_invoice":
            return move_lines
        receivables = [vals for _c, _i, vals in move_lines
                       if vals.get("account_id") == self.account_id.id and vals.get("debit")]
        if not receivables:
            return move_lines
        main = receivables[-1]
        if quote_billing.to_decimal(main["debit"]) <= retention:
            raise UserError(_("The guarantee retention (%(retention)s) is larger than the "
                              "amount due (%(due)s).") % {
                "retention": self._crm_format_amount(retention),
                "due": self._crm_format_amount(main["debit"])})
        main["debit"] = float(quote_billing.to_decimal(main["debit"]) - retention)
        held = dict(main, debit=float(retention),
                    name=_("Guarantee retention"),
                    date_maturity=self.crm_retention_due_date or main.get("date_maturity"))
        return move_lines + [(0, 0, held)]

    def _crm_format_amount(self, amount):
        self.ensure_one()
        return "%s %s" % (format(quote_billing.cent(amount), "f"), self.currency_id.symbol)

    @api.model
    def _crm_retention_due_date(self, date_invoice):
        start = fields.Date.from_string(date_invoice) if date_invoice else datetime.date.today()
        return fields.Date.to_string(start + relativedelta(months=RETENTION_MONTHS))

    def _crm_retention_move_lines(self):
        """The receivable line of the retention (finalize_invoice_move_lines)."""
        self.ensure_one()
        retention = quote_billing.cent(self.crm_retention_amount)
        return self.move_id.line_ids.filtered(
            lambda ln: ln.account_id == self.account_id
            and ln.date_maturity == self.crm_retention_due_date
            and quote_billing.cent(ln.debit) == retention)

    def action_crm_release_retention(self):
        """The works were accepted without reservations (or a bank guarantee
        replaces the retention): the retained amount falls due today."""
        today = fields.Date.context_today(self)
        for invoice in self:
            if not invoice.crm_retention_amount or invoice.crm_retention_released:
                raise UserError(_("The invoice %s has no guarantee retention to release.")
                                % invoice.display_name)
            if invoice.state not in ("open", "paid"):
                raise UserError(_("Validate the invoice %s before releasing its retention.")
                                % invoice.display_name)
            lines = invoice._crm_retention_move_lines()[:1]
            lines.write({"date_maturity": today})
            invoice.write({"crm_retention_released": True, "crm_retention_due_date": today})
            invoice.message_post(body=_("Guarantee retention released: it is due now."))
        return True
