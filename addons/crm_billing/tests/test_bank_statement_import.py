# -*- coding: utf-8 -*-
"""Bank statements imported from files: OFX (a French bank's SGML OFX),
CAMT.053 and CSV with a column mapping; the same file twice creates
nothing; a corrupt or unknown file says so and writes nothing."""
import base64

from odoo.exceptions import UserError
from odoo.tests.common import TransactionCase

from .common_bank import BankMixin, data_file


class TestBankStatementImport(BankMixin, TransactionCase):
    def setUp(self):
        super(TestBankStatementImport, self).setUp()
        self.journal = self.bank_journal()
        self.Line = self.env["account.bank.statement.line"]

    def lines(self):
        return self.Line.search([("journal_id", "=", self.journal.id)])

    def assert_second_import_creates_nothing(self, name):
        before = self.lines()
        with self.assertRaises(UserError) as caught:
            self.import_statement(name)
        self.assertIn("already imported", caught.exception.name)
        self.assertEqual(self.lines(), before)

    def test_an_ofx_statement_of_a_french_bank_is_imported_once(self):
        before = self.lines()
        self.import_statement("releve_credit_agricole.ofx")
        new = self.lines() - before
        self.assertEqual(len(new), 4)
        self.assertEqual(sorted(new.mapped("amount")), [-38.4, -12.9, 500.0, 1440.0])
        payment = new.filtered(lambda line: line.amount == 1440.0)
        self.assertIn("BOULANGERIE LEMOINE", payment.name)
        self.assertIn("FAC 2026 0001", payment.name)
        self.assertEqual(payment.statement_id.balance_end_real, 15888.70)
        self.assert_second_import_creates_nothing("releve_credit_agricole.ofx")

    def test_an_ofx_naming_the_domestic_account_finds_the_journal_with_that_iban(self):
        wizard = self.env["account.bank.statement.import"].create({
            "data_file": base64.b64encode(data_file("releve_credit_agricole.ofx")),
            "filename": "releve.ofx", "crm_journal_id": False})
        action = wizard.import_file()
        self.assertEqual(action["type"], "ir.actions.client")
        statement = self.env["account.bank.statement"].browse(
            action["context"]["statement_ids"])
        self.assertEqual(statement.journal_id, self.journal)

    def test_a_camt053_statement_is_imported_once_with_payer_and_iban(self):
        before = self.lines()
        self.import_statement("releve_camt053.xml")
        new = self.lines() - before
        self.assertEqual(len(new), 3)
        hotel = new.filtered(lambda line: line.amount == 2160.0)
        self.assertEqual(hotel.partner_name, "HOTEL DU VIEUX PORT")
        self.assertEqual(hotel.bank_account_id.sanitized_acc_number,
                         "FR1030004000310001234567889")
        self.assertIn("FAC/2026/0002", hotel.name)
        self.assertTrue(all(new.mapped("unique_import_id")))
        self.assert_second_import_creates_nothing("releve_camt053.xml")

    def test_a_csv_statement_is_imported_once_and_its_columns_saved_for_the_journal(self):
        before = self.lines()
        self.import_statement("releve_banque_populaire.csv")
        new = self.lines() - before
        self.assertEqual(sorted(new.mapped("amount")), [-245.9, -9.5, 1250.5, 3600.0])
        vercors = new.filtered(lambda line: line.amount == 3600.0)
        self.assertEqual(vercors.ref, "VRC-552")
        self.assertEqual(vercors.partner_name, "CHARPENTES DU VERCORS")
        mapping = self.env["crm.bank.csv.mapping"].search([("journal_id", "=", self.journal.id)])
        self.assertEqual((mapping.date_column, mapping.label_column, mapping.debit_column,
                          mapping.credit_column), ("Date", "Libellé", "Débit", "Crédit"))
        self.assert_second_import_creates_nothing("releve_banque_populaire.csv")

    def test_a_csv_laid_out_otherwise_is_read_through_the_journal_s_saved_mapping(self):
        self.env["crm.bank.csv.mapping"].search([("journal_id", "=", self.journal.id)]).unlink()
        self.env["crm.bank.csv.mapping"].create({
            "journal_id": self.journal.id, "delimiter": ",", "decimal": ".",
            "date_format": "%Y-%m-%d", "date_column": "Jour", "label_column": "Texte",
            "amount_column": "Somme"})
        before = self.lines()
        self.import_statement("export.csv",
                              content=b"Jour,Texte,Somme\n2026-05-04,LOYER MAI,-900.00\n")
        new = self.lines() - before
        self.assertEqual((new.name, new.amount, new.date), ("LOYER MAI", -900.0, "2026-05-04"))

    def test_an_unknown_or_corrupt_file_gets_a_clear_message_and_creates_nothing(self):
        statements = self.env["account.bank.statement"].search_count([])
        truncated = data_file("releve_camt053.xml")[:700]
        for name, content in (("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
                              ("releve.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"),
                              ("releve.xml", truncated)):
            with self.assertRaises(UserError) as caught:
                self.import_statement(name, content=content)
            self.assertIn("OFX, CAMT.053", caught.exception.name, name)
        self.assertEqual(self.env["account.bank.statement"].search_count([]), statements)

    def test_a_csv_with_a_wrong_date_names_the_line_and_creates_nothing(self):
        before = self.lines()
        content = "Date;Libellé;Montant\n01/05/2026;VIR A;10,00\n32/05/2026;VIR B;20,00\n"
        with self.assertRaises(UserError) as caught:
            self.import_statement("releve.csv", content=content.encode("utf-8"))
        self.assertIn("Line 3", caught.exception.name)
        self.assertIn("32/05/2026", caught.exception.name)
        self.assertEqual(self.lines(), before)

    def test_the_french_user_reads_the_message_in_french(self):
        self.env["res.lang"].load_lang("fr_FR")
        self.env["ir.translation"].create({
            "type": "code", "name": "addons/crm_billing/wizard/account_bank_statement_import.py",
            "lang": "fr_FR", "module": "crm_billing",
            "src": "The CSV file holds no transaction.",
            "value": "Le fichier CSV ne contient aucune opération.", "state": "translated"})
        wizard = self.env["account.bank.statement.import"].with_context(
            lang="fr_FR", journal_id=self.journal.id)
        with self.assertRaises(UserError) as caught:
            wizard._parse_file(b"Date;Libell\xc3\xa9;Montant\n")
        self.assertEqual(caught.exception.name, "Le fichier CSV ne contient aucune opération.")
