# -*- coding: utf-8 -*-
"""Plain tests of logic/rgpd_export.py: no database."""
import csv
import datetime
import io
import json
import unittest
import zipfile

from ..logic import rgpd_export


class TestRgpdExport(unittest.TestCase):

    def test_archive_holds_json_csv_and_files_that_read_back(self):
        parts = {
            "contact": [{"id": 5, "name": "Élodie Durand", "email": "elodie@exemple.fr",
                         "tags": ["VIP", "Salon 2024"],
                         "created": datetime.datetime(2024, 3, 1, 9, 30)}],
            "messages": [{"id": 1, "subject": "Devis; révisé", "body": "Bonjour,\n\"ligne 2\""},
                         {"id": 2, "subject": None, "extra": {"a": 1}}],
            "empty": [],
        }
        paths = rgpd_export.file_paths(["cv.pdf", "../../etc/passwd", "cv.pdf"])
        self.assertEqual(paths, ["files/cv.pdf", "files/passwd", "files/cv (2).pdf"])
        data = rgpd_export.build_archive(parts, list(zip(paths, [b"%PDF-1", b"x", b"%PDF-2"])),
                                         {"contact_id": 5})
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            self.assertEqual(set(archive.namelist()), {
                "data.json", "contact.csv", "messages.csv", "empty.csv",
                "files/cv.pdf", "files/passwd", "files/cv (2).pdf"})
            document = json.loads(archive.read("data.json").decode("utf-8"))
            self.assertEqual(archive.read("files/cv (2).pdf"), b"%PDF-2")
            raw_csv = archive.read("messages.csv")
        self.assertEqual(document["about"], {"contact_id": 5})
        self.assertEqual(document["parts"]["contact"][0]["created"], "2024-03-01T09:30:00")
        self.assertEqual(document["parts"]["contact"][0]["name"], "Élodie Durand")
        self.assertTrue(raw_csv.startswith(b"\xef\xbb\xbf"))   # BOM for Excel

        document2, tables, files = rgpd_export.read_archive(data)
        self.assertEqual(document2, document)
        self.assertEqual(tables["contact"][0]["tags"], '["VIP", "Salon 2024"]')
        self.assertEqual(tables["messages"][0]["subject"], "Devis; révisé")
        self.assertEqual(tables["messages"][0]["body"], "Bonjour,\n\"ligne 2\"")
        self.assertEqual(tables["messages"][1]["subject"], "")
        self.assertEqual(json.loads(tables["messages"][1]["extra"]), {"a": 1})
        self.assertEqual(list(tables["messages"][0]), ["id", "subject", "body", "extra"])
        self.assertEqual(tables["empty"], [])
        self.assertEqual(len(files), 3)

    def test_rows_to_csv_is_parsed_back_by_the_csv_module(self):
        text = rgpd_export.rows_to_csv([{"a": 1, "b": True}, {"b": False, "c": "x;y"}])
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))
        self.assertEqual(rows, [["a", "b", "c"], ["1", "True", ""], ["", "False", "x;y"]])
        self.assertEqual(rgpd_export.rows_to_csv([]), "")

    def test_parts_must_be_lists_of_dicts(self):
        with self.assertRaises(ValueError):
            rgpd_export.build_archive({"contact": {"name": "x"}})
        with self.assertRaises(ValueError):
            rgpd_export.build_archive({"contact": []}, [("../evil", b"")])

    def test_safe_name(self):
        self.assertEqual(rgpd_export.safe_name("..\\..\\boot.ini"), "boot.ini")
        self.assertEqual(rgpd_export.safe_name(".hidden"), "hidden")
        self.assertEqual(rgpd_export.safe_name("a:b*c?.txt"), "a_b_c_.txt")
        self.assertEqual(rgpd_export.safe_name(""), "file")
