# -*- coding: utf-8 -*-
import datetime
import os
import unittest
from decimal import Decimal

from ..logic import bank_csv

DATA = os.path.join(os.path.dirname(__file__), "data")


def read(name):
    with open(os.path.join(DATA, name), "rb") as handle:
        return handle.read()


class TestBankCsv(unittest.TestCase):
    def test_a_french_bank_csv_in_windows_1252_is_read_with_its_columns_guessed(self):
        mapping, transactions = bank_csv.parse(read("releve_banque_populaire.csv"))
        self.assertEqual(mapping["delimiter"], ";")
        self.assertEqual(mapping["label"], "Libellé")
        self.assertEqual(mapping["debit"], "Débit")
        self.assertEqual(len(transactions), 4)
        first = transactions[0]
        self.assertEqual(first["date"], datetime.date(2026, 5, 2))
        self.assertEqual(first["amount"], 3600.0)
        self.assertEqual(first["ref"], "VRC-552")
        self.assertEqual(first["partner_name"], "CHARPENTES DU VERCORS")
        self.assertEqual(transactions[1]["amount"], -245.9)
        self.assertEqual(transactions[2]["amount"], 1250.5)

    def test_the_same_file_gives_the_same_import_ids_and_identical_rows_different_ones(self):
        data = "Date,Label,Amount\n01/04/2026,FRAIS,-1.50\n01/04/2026,FRAIS,-1.50\n"
        _mapping, first = bank_csv.parse(data.encode())
        _mapping, again = bank_csv.parse(data.encode())
        ids = [t["unique_import_id"] for t in first]
        self.assertEqual(ids, [t["unique_import_id"] for t in again])
        self.assertEqual(len(set(ids)), 2)

    def test_a_saved_mapping_names_columns_the_guess_would_miss(self):
        data = "Jour|Texte|Somme en euros\n".replace("|", ";") + "2026-04-01;LOYER;-900,00\n"
        mapping = {"date": "Jour", "label": "Texte", "amount": "Somme en euros",
                   "date_format": "%Y-%m-%d", "decimal": ","}
        _mapping, transactions = bank_csv.parse(data.encode(), mapping)
        self.assertEqual(transactions[0]["amount"], -900.0)
        self.assertEqual(transactions[0]["date"], datetime.date(2026, 4, 1))

    def test_french_amounts_read_as_a_person_reads_them(self):
        self.assertEqual(bank_csv.parse_amount("1 234,56"), Decimal("1234.56"))
        self.assertEqual(bank_csv.parse_amount("1.234,56 €"), Decimal("1234.56"))
        self.assertEqual(bank_csv.parse_amount("-12.5"), Decimal("-12.5"))
        self.assertEqual(bank_csv.parse_amount("(12,00)"), Decimal("-12.00"))
        self.assertEqual(bank_csv.parse_amount("12,00-"), Decimal("-12.00"))
        self.assertIsNone(bank_csv.parse_amount(" "))

    def test_a_bad_date_or_amount_names_its_line(self):
        data = "Date;Libellé;Montant\n01/04/2026;A;1,00\n31/02/2026;B;2,00\n"
        with self.assertRaises(bank_csv.CsvError) as caught:
            bank_csv.parse(data.encode())
        self.assertEqual(caught.exception.code, "date")
        self.assertEqual(caught.exception.values["line"], 3)
        data = "Date;Libellé;Montant\n01/04/2026;A;douze\n"
        with self.assertRaises(bank_csv.CsvError) as caught:
            bank_csv.parse(data.encode())
        self.assertEqual(caught.exception.code, "amount")

    def test_a_csv_without_an_amount_column_is_refused(self):
        with self.assertRaises(bank_csv.CsvError) as caught:
            bank_csv.parse(b"Date;Libelle\n01/04/2026;A\n")
        self.assertEqual(caught.exception.code, "no_amount")

    def test_ofx_xml_zip_and_pdf_files_are_not_taken_for_csv(self):
        self.assertTrue(bank_csv.looks_like_csv(read("releve_banque_populaire.csv")))
        for name in ("releve_credit_agricole.ofx", "releve_camt053.xml"):
            self.assertFalse(bank_csv.looks_like_csv(read(name)), name)
        self.assertFalse(bank_csv.looks_like_csv(b"%PDF-1.7\n"))
        self.assertFalse(bank_csv.looks_like_csv(b"PK\x03\x04"))

    def test_transactions_without_import_id_get_one_from_their_content(self):
        transactions = [{"date": "2026-04-01", "amount": 5.0, "name": "X"},
                        {"date": "2026-04-01", "amount": 5.0, "name": "X"},
                        {"date": "2026-04-01", "amount": 5.0, "name": "Y",
                         "unique_import_id": "kept"}]
        bank_csv.fill_unique_import_ids(transactions, "camt")
        ids = [t["unique_import_id"] for t in transactions]
        self.assertEqual(ids[2], "kept")
        self.assertNotEqual(ids[0], ids[1])
        self.assertTrue(ids[0].startswith("camt-"))
