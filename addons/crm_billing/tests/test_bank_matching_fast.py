# -*- coding: utf-8 -*-
"""The automatic run reconciles without chatter on the payments it creates
(tracking_disable, bench/bench_bank_matching.py): the accounting must be the
same as the one by one path of the Confirm button (Odoo's
process_reconciliation with its tracking), and the inalterability chain of
l10n_fr_certification intact."""
from odoo.exceptions import UserError
from odoo.tests.common import SavepointCase

from .common_bank import BankMixin


class TestBankMatchingFastPath(BankMixin, SavepointCase):
    @classmethod
    def setUpClass(cls):
        super(TestBankMatchingFastPath, cls).setUpClass()
        self = cls()
        self.env = cls.env
        cls.Proposal = cls.env["crm.bank.match.proposal"]
        cls.sides = {}
        for side in ("fast", "slow"):
            partner = self.customer("Menuiserie Girard %s" % side)
            single, first, second = (self.invoice(partner, amount)
                                     for amount in (500.0, 100.0, 250.0))
            statement = self.statement([
                {"name": "VIR SEPA GIRARD FACT %s" % single.number, "amount": 600.0},
                {"name": "VIR SEPA GIRARD %s %s" % (first.number, second.number),
                 "amount": 420.0},
            ])
            cls.sides[side] = {"partner": partner, "invoices": single | first | second,
                               "statement": statement}
        fast = cls.sides["fast"]
        cls.Proposal.match_statement_lines(fast["statement"].line_ids)
        slow = cls.sides["slow"]
        paid_by = {600.0: slow["invoices"][0], 420.0: slow["invoices"][1:]}
        for st_line in slow["statement"].line_ids:
            invoices = paid_by[st_line.amount]
            receivables = invoices.mapped("move_id.line_ids").filtered(
                lambda line: line.account_id.internal_type == "receivable")
            cls.Proposal._reconcile_statement_line(st_line, receivables, {})

    def entries(self, side):
        """The bank entries of a side, as (amount, account, debit, credit) rows
        by statement line, the partner left out (it differs by side)."""
        rows = []
        for st_line in self.sides[side]["statement"].line_ids:
            rows.append((st_line.amount, sorted(
                (line.account_id.code, line.debit, line.credit, bool(line.partner_id),
                 line.reconciled)
                for line in st_line.journal_entry_ids)))
        return rows

    def test_the_automatic_run_books_the_same_entries_as_the_confirm_button(self):
        self.assertEqual(self.entries("fast"), self.entries("slow"))
        self.assertTrue(self.entries("fast")[0][1])

    def test_both_paths_leave_every_invoice_paid_with_nothing_due(self):
        for side in ("fast", "slow"):
            invoices = self.sides[side]["invoices"]
            self.assertEqual(invoices.mapped("state"), ["paid"] * 3, side)
            self.assertEqual(invoices.mapped("residual"), [0.0] * 3, side)

    def test_the_automatic_payments_are_the_same_but_have_no_chatter(self):
        payments = {}
        for side in ("fast", "slow"):
            payments[side] = self.sides[side]["statement"].line_ids.mapped(
                "journal_entry_ids.payment_id")
            self.assertEqual(sorted(payments[side].mapped("amount")), [420.0, 600.0])
            self.assertEqual(set(payments[side].mapped("state")), {"reconciled"})
        self.assertFalse(payments["fast"].mapped("message_ids"))
        self.assertFalse(payments["fast"].mapped("message_follower_ids"))
        # the Confirm button's path keeps Odoo's tracking: the test would pass
        # for nothing if both had none
        self.assertTrue(payments["slow"].mapped("message_ids"))

    def test_the_inalterability_check_still_succeeds_after_the_automatic_run(self):
        moves = self.sides["fast"]["statement"].line_ids.mapped("journal_entry_ids.move_id")
        self.assertEqual(len(moves), 2)
        self.assertEqual([len(move.l10n_fr_hash or "") for move in moves], [64, 64])
        company = self.env.user.company_id
        with self.assertRaises(UserError) as caught:
            self.env["account.move"]._check_hash_integrity(company.id)
        self.assertIn("Successful test", caught.exception.name)
