# -*- coding: utf-8 -*-
"""Matching bank statement lines with open invoices: sure matches are
reconciled with Odoo's own reconciliation, the others proposed for one
click; running it again changes nothing."""
from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests.common import TransactionCase

from .common_bank import BankMixin


class TestBankMatching(BankMixin, TransactionCase):
    def setUp(self):
        super(TestBankMatching, self).setUp()
        self.Proposal = self.env["crm.bank.match.proposal"]
        self.martin = self.customer("Boulangerie Martin Testeuse",
                                    iban="FR77 1820 6000 0100 2345 6789 017")

    def proposals(self, statement):
        return self.Proposal.search([("statement_id", "=", statement.id)])

    def test_a_line_naming_the_invoice_number_with_its_amount_pays_it_automatically(self):
        invoice = self.invoice(self.martin, 1000.0)
        label = "VIR SEPA DE MARTIN %s" % invoice.number.replace("/", " ")
        statement = self.statement([{"name": label, "amount": 1200.0}])
        statement.action_crm_match()
        self.assertEqual(invoice.state, "paid")
        self.assertTrue(statement.line_ids.journal_entry_ids)
        self.assertEqual(statement.line_ids.partner_id, self.martin)
        proposal = self.proposals(statement)
        self.assertEqual(proposal.state, "auto")
        self.assertIn("invoice number or reference in the label", proposal.reason)

    def test_running_the_matching_twice_reconciles_nothing_more(self):
        invoice = self.invoice(self.martin, 1000.0)
        statement = self.statement([{"name": "REGLT " + invoice.number, "amount": 1200.0}])
        statement.action_crm_match()
        moves = statement.line_ids.journal_entry_ids
        statement.action_crm_match()
        self.env["crm.bank.match.proposal"]._cron_match_open_statements()
        self.assertEqual(statement.line_ids.journal_entry_ids, moves)
        self.assertEqual(len(self.proposals(statement)), 1)
        self.assertEqual(invoice.residual, 0.0)

    def test_a_partial_payment_naming_invoice_and_customer_leaves_the_rest_due(self):
        invoice = self.invoice(self.martin, 1000.0)
        statement = self.statement([{
            "name": "VIR BOULANGERIE MARTIN TESTEUSE ACOMPTE %s" % invoice.number,
            "amount": 500.0}])
        statement.action_crm_match()
        self.assertEqual(invoice.state, "open")
        self.assertAlmostEqual(invoice.residual, 700.0)
        self.assertEqual(self.proposals(statement).kind, "partial")

    def test_one_transfer_for_two_invoices_of_a_customer_pays_both(self):
        first = self.invoice(self.martin, 100.0)
        second = self.invoice(self.martin, 250.0)
        statement = self.statement([{
            "name": "VIREMENT", "amount": 420.0,
            "bank_account_id": self.martin.bank_ids.id}])
        statement.action_crm_match()
        self.assertEqual((first.state, second.state), ("paid", "paid"))
        self.assertEqual(self.proposals(statement).kind, "grouped")

    def test_the_amount_alone_is_proposed_and_paid_on_confirm(self):
        invoice = self.invoice(self.customer("Atelier Sans Nom"), 1234.56 / 1.2)
        amount = invoice.amount_total
        statement = self.statement([{"name": "VIREMENT RECU", "amount": amount}])
        statement.action_crm_match()
        proposal = self.proposals(statement)
        self.assertEqual(proposal.state, "proposed")
        self.assertEqual(proposal.invoice_ids, invoice)
        self.assertEqual(statement.crm_proposal_count, 1)
        # what the proposals list shows
        row = proposal.read(["date", "label", "partner_id", "invoice_names", "amount", "score",
                             "reason", "state"])[0]
        self.assertEqual((row["amount"], row["invoice_names"], row["state"]),
                         (amount, invoice.number, "proposed"))
        self.assertEqual(invoice.state, "open")
        proposal.action_confirm()
        self.assertEqual(proposal.state, "confirmed")
        self.assertEqual(invoice.state, "paid")
        with self.assertRaises(UserError):
            proposal.action_confirm()

    def test_a_rejected_proposal_is_not_made_again(self):
        invoice = self.invoice(self.customer("Atelier Sans Nom"), 777.0)
        statement = self.statement([{"name": "VIREMENT RECU", "amount": invoice.amount_total}])
        statement.action_crm_match()
        self.proposals(statement).action_reject()
        statement.action_crm_match()
        self.assertEqual(self.proposals(statement).mapped("state"), ["rejected"])
        self.assertEqual(invoice.state, "open")

    def test_a_line_reconciled_by_hand_loses_its_proposal_at_the_next_run(self):
        invoice = self.invoice(self.customer("Atelier Sans Nom"), 555.0)
        statement = self.statement([{"name": "VIREMENT RECU", "amount": invoice.amount_total}])
        statement.action_crm_match()
        receivable = invoice.move_id.line_ids.filtered(lambda a: a.account_id == invoice.account_id)
        statement.line_ids.process_reconciliation(counterpart_aml_dicts=[{
            "name": invoice.number, "debit": 0.0, "credit": invoice.amount_total,
            "move_line": receivable}])
        statement.action_crm_match()
        self.assertFalse(self.proposals(statement))

    def test_an_overpayment_is_confirmed_by_hand_and_the_rest_stays_on_the_customer(self):
        invoice = self.invoice(self.martin, 100.0)
        statement = self.statement([{"name": "MARTIN " + invoice.number, "amount": 150.0}])
        statement.action_crm_match()
        proposal = self.proposals(statement)
        self.assertEqual((proposal.kind, proposal.state), ("overpaid", "proposed"))
        proposal.action_confirm()
        self.assertEqual(invoice.state, "paid")
        receivable = invoice.account_id
        open_credit = self.env["account.move.line"].search([
            ("account_id", "=", receivable.id), ("partner_id", "=", self.martin.id),
            ("reconciled", "=", False), ("credit", ">", 0)])
        self.assertAlmostEqual(sum(open_credit.mapped("amount_residual")), -30.0)

    def test_a_supplier_debit_pays_the_vendor_bill(self):
        supplier = self.env["res.partner"].create({
            "name": "Scierie du Jura", "is_company": True, "supplier": True})
        bill = self.invoice(supplier, 450.0, kind="in_invoice", reference="SJ-2026-0412")
        statement = self.statement([{"name": "PRLV SCIERIE DU JURA SJ-2026-0412",
                                     "amount": -540.0}])
        statement.action_crm_match()
        self.assertEqual(bill.state, "paid")

    def test_a_line_with_no_clue_gets_no_proposal(self):
        statement = self.statement([{"name": "FRAIS TENUE DE COMPTE", "amount": -9.87}])
        statement.action_crm_match()
        self.assertFalse(self.proposals(statement))
        self.assertFalse(statement.line_ids.journal_entry_ids)

    def test_importing_a_statement_matches_it(self):
        invoice = self.invoice(self.customer("Charpentes du Vercors Essai"), 3000.0)
        content = ("Date;Libellé;Crédit\n%s;VIR CHARPENTES VERCORS %s;3 600,00\n" % (
            fields.Date.from_string(invoice.date_invoice).strftime("%d/%m/%Y"),
            invoice.number)).encode("utf-8")
        self.import_statement("releve.csv", content=content)
        self.assertEqual(invoice.state, "paid")


