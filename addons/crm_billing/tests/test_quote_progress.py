# -*- coding: utf-8 -*-
"""Billing a signed quote by progress invoices (situations de travaux)."""
from odoo.exceptions import UserError, ValidationError

from .quote_billing_common import QuoteBillingCase


class TestQuoteProgress(QuoteBillingCase):
    def setUp(self):
        super(TestQuoteProgress, self).setUp()
        self.quote = self.make_quote([
            {"display_type": "line_section", "name": "Lot 1 — Gros œuvre"},
            {"name": "Maçonnerie", "quantity": 1, "price_unit": 10000.0, "vat_rate": "20"},
            {"name": "Enduits", "quantity": 3, "price_unit": 1111.11, "vat_rate": "20"},
            {"display_type": "line_section", "name": "Lot 2 — Logement"},
            {"name": "Cuisine", "quantity": 1, "price_unit": 2500.0, "vat_rate": "10"},
        ])
        self.lines = self.quote.line_ids

    def statement(self, percents, retention=0.0, post=True):
        situation = self.env["crm.billing.situation"]._crm_new_for_quote(self.quote)
        situation.retention_percent = retention
        for row in situation.line_ids:
            if row.quote_line_id in percents:
                row.percent = percents[row.quote_line_id]
        situation.action_crm_create_invoice()
        if post:
            situation.invoice_id.action_invoice_open()
        return situation

    def test_five_statements_with_a_line_going_back_down_bill_what_was_computed_by_hand(self):
        masonry, plaster, kitchen = self.lines[1], self.lines[2], self.lines[4]
        steps = [
            {masonry: 10, plaster: 0, kitchen: 0},
            {masonry: 35, plaster: 20, kitchen: 0},
            {masonry: 60, plaster: 15, kitchen: 50},      # plaster goes back down
            {masonry: 90, plaster: 40, kitchen: 50},
            {masonry: 100, plaster: 100, kitchen: 100},
        ]
        # by hand (see test_logic_quote_billing): excl. VAT and VAT of each statement
        expected = [(1000.00, 200.00), (3166.67, 633.33), (3583.33, 591.67),
                    (3833.33, 766.67), (4250.00, 725.00)]
        invoices = self.env["account.invoice"]
        for number, (step, (untaxed, tax)) in enumerate(zip(steps, expected), 1):
            invoice = self.statement(step).invoice_id
            self.assertEqual((invoice.crm_situation_number, invoice.amount_untaxed,
                              invoice.amount_tax), (number, untaxed, tax))
            invoices |= invoice
        third = invoices[2]
        plaster_line = third.invoice_line_ids.filtered(lambda ln: ln.crm_quote_line_id == plaster)
        self.assertEqual(plaster_line.price_subtotal, -166.67)
        self.assertEqual((third.crm_contract_amount, third.crm_cumulative_amount,
                          third.crm_previous_amount), (15833.33, 7750.00, 4166.67))
        self.assertEqual(sum(invoices.mapped("amount_total")), self.quote.amount_total)
        self.assertEqual(self.quote.crm_amount_to_invoice, 0.0)

    def test_a_percentage_on_a_section_applies_to_its_lines(self):
        situation = self.env["crm.billing.situation"]._crm_new_for_quote(self.quote)
        section = situation.line_ids.filtered(lambda r: r.quote_line_id == self.lines[0])
        section.percent = 40
        rows = situation.line_ids.filtered(lambda r: not r.display_type)
        self.assertEqual(rows.mapped("percent"), [40.0, 40.0, 0.0])
        # (10,000.00 + 3,333.33) x 40 % = 4,000.00 + 1,333.33
        self.assertEqual(situation.amount_untaxed, 5333.33)

    def test_a_percentage_over_100_or_below_0_is_refused_with_a_clear_message(self):
        situation = self.env["crm.billing.situation"]._crm_new_for_quote(self.quote)
        row = situation.line_ids.filtered(lambda r: r.quote_line_id == self.lines[1])
        with self.assertRaisesRegex(ValidationError, "between 0 and 100"):
            row.percent = 120
        with self.assertRaisesRegex(ValidationError, "between 0 and 100"):
            row.percent = -5

    def test_the_retention_is_held_back_and_falls_due_a_year_later_until_released(self):
        situation = self.statement({self.lines[1]: 50}, retention=5.0)
        invoice = situation.invoice_id
        # 5,000.00 + 1,000.00 VAT; 5 % of 6,000.00 = 300.00 held back
        self.assertEqual((invoice.amount_total, invoice.crm_retention_amount), (6000.0, 300.0))
        self.assertEqual(invoice.crm_amount_due_now, 5700.0)
        receivable = invoice.move_id.line_ids.filtered(
            lambda ln: ln.account_id == invoice.account_id).sorted("date_maturity")
        self.assertEqual(receivable.mapped("debit"), [5700.0, 300.0])
        self.assertEqual(receivable[1].date_maturity, invoice.crm_retention_due_date)
        self.assertGreater(invoice.crm_retention_due_date, invoice.date_due)
        invoice.action_crm_release_retention()
        self.assertTrue(invoice.crm_retention_released)
        self.assertEqual(invoice.crm_amount_due_now, 6000.0)
        self.assertEqual(receivable[1].date_maturity, invoice.crm_retention_due_date)

    def test_a_retention_over_5_percent_is_refused(self):
        situation = self.env["crm.billing.situation"]._crm_new_for_quote(self.quote)
        with self.assertRaisesRegex(ValidationError, "at most 5"):
            situation.retention_percent = 6

    def test_the_final_invoice_after_statements_deducts_them(self):
        first = self.statement({self.lines[1]: 50}).invoice_id
        final = self.quote._crm_create_final_invoice()
        deduction = final.invoice_line_ids.filtered("crm_deposit_invoice_id")
        self.assertEqual(deduction.crm_deposit_invoice_id, first)
        self.assertEqual(final.amount_total + first.amount_total, self.quote.amount_total)

    def test_a_statement_that_changes_nothing_is_refused_and_leaves_no_invoice(self):
        self.statement({self.lines[1]: 50})
        with self.assertRaisesRegex(UserError, "Nothing to invoice"):
            self.statement({self.lines[1]: 50})
        self.assertEqual(len(self.invoices_of(self.quote)), 1)

    def test_the_pdf_shows_the_statement_after_the_totals(self):
        situation = self.statement({self.lines[1]: 50}, retention=5.0)
        html = self.env.ref("account.account_invoices").render_qweb_html(
            situation.invoice_id.ids)[0].decode()
        self.assertIn("Progress statement no. 1", html)
        self.assertIn("Previously invoiced excl. VAT", html)
        self.assertIn("Guarantee retention", html)
        # 5,000.00 of 15,833.33 done; 5 % held until a year later
        self.assertIn("Cumulative work done excl. VAT (31.58%)", html)
        self.assertIn("Guarantee retention (5%% of the total incl. VAT), due on %s" % (
            situation.invoice_id.crm_retention_due_date[5:7] + "/"
            + situation.invoice_id.crm_retention_due_date[8:10] + "/"
            + situation.invoice_id.crm_retention_due_date[:4]), html)

    def test_a_credited_progress_invoice_is_billed_again_by_the_next_statement(self):
        first = self.statement({self.lines[1]: 50}).invoice_id
        refund = first.refund(description="Situation annulée")
        refund.action_invoice_open()
        self.assertEqual(refund.invoice_line_ids.filtered("quantity").mapped("crm_quote_line_id"),
                         self.lines[1])
        self.assertEqual(self.quote.crm_amount_invoiced, 0.0)
        second = self.statement({self.lines[1]: 60}).invoice_id
        # 60 % of 10,000.00, nothing deducted since the first was credited
        self.assertEqual((second.amount_untaxed, second.crm_previous_amount), (6000.0, 0.0))

    def test_progress_statements_work_over_xmlrpc_methods(self):
        situation = self.env["crm.billing.situation"].browse(
            self.quote.crm_new_progress_statement())
        situation.line_ids.filtered(lambda r: r.quote_line_id == self.lines[4]).percent = 100
        situation.action_crm_create_invoice()
        self.assertEqual(situation.invoice_id.amount_total, 2750.0)
        self.assertEqual(situation.state, "invoiced")

    def test_the_invoice_button_of_a_quote_billed_by_statements_proposes_the_next_one(self):
        self.statement({self.lines[1]: 50})
        action = self.quote.action_crm_invoice()
        wizard = self.env["crm.quote.invoice.wizard"].browse(action["res_id"])
        self.assertEqual(wizard.kind, "progress")
        situation = self.env["crm.billing.situation"].browse(wizard.action_create()["res_id"])
        self.assertEqual(situation.number, 2)
        masonry = situation.line_ids.filtered(lambda r: r.quote_line_id == self.lines[1])
        self.assertEqual((masonry.previous_percent, masonry.percent), (50.0, 50.0))
