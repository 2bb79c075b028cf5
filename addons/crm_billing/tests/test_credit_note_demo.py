# -*- coding: utf-8 -*-
"""The demo's credit note: one returned kitchen unit, reversed and set against
its invoice; the demo's invoices carry French numbers from the first one."""
from odoo.tests.common import TransactionCase


class TestCreditNoteDemo(TransactionCase):

    def test_the_credit_note_reverses_one_unit_and_lowers_what_is_due_on_its_invoice(self):
        invoice = self.env.ref("crm_billing.crm_billing_demo_invoice_returned")
        credit_note = self.env.ref("crm_billing.crm_billing_demo_credit_note")
        self.assertEqual((credit_note.type, credit_note.state), ("out_refund", "paid"))
        self.assertEqual(credit_note.refund_invoice_id, invoice)
        self.assertTrue(credit_note.number.startswith("AV/"), credit_note.number)
        self.assertEqual(credit_note.amount_total, 648.0)      # 540.00 + 20 % VAT
        self.assertEqual(invoice.amount_total, 1944.0)
        self.assertEqual(invoice.residual, 1296.0)

    def test_every_demo_customer_invoice_is_numbered_the_french_way(self):
        invoices = self.env["account.invoice"].search([
            ("type", "=", "out_invoice"), ("state", "!=", "draft"),
            ("company_id", "=", self.env.ref("base.main_company").id)])
        self.assertTrue(invoices)
        self.assertEqual([number for number in invoices.mapped("number")
                          if not number.startswith("FAC/")], [])
