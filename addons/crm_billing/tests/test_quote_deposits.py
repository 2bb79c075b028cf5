# -*- coding: utf-8 -*-
"""Billing a signed quote by deposits (acomptes) then the final invoice."""
from odoo.exceptions import AccessError, UserError

from .quote_billing_common import QuoteBillingCase


class TestQuoteDeposits(QuoteBillingCase):
    def setUp(self):
        super(TestQuoteDeposits, self).setUp()
        # 3,400.00 at 20 % and 300.00 at 10 %: 4,410.00 incl. VAT
        self.quote = self.make_quote([
            {"display_type": "line_section", "name": "Façade nord"},
            {"name": "Bardage mélèze", "quantity": 40, "price_unit": 85.0, "vat_rate": "20"},
            {"display_type": "line_note", "name": "Livraison sous 3 semaines"},
            {"name": "Traitement fongicide", "quantity": 1, "price_unit": 300.0,
             "vat_rate": "10"},
        ])

    def test_the_quote_vat_rates_are_the_french_taxes_of_the_chart(self):
        company = self.quote.company_id
        tax = company._crm_billing_sale_tax("5.5")
        self.assertEqual((tax.amount, tax.type_tax_use, tax.price_include), (5.5, "sale", False))
        self.assertEqual(tax.tax_exigibility, "on_invoice")
        self.assertEqual(company._crm_billing_sale_tax("20").name, "TVA collectée (vente) 20,0%")
        self.assertEqual(company._crm_billing_sale_tax("0").amount, 0.0)
        with self.assertRaisesRegex(UserError, "no sale tax of 7"):
            company._crm_billing_sale_tax("7")

    def test_a_30_percent_deposit_is_split_per_vat_rate_on_the_deposit_account(self):
        deposit = self.quote._crm_create_deposit_invoice(percent=30)
        self.assertEqual(deposit.crm_billing_kind, "deposit")
        self.assertEqual(deposit.amount_total, 1323.00)
        self.assertEqual(set(deposit.invoice_line_ids.mapped("account_id.code")), {"419100"})
        vat = self.vat_by_rate(deposit)
        self.assertEqual(sorted(vat), ["10", "20"])
        # 1,323.00 x 4,080 / 4,410 = 1,224.00 at 20 %: 1,020.00 + 204.00; 99.00 at 10 %
        self.assertEqual(vat["20"], (1020.00, 204.00))
        self.assertEqual(vat["10"], (90.00, 9.00))
        self.assertEqual(self.quote.crm_amount_invoiced, 1323.00)
        self.assertEqual(self.quote.crm_amount_to_invoice, 3087.00)
        self.assertEqual(self.quote.crm_invoice_count, 1)

    def test_the_final_invoice_deducts_the_deposits_and_bills_the_rest_of_the_quote(self):
        first = self.quote._crm_create_deposit_invoice(percent=30)
        first.action_invoice_open()
        second = self.quote._crm_create_deposit_invoice(amount=500)
        second.action_invoice_open()
        final = self.quote._crm_create_final_invoice()
        self.assertEqual(final.crm_billing_kind, "final")
        self.assertEqual(final.amount_total, 4410.00 - 1323.00 - second.amount_total)
        deductions = final.invoice_line_ids.filtered("crm_deposit_invoice_id")
        self.assertEqual(len(deductions), 4)   # two deposits x two rates
        self.assertEqual(deductions.mapped("crm_deposit_invoice_id"), first | second)
        self.assertTrue(all(line.price_subtotal < 0 for line in deductions))
        self.assertTrue(all(amount >= 0 for _base, amount in self.vat_by_rate(final).values()))
        # the section and the note are there, without amount
        section = final.invoice_line_ids.filtered(lambda ln: ln.name == "Façade nord")
        self.assertEqual((section.quantity, section.price_subtotal), (0.0, 0.0))
        self.assertEqual(section.crm_display_type, "line_section")
        self.assertFalse(section.invoice_line_tax_ids)
        self.assertEqual(self.quote.crm_amount_to_invoice, 0.0)
        final.action_invoice_open()
        # all together the invoices make the quote, to the cent, rate by rate
        totals = {}
        for invoice in first | second | final:
            for rate, (base, amount) in self.vat_by_rate(invoice).items():
                totals[rate] = round(totals.get(rate, 0.0) + amount, 2)
        self.assertEqual(totals, {"20": 680.00, "10": 30.00})

    def test_the_pdf_prints_a_section_of_the_quote_as_a_title_without_amounts(self):
        final = self.quote._crm_create_final_invoice()
        html = self.env.ref("account.account_invoices").render_qweb_html(
            final.ids)[0].decode()
        at = html.index("Façade nord")
        span = html[html.rindex("<span", 0, at):at]
        row = html[at:html.index("</tr>", at)]
        self.assertIn("font-weight: bold", span)
        self.assertNotIn("0.00", row)

    def test_a_deposit_cancelled_by_a_credit_note_is_not_deducted(self):
        deposit = self.quote._crm_create_deposit_invoice(percent=50)
        deposit.action_invoice_open()
        refund = deposit.refund(description="Acompte annulé")
        refund.action_invoice_open()
        self.assertEqual((refund.crm_quote_id, refund.crm_billing_kind),
                         (self.quote, "deposit"))
        self.assertEqual(self.quote.crm_amount_to_invoice, 4410.00)
        final = self.quote._crm_create_final_invoice()
        self.assertFalse(final.invoice_line_ids.filtered("crm_deposit_invoice_id"))
        self.assertEqual(final.amount_total, 4410.00)

    def test_a_deposit_larger_than_the_quote_or_than_what_is_left_is_refused(self):
        with self.assertRaisesRegex(UserError, "larger than the quote"):
            self.quote._crm_create_deposit_invoice(amount=5000)
        self.quote._crm_create_deposit_invoice(percent=80)
        with self.assertRaisesRegex(UserError, "larger than what is left to invoice"):
            self.quote._crm_create_deposit_invoice(percent=30)
        self.assertEqual(len(self.invoices_of(self.quote)), 1)

    def test_an_unsigned_quote_cannot_be_invoiced_and_nothing_is_written(self):
        draft = self.make_quote([{"name": "Audit", "quantity": 1, "price_unit": 700,
                                  "vat_rate": "20"}], sign=False)
        with self.assertRaisesRegex(UserError, "Only a signed quote can be invoiced"):
            draft._crm_create_deposit_invoice(percent=30)
        with self.assertRaisesRegex(UserError, "Only a signed quote can be invoiced"):
            draft.action_crm_invoice()
        self.assertFalse(self.invoices_of(draft))

    def test_the_quote_vat_per_rate_is_kept_where_rounding_each_line_would_differ(self):
        # ten lines of 2.5 x 0.33 = 0.825, 0.83 each: the quote's VAT is 20 % of 8.30 =
        # 1.66; rounding each line would give 10 x 0.17 = 1.70, and Odoo's "round
        # globally" 20 % of the unrounded 8.25 = 1.65
        quote = self.make_quote([{"name": "Tasseau %d" % i, "quantity": 2.5, "price_unit": 0.33,
                                  "vat_rate": "20"} for i in range(10)])
        self.assertEqual((quote.amount_untaxed, quote.amount_tax), (8.30, 1.66))
        final = quote._crm_create_final_invoice()
        self.assertEqual((final.amount_untaxed, final.amount_tax, final.amount_total),
                         (quote.amount_untaxed, quote.amount_tax, quote.amount_total))
        self.assertEqual(quote.company_id.tax_calculation_rounding_method, "round_globally")

    def test_the_invoice_wizard_of_a_signed_quote_makes_a_deposit(self):
        action = self.quote.action_crm_invoice()
        wizard = self.env["crm.quote.invoice.wizard"].browse(action["res_id"])
        wizard.write({"kind": "deposit", "deposit_mode": "amount", "deposit_amount": 1000})
        result = wizard.action_create()
        invoice = self.env["account.invoice"].browse(result["res_id"])
        self.assertEqual(invoice.amount_total, 1000.00)
        self.assertEqual(invoice.crm_quote_id, self.quote)

    def test_a_final_invoice_credited_in_full_lets_the_quote_be_invoiced_again(self):
        final = self.env["account.invoice"].browse(self.quote.crm_invoice_final())
        final.action_invoice_open()
        with self.assertRaisesRegex(UserError, "already has its final invoice"):
            self.quote.crm_invoice_deposit(percent=10)
        final.refund(description="Erreur d'adresse").action_invoice_open()
        again = self.env["account.invoice"].browse(self.quote.crm_invoice_final())
        self.assertEqual(again.amount_total, 4410.00)

    def test_a_billing_user_without_sales_rights_invoices_a_signed_quote(self):
        accountant = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Comptable", "login": "comptable.quote@example.com",
            "email": "comptable.quote@example.com",
            "groups_id": [(6, 0, [self.env.ref("crm_billing.group_billing_user").id])]})
        quote = self.quote.sudo(accountant)
        self.assertEqual(quote.crm_amount_to_invoice, 4410.00)
        deposit = self.env["account.invoice"].sudo(accountant).browse(
            quote.crm_invoice_deposit(percent=10))
        self.assertEqual(deposit.amount_total, 441.00)
        self.assertEqual(deposit.create_uid, accountant)

    def test_a_salesperson_sees_what_is_left_to_invoice_but_cannot_invoice(self):
        seller = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Vendeur", "login": "vendeur.quote@example.com",
            "groups_id": [(6, 0, [self.env.ref("crm_sales.group_sales_manager").id])]})
        quote = self.quote.sudo(seller)
        self.assertEqual(quote.crm_amount_to_invoice, 4410.00)
        with self.assertRaises(AccessError):
            quote.crm_invoice_deposit(percent=10)

    def test_an_invoice_of_a_french_customer_with_a_vat_number_has_no_exemption_mention(self):
        self.customer.write({"vat": "FR96552100554"})
        deposit = self.quote._crm_create_deposit_invoice(percent=30)
        self.assertFalse(deposit.fiscal_position_id)
        self.assertEqual(deposit.amount_tax, 213.00)
