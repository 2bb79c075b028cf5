# -*- coding: utf-8 -*-
"""Invoice numbers without gaps, restarting each year: FAC/<year>/00001 for
invoices, AV/<year>/00001 for credit notes."""
from .ledger_common import BillingLedgerCase


def number(invoice):
    return int(invoice.number.rsplit("/", 1)[1])


class TestInvoiceNumbering(BillingLedgerCase):
    def test_the_french_sale_journal_numbers_invoices_and_credit_notes_apart(self):
        self.assertEqual(self.journal.sequence_id.prefix, "FAC/%(range_year)s/")
        self.assertEqual(self.journal.refund_sequence_id.prefix, "AV/%(range_year)s/")
        self.assertEqual(self.journal.sequence_id.implementation, "no_gap")
        self.assertTrue(self.journal.refund_sequence)

    def test_invoices_posted_in_a_year_get_consecutive_numbers(self):
        first, second, third = [self.make_invoice("2041-0%d-15" % month) for month in (2, 3, 4)]
        self.assertRegex(first.number, r"^FAC/2041/\d{5}$")
        self.assertEqual([number(second), number(third)],
                         [number(first) + 1, number(first) + 2])

    def test_numbering_restarts_at_one_the_next_year(self):
        self.make_invoice("2041-12-31")
        self.assertEqual(self.make_invoice("2042-01-02").number, "FAC/2042/00001")
        self.assertEqual(self.make_invoice("2042-01-03").number, "FAC/2042/00002")

    def test_a_deleted_draft_leaves_no_gap_since_drafts_have_no_number(self):
        before = self.make_invoice("2041-05-02")
        draft = self.make_invoice("2041-05-03", post=False)
        self.assertFalse(draft.number)
        draft.unlink()
        after = self.make_invoice("2041-05-04")
        self.assertEqual(number(after), number(before) + 1)

    def test_credit_notes_have_their_own_sequence_per_year(self):
        invoice = self.make_invoice("2043-06-01")
        credit_note = self.refund(invoice)
        credit_note.action_invoice_open()
        self.assertEqual(credit_note.type, "out_refund")
        self.assertEqual(credit_note.number, "AV/2043/00001")
        self.assertEqual(self.make_invoice("2043-06-02").number[:9], "FAC/2043/")

    def test_a_new_french_company_gets_the_same_numbering_with_its_chart(self):
        company = self.env["res.company"].create({
            "name": "Ébénisterie Nouvelle", "country_id": self.env.ref("base.fr").id,
            "currency_id": self.env.ref("base.EUR").id})
        company.partner_id.country_id = self.env.ref("base.fr")
        self.env["res.company"]._crm_billing_load_french_chart()
        journal = self.env["account.journal"].search(
            [("type", "=", "sale"), ("company_id", "=", company.id)])
        self.assertTrue(journal)
        self.assertEqual(journal.mapped("sequence_id.prefix"), ["FAC/%(range_year)s/"])
        self.assertEqual(journal.mapped("refund_sequence_id.prefix"), ["AV/%(range_year)s/"])
