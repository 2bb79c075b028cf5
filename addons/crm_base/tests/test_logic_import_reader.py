# -*- coding: utf-8 -*-
"""Plain tests of logic/import_reader.py: no database."""
import datetime
import io
import unittest

from ..logic import import_reader
from ..logic.import_reader import ReaderError

CSV_TEXT = ("Raison sociale;Ville;SIRET\r\n"
            "Crêperie Élodie;Saint-Étienne;552 100 554 00013\r\n"
            "\r\n"
            "\"Dupont; Fils\";Orléans;\r\n")


class TestImportReader(unittest.TestCase):

    def check_table(self, table):
        self.assertEqual(table.headers, ["Raison sociale", "Ville", "SIRET"])
        self.assertEqual(table.rows[0], ["Crêperie Élodie", "Saint-Étienne", "552 100 554 00013"])
        self.assertEqual(table.rows[1], ["Dupont; Fils", "Orléans", ""])
        # rows numbered as in a spreadsheet: header 1, the empty line 3 skipped
        self.assertEqual(table.line_numbers, [2, 4])

    def test_utf8_semicolon(self):
        table = import_reader.read_file(CSV_TEXT.encode("utf-8"), "c.csv")
        self.check_table(table)
        self.assertEqual((table.encoding, table.separator), ("utf-8", ";"))

    def test_utf8_with_bom(self):
        table = import_reader.read_file(b"\xef\xbb\xbf" + CSV_TEXT.encode("utf-8"))
        self.check_table(table)
        self.assertEqual(table.encoding, "utf-8-sig")

    def test_windows_1252_from_excel(self):
        data = CSV_TEXT.replace("Élodie", "Élodie – ’").encode("cp1252")
        table = import_reader.read_file(data, "export.csv")
        self.assertEqual(table.encoding, "cp1252")
        self.assertEqual(table.rows[0][0], "Crêperie Élodie – ’")

    def test_latin1_bytes_undefined_in_cp1252(self):
        data = "Nom,Ville\nCafé\x81,Sète\n".encode("latin-1")
        table = import_reader.read_file(data)
        self.assertEqual(table.encoding, "latin-1")
        self.assertEqual(table.rows[0], ["Café\x81", "Sète"])

    def test_comma_separator_with_semicolons_inside_quotes(self):
        data = ('Name,Email,Notes\n"ACME",a@acme.fr,"x;y;z"\n'
                '"Beta, Inc",b@beta.fr,"p;q"\n').encode("utf-8")
        table = import_reader.read_file(data)
        self.assertEqual(table.separator, ",")
        self.assertEqual(table.rows[1], ["Beta, Inc", "b@beta.fr", "p;q"])

    def test_short_and_long_rows_are_padded(self):
        table = import_reader.read_file(b"a;b\n1\n2;3;4\n")
        self.assertEqual(table.headers, ["a", "b", "#3"])
        self.assertEqual(table.rows, [["1", "", ""], ["2", "3", "4"]])

    def test_empty_and_header_only_files_are_refused(self):
        with self.assertRaises(ReaderError) as ctx:
            import_reader.read_file(b"")
        self.assertEqual(ctx.exception.code, "empty")
        with self.assertRaises(ReaderError) as ctx:
            import_reader.read_file(b"Nom;Ville\n\n")
        self.assertEqual(ctx.exception.code, "no_data")

    def test_old_xls_is_refused(self):
        with self.assertRaises(ReaderError) as ctx:
            import_reader.read_file(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "a.xls")
        self.assertEqual(ctx.exception.code, "xls")

    def test_xlsx_numbers_and_dates(self):
        import openpyxl
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["Société", "SIRET", "Date", "CA"])
        sheet.append(["ACME", 55210055400013, datetime.date(2024, 3, 31), 12.5])
        sheet.append([None, None, None, None])
        sheet.append(["Beta", "73282932000074", datetime.datetime(2024, 1, 2, 10, 30), None])
        out = io.BytesIO()
        book.save(out)
        table = import_reader.read_file(out.getvalue(), "contacts.xlsx")
        self.assertEqual(table.file_format, "xlsx")
        self.assertEqual(table.headers, ["Société", "SIRET", "Date", "CA"])
        self.assertEqual(table.rows[0], ["ACME", "55210055400013", "2024-03-31", "12.5"])
        self.assertEqual(table.rows[1], ["Beta", "73282932000074", "2024-01-02 10:30:00", ""])
        self.assertEqual(table.line_numbers, [2, 4])

    def test_broken_xlsx_is_refused(self):
        with self.assertRaises(ReaderError) as ctx:
            import_reader.read_file(b"PK\x03\x04garbage", "x.xlsx")
        self.assertEqual(ctx.exception.code, "xlsx")
