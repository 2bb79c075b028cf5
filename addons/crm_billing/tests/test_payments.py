# -*- coding: utf-8 -*-
"""Payments of customer invoices with Odoo's own "Register Payment": full,
partial, two partial ones closing the invoice; the form shows what is due."""
from .receivables_common import ReceivablesCase


class TestPayments(ReceivablesCase):

    def test_a_full_payment_marks_the_invoice_paid_with_nothing_due(self):
        invoice = self.make_invoice(1000.0)
        self.assertEqual((invoice.state, invoice.amount_total, invoice.residual),
                         ("open", 1200.0, 1200.0))
        payment = self.pay(invoice, 1200.0)
        self.assertEqual(payment.state, "posted")
        self.assertEqual((invoice.state, invoice.residual), ("paid", 0.0))
        self.assertEqual(invoice.payment_ids, payment)

    def test_a_partial_payment_leaves_the_rest_due(self):
        invoice = self.make_invoice(1000.0)
        self.pay(invoice, 500.0)
        self.assertEqual((invoice.state, invoice.residual), ("open", 700.0))
        self.assertEqual(self.customer.crm_amount_due, 700.0)

    def test_two_partial_payments_close_the_invoice(self):
        invoice = self.make_invoice(1000.0)
        first = self.pay(invoice, 400.0, date=self.day(-3))
        self.assertEqual(invoice.residual, 800.0)
        second = self.pay(invoice, 800.0)
        self.assertEqual((invoice.state, invoice.residual), ("paid", 0.0))
        self.assertEqual(invoice.payment_ids, first | second)
        self.assertEqual(sorted(invoice.payment_move_line_ids.mapped("credit")), [400.0, 800.0])

    def test_the_invoice_form_shows_the_amount_due_the_payments_and_the_pay_button(self):
        arch = self.env["account.invoice"].fields_view_get(
            self.env.ref("account.invoice_form").id, "form")["arch"]
        self.assertIn('name="residual"', arch)
        self.assertIn('name="payments_widget"', arch)
        self.assertIn("Register Payment", arch)
        self.assertIn('name="crm_promise_date"', arch)

    def test_the_billing_menus_open_odoos_invoices_and_payments(self):
        menu = self.env.ref("crm_billing.menu_crm_billing_payments")
        self.assertEqual(menu.action, self.env.ref("account.action_account_payments"))
        menu = self.env.ref("crm_billing.menu_crm_billing_invoices")
        self.assertEqual(menu.action, self.env.ref("account.action_invoice_tree1"))
