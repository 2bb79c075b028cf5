# -*- coding: utf-8 -*-
"""A posted invoice of a French company cannot be altered nor cancelled: only
a credit note reverses it (l10n_fr_certification's hash, and our guard on
the invoice itself)."""
from odoo.exceptions import UserError

from .ledger_common import BillingLedgerCase


class TestInvoiceInalterability(BillingLedgerCase):
    @classmethod
    def setUpClass(cls):
        super(TestInvoiceInalterability, cls).setUpClass()
        cls.invoice = cls.make_invoice("2041-03-10", 1000.0)

    def test_a_posted_invoice_is_hashed_in_the_inalterability_chain(self):
        self.assertTrue(self.company._is_accounting_unalterable())
        self.assertEqual(self.invoice.state, "open")
        self.assertEqual(len(self.invoice.move_id.l10n_fr_hash), 64)
        self.assertTrue(self.invoice.move_id.l10n_fr_secure_sequence_number)

    def test_the_amount_of_a_posted_invoice_line_cannot_be_changed(self):
        with self.assertRaisesRegex(UserError, "is posted and cannot be changed"):
            self.invoice.invoice_line_ids.write({"price_unit": 10.0})
        with self.assertRaisesRegex(UserError, "Fields refused: invoice_line_ids"):
            self.invoice.write({"invoice_line_ids": [(1, self.invoice.invoice_line_ids.id,
                                                      {"quantity": 3})]})
        self.assertEqual(self.invoice.amount_total, 1200.0)

    def test_no_line_can_be_added_to_a_posted_invoice(self):
        with self.assertRaisesRegex(UserError, "is posted and cannot be changed"):
            self.env["account.invoice.line"].create({
                "invoice_id": self.invoice.id, "name": "Ajout", "quantity": 1,
                "price_unit": 5.0, "account_id": self.income.id})
        self.assertEqual(len(self.invoice.invoice_line_ids), 1)

    def test_the_customer_date_and_vat_of_a_posted_invoice_cannot_be_changed(self):
        other = self.customer.copy({"name": "Autre client", "siret": False})
        for values in ({"partner_id": other.id}, {"date_invoice": "2041-03-11"}):
            with self.assertRaisesRegex(UserError, "cannot be changed"):
                self.invoice.write(values)
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            self.invoice.tax_line_ids.write({"amount": 100.0})
        self.assertEqual(self.invoice.partner_id, self.customer)
        self.assertEqual(self.invoice.amount_tax, 200.0)

    def test_the_journal_entry_of_a_posted_invoice_cannot_be_changed(self):
        line = self.invoice.move_id.line_ids.filtered("debit")
        with self.assertRaisesRegex(UserError, "According to the French law"):
            line.write({"debit": 1.0})

    def test_a_posted_invoice_cannot_be_cancelled_nor_deleted(self):
        with self.assertRaisesRegex(UserError, "inalterability"):
            self.invoice.action_invoice_cancel()
        with self.assertRaises(UserError):
            self.invoice.unlink()
        self.assertEqual(self.invoice.state, "open")
        self.assertTrue(self.invoice.move_id)

    def test_what_may_change_on_a_posted_invoice_still_can(self):
        self.invoice.write({"comment": "Merci de votre confiance.", "sent": True})
        self.assertTrue(self.invoice.sent)

    def test_a_credit_note_is_the_way_to_reverse_a_posted_invoice(self):
        credit_note = self.refund(self.invoice, mode="cancel")
        self.assertEqual(credit_note.type, "out_refund")
        self.assertEqual(credit_note.state, "paid")
        self.assertEqual(credit_note.amount_total, 1200.0)
        self.assertRegex(credit_note.number, r"^AV/2041/\d{5}$")
        self.assertEqual(self.invoice.state, "paid")
        self.assertEqual(self.invoice.residual, 0.0)
        self.assertEqual(self.invoice.amount_total, 1200.0)

    def test_a_draft_invoice_stays_freely_editable(self):
        draft = self.make_invoice("2041-03-12", 100.0, post=False)
        draft.invoice_line_ids.write({"price_unit": 150.0})
        draft.compute_taxes()
        self.assertEqual(draft.amount_total, 180.0)