class TestBankMatchingRights(BankMixin, TransactionCase):
    def user(self, login, group):
        return self.env["res.users"].with_context(no_reset_password=True).create({
            "name": login, "login": login, "email": login + "@example.fr",
            "groups_id": [(6, 0, [self.env.ref(group).id])]})

    def test_billing_managers_match_statements_and_billing_users_do_not_see_proposals(self):
        invoice = self.invoice(self.customer("Atelier Droits"), 321.0)
        statement = self.statement([{"name": "REGLT " + invoice.number, "amount": 385.2}])
        manager = self.user("bank_manager_test", "crm_billing.group_billing_manager")
        statement.sudo(manager).action_crm_match()
        self.assertEqual(invoice.state, "paid")
        seller = self.user("bank_user_test", "crm_billing.group_billing_user")
        with self.assertRaises(AccessError):
            self.env["crm.bank.match.proposal"].sudo(seller).search([])


class TestBankDemo(TransactionCase):
    def test_the_demo_statement_matches_two_lines_and_proposes_one(self):
        statement = self.env.ref("crm_billing.demo_bank_statement", raise_if_not_found=False)
        if not statement:
            self.skipTest("demo data not loaded")
        hotel = self.env.ref("crm_billing.demo_bank_invoice_hotel")
        vercors = self.env.ref("crm_billing.demo_bank_invoice_vercors")
        bouchon = self.env.ref("crm_billing.demo_bank_invoice_bouchon")
        statement.action_crm_match()
        proposals = self.env["crm.bank.match.proposal"].search(
            [("statement_id", "=", statement.id)])
        by_invoice = {p.invoice_ids: p for p in proposals}
        self.assertEqual(by_invoice[hotel].state, "auto")
        self.assertEqual(by_invoice[vercors].state, "auto")
        self.assertEqual(by_invoice[vercors].kind, "partial")
        self.assertEqual(by_invoice[bouchon].state, "proposed")
        self.assertEqual((hotel.state, vercors.state, bouchon.state), ("paid", "open", "open"))
        self.assertAlmostEqual(vercors.residual, 5400.0 - 2230.0)
        self.assertEqual(len(proposals), 3)
