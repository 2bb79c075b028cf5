# -*- coding: utf-8 -*-
"""Billing a signed quote: deposits (acomptes), the final invoice that
deducts them, and progress invoices (situations de travaux).

The amounts come from logic/quote_billing.py; here the quote turns its lines
and its invoices into plain values and creates the invoices (Odoo's
account.invoice, French taxes of the company's chart)."""
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..logic import quote_billing as qb

REFUND_TYPES = ("out_refund",)


class CrmQuote(models.Model):
    _inherit = "crm.quote"

    crm_invoice_ids = fields.One2many(
        "account.invoice", "crm_quote_id", string="Invoices", readonly=True,
        groups="account.group_account_invoice")
    crm_situation_ids = fields.One2many(
        "crm.billing.situation", "quote_id", string="Progress statements", readonly=True,
        groups="account.group_account_invoice")
    crm_invoice_count = fields.Integer(
        string="Number of invoices", compute="_compute_crm_billing")
    crm_amount_invoiced = fields.Monetary(
        string="Invoiced incl. VAT", compute="_compute_crm_billing",
        currency_field="currency_id",
        help="Invoices of the quote (drafts included, cancelled ones not) minus their "
             "credit notes.")
    crm_amount_to_invoice = fields.Monetary(
        string="Left to invoice incl. VAT", compute="_compute_crm_billing",
        currency_field="currency_id")

    def _compute_crm_billing(self):
        for quote in self:
            documents = quote.sudo()._crm_billing_documents()
            quote.crm_invoice_count = len(documents)
            invoiced = quote._crm_amount_invoiced(documents)
            quote.crm_amount_invoiced = float(invoiced)
            quote.crm_amount_to_invoice = float(
                qb.left_to_invoice(qb.cent(quote.amount_total), invoiced)) \
                if quote.state == "signed" else 0.0

    # ------------------------------------------------------------ reading
    def _crm_billing_documents(self, kinds=None):
        """The quote's invoices and credit notes that are not cancelled."""
        self.ensure_one()
        documents = self.env["account.invoice"].search([
            ("crm_quote_id", "=", self.id), ("state", "!=", "cancel"),
            ("type", "in", ("out_invoice", "out_refund"))], order="date_invoice, id")
        if kinds:
            documents = documents.filtered(lambda inv: inv.crm_billing_kind in kinds)
        return documents

    @api.model
    def _crm_amount_invoiced(self, documents):
        return sum((qb.cent(inv.amount_total) * (-1 if inv.type in REFUND_TYPES else 1)
                    for inv in documents), qb.ZERO)

    def _crm_quote_taxes(self):
        return self._crm_totals()["taxes"]

    def _crm_net_documents(self, documents):
        """logic's net_documents() of these invoices and their credit notes."""
        return qb.net_documents([{
            "key": (inv.refund_invoice_id.id if inv.type in REFUND_TYPES
                    and inv.refund_invoice_id else inv.id),
            "sign": -1 if inv.type in REFUND_TYPES else 1,
            "taxes": inv._crm_vat_rows(),
        } for inv in documents])

    # ------------------------------------------------------------ checks
    def _crm_check_invoiceable(self):
        self.ensure_one()
        if self.state != "signed":
            raise UserError(_("Only a signed quote can be invoiced: the quote %s is not "
                              "signed.") % self.display_name)
        if not self.line_ids.filtered(lambda line: not line.display_type):
            raise UserError(_("The quote %s has no line to invoice.") % self.display_name)
        if self._crm_amount_invoiced(self._crm_billing_documents(("final",))) > 0:
            raise UserError(_("The quote %s already has its final invoice: cancel it or "
                              "issue a credit note to invoice again.") % self.display_name)
        return True

    def _crm_billing_error(self, error):
        """A logic BillingError as a message in the user's language."""
        params = {key: self._crm_format_money(float(value)) if key not in ("rate", "percent")
                  else qb.format_number(value) for key, value in error.params.items()}
        messages = {
            "deposit_not_positive": _("A deposit must be a positive amount or percentage."),
            "deposit_over_quote": _("The deposit (%(amount)s) is larger than the quote "
                                    "(%(quote_total)s incl. VAT)."),
            "deposit_over_left": _("The deposit (%(amount)s) is larger than what is left to "
                                   "invoice on the quote (%(left_total)s incl. VAT)."),
            "quote_empty": _("The quote has no amount to invoice."),
            "final_negative": _("The invoices already issued exceed the quote at the VAT rate "
                                "of %(rate)s %%: the final invoice would have a negative VAT. "
                                "Issue a credit note on a deposit first."),
            "percent_out_of_range": _("A cumulative percentage of progress is between 0 and "
                                      "100 %% (%(percent)s %% entered)."),
            "progress_negative": _("This progress statement bills less than the earlier ones "
                                   "(%(total)s): issue a credit note on the last progress "
                                   "invoice instead."),
            "retention_out_of_range": _("The guarantee retention is at most 5 %% of the total "
                                        "incl. VAT (%(percent)s %% entered)."),
        }
        return UserError(messages.get(error.code, error.code) % params)

    # ------------------------------------------------------------ building invoices
    def _crm_invoice_values(self, kind, date_invoice=None):
        self.ensure_one()
        company = self.company_id
        journal = company._crm_billing_sale_journal()
        partner = self.partner_id.with_context(force_company=company.id)
        date_invoice = date_invoice or fields.Date.context_today(self)
        date_due = date_invoice
        if self.payment_term_id:
            date_due = fields.Date.to_string(self.payment_term_id._crm_due_date(
                fields.Date.from_string(date_invoice)))
        return {
            "type": "out_invoice",
            "partner_id": self.partner_id.id,
            "account_id": partner.property_account_receivable_id.id,
            "journal_id": journal.id,
            "company_id": company.id,
            "currency_id": self.currency_id.id,
            "date_invoice": date_invoice,
            "date_due": date_due,
            "origin": self.name,
            "user_id": self.user_id.id,
            "crm_quote_id": self.id,
            "crm_billing_kind": kind,
            # the quote's VAT rates are what the customer signed: no fiscal
            # position maps them or prints its note (account.invoice's
            # create() would apply the partner's)
            "fiscal_position_id": False,
        }

    def _crm_income_account(self, quote_line=None):
        company = self.company_id
        if quote_line and quote_line.product_id:
            accounts = quote_line.product_id.product_tmpl_id.with_context(
                force_company=company.id)._get_product_accounts()
            if accounts.get("income"):
                return accounts["income"]
        journal = company._crm_billing_sale_journal()
        if not journal.default_credit_account_id:
            raise UserError(_("The sales journal %s has no default income account.")
                            % journal.name)
        return journal.default_credit_account_id

    def _crm_line(self, name, price, rate, account, **extra):
        """Values of an invoice line (a section or note when ``rate`` is None:
        quantity 0, which Odoo 11 leaves out of the journal entry)."""
        values = {"name": name, "account_id": account.id, "quantity": 1.0,
                  "price_unit": float(price)}
        if rate is None:
            values.update(quantity=0.0, price_unit=0.0)
        else:
            tax = self.company_id._crm_billing_sale_tax(rate)
            values["invoice_line_tax_ids"] = [(6, 0, tax.ids)]
        values.update(extra)
        return (0, 0, values)

    def _crm_create_invoice(self, values, lines, taxes):
        invoice = self.env["account.invoice"].create(dict(values, invoice_line_ids=lines))
        # account.invoice's create() computes the tax lines (Odoo's way, "round
        # globally"); only the cents that differ from the quote's are written
        # (bench/bench_quote_invoicing.py: a second compute_taxes() cost 13 %)
        if not invoice.tax_line_ids:
            invoice.compute_taxes()
        invoice._crm_set_vat(taxes)
        return invoice

    # ------------------------------------------------------------ deposits
    def _crm_create_deposit_invoice(self, percent=None, amount=None, date_invoice=None):
        """A deposit invoice (acompte) of ``percent`` of the quote's total or
        of ``amount``, both incl. VAT, split over the quote's VAT rates."""
        self.ensure_one()
        self._crm_check_invoiceable()
        if self._crm_billing_documents(("progress",)):
            raise UserError(_("The quote %s is billed by progress invoices: their final "
                              "invoice deducts them, no deposit can be added.")
                            % self.display_name)
        documents = self._crm_billing_documents()
        quote_total = qb.cent(self.amount_total)
        try:
            total = qb.deposit_total(quote_total, qb.left_to_invoice(
                quote_total, self._crm_amount_invoiced(documents)), percent=percent,
                amount=amount)
            parts = qb.split_deposit(self._crm_quote_taxes(), total)
        except qb.BillingError as error:
            raise self._crm_billing_error(error)
        account = self.company_id._crm_billing_deposit_account()
        if percent:
            label = _("Deposit of %(percent)s %% on the quote %(quote)s") % {
                "percent": qb.format_number(percent), "quote": self.display_name}
        else:
            label = _("Deposit on the quote %s") % self.display_name
        lines = []
        for index, part in enumerate(parts):
            name = label
            if len(parts) > 1:
                name = _("%(label)s (VAT %(rate)s %%)") % {
                    "label": label, "rate": qb.format_number(part["rate"])}
            lines.append(self._crm_line(name, part["base"], part["rate"], account,
                                        sequence=10 + index))
        return self._crm_create_invoice(self._crm_invoice_values("deposit", date_invoice),
                                        lines, parts)

    # ------------------------------------------------------------ final invoice
    def _crm_create_final_invoice(self, date_invoice=None):
        """The final invoice: every line of the quote, then, per earlier
        deposit or progress invoice and per VAT rate, a line deducting it
        (credit notes netted; a fully credited deposit is not deducted)."""
        self.ensure_one()
        self._crm_check_invoiceable()
        previous_docs = self._crm_billing_documents(("deposit", "progress"))
        previous = self._crm_net_documents(previous_docs)
        try:
            result = qb.final_invoice(self._crm_quote_taxes(), previous)
        except qb.BillingError as error:
            raise self._crm_billing_error(error)
        lines = self._crm_quote_invoice_lines()
        deposit_account = self.company_id._crm_billing_deposit_account()
        invoices = self.env["account.invoice"].browse(list(previous))
        sequence = 10000
        for deduction in result["deductions"]:
            earlier = invoices.browse(deduction["key"])
            sequence += 1
            account = deposit_account if earlier.crm_billing_kind == "deposit" \
                else self._crm_income_account()
            name = _("Deduction of the %(kind)s %(number)s of %(date)s (VAT %(rate)s %%)") % {
                "kind": (_("deposit invoice") if earlier.crm_billing_kind == "deposit"
                         else _("progress invoice")),
                "number": earlier.number or earlier.display_name,
                "date": self._crm_format_date(earlier.date_invoice),
                "rate": qb.format_number(deduction["rate"])}
            lines.append(self._crm_line(name, -deduction["base"], deduction["rate"], account,
                                        sequence=sequence,
                                        crm_deposit_invoice_id=earlier.id))
        return self._crm_create_invoice(self._crm_invoice_values("final", date_invoice),
                                        lines, result["taxes"])

    def _crm_quote_invoice_lines(self):
        """Every line of the quote as invoice lines, sections and notes
        included (quantity 0: Odoo 11 has no section lines on invoices)."""
        lines = []
        for line in self.line_ids:
            extra = {"sequence": line.sequence, "crm_quote_line_id": line.id}
            if line.display_type:
                lines.append(self._crm_line(line.name, 0, None, self._crm_income_account(),
                                            **extra))
                continue
            extra.update(quantity=line.quantity, discount=line.discount,
                         product_id=line.product_id.id)
            lines.append(self._crm_line(line.name, line.price_unit, line.vat_rate or "0",
                                        self._crm_income_account(line), **extra))
        return lines

    # ------------------------------------------------------------ progress invoices
    def _crm_progress_previous(self):
        """(amount excl. VAT billed per quote line, VAT billed per rate) by
        the quote's progress invoices and their credit notes (Decimals)."""
        self.ensure_one()
        per_line, per_rate = {}, {}
        for invoice in self._crm_billing_documents(("progress",)):
            sign = -1 if invoice.type in REFUND_TYPES else 1
            for line in invoice.invoice_line_ids.filtered("crm_quote_line_id"):
                key = line.crm_quote_line_id.id
                per_line[key] = per_line.get(key, qb.ZERO) + sign * qb.cent(line.price_subtotal)
            for row in invoice._crm_vat_rows():
                per_rate[row["rate"]] = per_rate.get(row["rate"], qb.ZERO) + sign * row["tax"]
        return per_line, per_rate

    def _crm_progress_result(self, percents):
        """logic's progress_invoice() for ``percents`` {quote line id: %}."""
        self.ensure_one()
        per_line, per_rate = self._crm_progress_previous()
        totals = self._crm_totals()["lines"]
        lines = []
        for line, amounts in zip(self.line_ids, totals):
            if line.display_type:
                continue
            lines.append({"key": line.id, "rate": line.vat_rate or "0",
                          "contract": amounts["subtotal"],
                          "percent": percents.get(line.id, 0),
                          "previous": per_line.get(line.id, qb.ZERO)})
        try:
            return qb.progress_invoice(lines, per_rate)
        except qb.BillingError as error:
            raise self._crm_billing_error(error)

    def _crm_create_progress_invoice(self, situation, date_invoice=None):
        """The progress invoice of ``situation`` (crm.billing.situation): each
        line bills its cumulative amount minus what was billed before."""
        self.ensure_one()
        self._crm_check_invoiceable()
        if self._crm_billing_documents(("deposit",)):
            raise UserError(_("The quote %s has deposit invoices: bill the rest with the "
                              "final invoice, which deducts them.") % self.display_name)
        percents = situation._crm_percents()
        result = self._crm_progress_result(percents)
        if not result["untaxed"] and not result["tax"]:
            raise UserError(_("Nothing to invoice: the progress entered is the same as on the "
                              "previous statement."))
        try:
            retention = qb.retention(result["total"], situation.retention_percent)
        except qb.BillingError as error:
            raise self._crm_billing_error(error)
        deltas = {row["key"]: row for row in result["lines"]}
        previous_percent = situation._crm_previous_percents()
        sections = qb.section_members([{"key": line.id,
                                        "section": line.display_type == "line_section"}
                                       for line in self.line_ids])
        billed_sections = {key for key, members in sections.items()
                           if any(deltas.get(m) and deltas[m]["delta"] for m in members)}
        lines = []
        for line in self.line_ids:
            extra = {"sequence": line.sequence, "crm_quote_line_id": line.id}
            if line.display_type == "line_section":
                if line.id in billed_sections:
                    lines.append(self._crm_line(line.name, 0, None, self._crm_income_account(),
                                                **extra))
                continue
            row = deltas.get(line.id)
            if line.display_type or not row or not row["delta"]:
                continue
            name = _("%(name)s\nProgress: %(percent)s %% cumulative (previously %(previous)s %%)"
                     ) % {"name": line.name, "percent": qb.format_number(row["percent"]),
                          "previous": qb.format_number(previous_percent.get(line.id, 0))}
            extra["product_id"] = line.product_id.id
            lines.append(self._crm_line(name, row["delta"], row["rate"],
                                        self._crm_income_account(line), **extra))
        values = self._crm_invoice_values("progress", date_invoice or situation.date)
        contract = result["contract"]
        values.update({
            "crm_situation_number": situation.number,
            "crm_contract_amount": float(contract),
            "crm_cumulative_amount": float(result["cumulative"]),
            "crm_previous_amount": float(result["previous"]),
            "crm_cumulative_percent": float(
                qb.cent(result["cumulative"] * 100 / contract)) if contract else 0.0,
            "crm_retention_percent": situation.retention_percent,
            "crm_retention_amount": float(retention),
            "crm_retention_due_date": self.env["account.invoice"]._crm_retention_due_date(
                values["date_invoice"]) if retention else False,
        })
        return self._crm_create_invoice(values, lines, result["taxes"])

    # ------------------------------------------------------------ XML-RPC
    def crm_invoice_deposit(self, percent=None, amount=None, date_invoice=None):
        """Over XML-RPC: a draft deposit invoice of ``percent`` of the quote or
        of ``amount`` (incl. VAT); returns its id."""
        return self._crm_create_deposit_invoice(percent=percent, amount=amount,
                                                date_invoice=date_invoice).id

    def crm_invoice_final(self, date_invoice=None):
        """Over XML-RPC: the draft final invoice of the quote; returns its id."""
        return self._crm_create_final_invoice(date_invoice=date_invoice).id

    def crm_new_progress_statement(self):
        """Over XML-RPC: the draft progress statement of the quote (a new one
        at the percentages of the last one, or the draft already open);
        returns its id. Write the ``percent`` of its lines, then call its
        ``action_crm_create_invoice``."""
        self.ensure_one()
        self._crm_check_invoiceable()
        return self.env["crm.billing.situation"]._crm_new_for_quote(self).id

    # ------------------------------------------------------------ actions
    def action_crm_invoice(self):
        """The "Invoice" button: the wizard that bills the signed quote."""
        self.ensure_one()
        self._crm_check_invoiceable()
        # a quote billed by progress statements goes on with the next one
        kind = "progress" if self._crm_billing_documents(("progress",)) else "deposit"
        wizard = self.env["crm.quote.invoice.wizard"].create({"quote_id": self.id,
                                                              "kind": kind})
        return {
            "type": "ir.actions.act_window",
            "name": _("Invoice the quote"),
            "res_model": "crm.quote.invoice.wizard",
            "res_id": wizard.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    def action_crm_view_invoices(self):
        self.ensure_one()
        action = self.env.ref("account.action_invoice_tree1").read()[0]
        action["domain"] = [("crm_quote_id", "=", self.id)]
        action["context"] = {"default_crm_quote_id": self.id, "type": "out_invoice"}
        return action

    # ------------------------------------------------------------ demo
    @api.model
    def _crm_billing_demo(self, quote_ids):
        """The demo invoices (demo/crm_billing_quote_demo.xml), validated in
        the order of their dates, all in the current year: a deposit and the
        final invoice of the first quote; three progress statements of the
        second (renovation, 5 % retention)."""
        simple, works = self.browse(quote_ids)
        if not (simple.exists() and works.exists()) or simple.state != "signed" \
                or works.state != "signed" or simple._crm_billing_documents() \
                or works._crm_billing_documents():
            return False
        today = fields.Date.from_string(fields.Date.context_today(self))
        first_day = today.replace(month=1, day=1)

        def day(offset):
            return fields.Date.to_string(max(first_day, today + datetime.timedelta(days=offset)))

        lines = works.line_ids
        # the lines of the works quote, in order: lot 1 (section, 2 lines),
        # lot 2 (section, 3 lines), lot 3 (section, 1 line), a note
        progress = [
            (-70, {lines[0]: 100, lines[4]: 20}),
            (-40, {lines[4]: 60, lines[5]: 40, lines[8]: 30}),
            (-10, {lines[4]: 100, lines[5]: 80, lines[6]: 50, lines[8]: 70}),
        ]

        def statement(offset, percents):
            situation = self.env["crm.billing.situation"]._crm_new_for_quote(works)
            situation.write({"date": day(offset), "retention_percent": 5.0})
            for row in situation.line_ids:
                if row.quote_line_id in percents:
                    row.write({"percent": percents[row.quote_line_id]})
            situation.action_crm_create_invoice()
            situation.invoice_id.action_invoice_open()

        statement(*progress[0])
        simple._crm_create_deposit_invoice(percent=30, date_invoice=day(-55)).action_invoice_open()
        statement(*progress[1])
        statement(*progress[2])
        simple._crm_create_final_invoice(date_invoice=day(-5)).action_invoice_open()
        return True
