# -*- coding: utf-8 -*-
"""Plain tests of logic/import_mapping.py and logic/import_values.py: no database."""
import unittest

from ..logic import import_mapping, import_values


class TestGuessMapping(unittest.TestCase):

    def test_french_company_headers(self):
        headers = ["Raison sociale", "N° SIRET", "Code NAF", "Forme juridique", "Adresse",
                   "Code postal", "Ville", "Pays", "Téléphone", "Courriel", "Site web",
                   "N° TVA intracommunautaire", "Colonne inconnue"]
        self.assertEqual(import_mapping.guess_mapping(headers, is_company=True), [
            "name", "siret", "naf_code", "legal_form", "street", "zip", "city", "country",
            "phone", "email", "website", "vat", None])

    def test_english_people_headers(self):
        headers = ["First Name", "Last Name", "Company", "Job Title", "E-mail Address",
                   "Mobile Phone", "City", "Country"]
        self.assertEqual(import_mapping.guess_mapping(headers, is_company=False), [
            "first_name", "last_name", "parent_name", "function", "email", "mobile",
            "city", "country"])

    def test_nom_next_to_prenom_is_the_last_name(self):
        mapping = import_mapping.guess_mapping(["Prénom", "Nom", "Société"], is_company=False)
        self.assertEqual(mapping, ["first_name", "last_name", "parent_name"])
        # without a first-name column it is the full name
        self.assertEqual(import_mapping.guess_mapping(["Nom", "Email"], False), ["name", "email"])

    def test_a_target_is_used_once_and_company_fields_not_for_people(self):
        mapping = import_mapping.guess_mapping(["Email", "Mail", "SIRET"], is_company=False)
        self.assertEqual(mapping, ["email", None, None])

    def test_words_in_a_longer_header(self):
        self.assertEqual(import_mapping.guess_target("Téléphone portable pro", False), "mobile")
        self.assertEqual(import_mapping.guess_target("Ville de livraison", True), "city")
        self.assertIsNone(import_mapping.guess_target("", True))


LOOKUPS = {
    "countries": {"france": 75, "fr": 75, "belgium": 21, "be": 21},
    "states": {(None, "ca"): 9, (233, "california"): 9},
    "legal_forms": dict(import_values.LEGAL_FORM_ALIASES),
}


class TestConvertRow(unittest.TestCase):

    def convert(self, mapping, cells, is_company=True):
        lookups = dict(LOOKUPS)
        lookups["countries"] = dict(LOOKUPS["countries"], belgique=21)
        return import_values.convert_row(mapping, cells, is_company, lookups)

    def test_valid_company(self):
        values, errors = self.convert(
            ["name", "siret", "naf_code", "legal_form", "country", "email", "date"],
            ["ACME", "552 100 554 00013", "6201z", "Société par actions simplifiée",
             "Belgique", " Contact@Acme.fr ", "31/03/2024"])
        self.assertEqual(errors, [])
        self.assertEqual(values["siret"], "55210055400013")
        self.assertEqual(values["siren"], "552100554")
        self.assertEqual(values["naf_code"], "62.01Z")
        self.assertEqual(values["legal_form"], "sas")
        self.assertEqual(values["country_id"], 21)
        self.assertEqual(values["email"], "Contact@Acme.fr")
        self.assertEqual(values["date"], "2024-03-31")
        self.assertTrue(values["is_company"])

    def test_each_bad_cell_is_reported_with_its_column(self):
        mapping = ["name", "siret", "email", "date", "country", "legal_form", "naf_code"]
        values, errors = self.convert(
            mapping, ["", "55210055400014", "pas-un-email", "31/02/2024", "Atlantide",
                      "Coopérative lunaire", "62"])
        self.assertEqual(sorted(errors), [(0, "name_required"), (1, "siret"), (2, "email"),
                                          (3, "date"), (4, "country"), (5, "legal_form"),
                                          (6, "naf")])

    def test_siret_of_another_siren(self):
        _values, errors = self.convert(["name", "siren", "siret"],
                                       ["X", "552100554", "73282932000074"])
        self.assertEqual(errors, [(2, "siret_siren")])

    def test_person_name_from_first_and_last_name(self):
        values, errors = self.convert(["first_name", "last_name", "parent_name", "siret"],
                                      ["Élodie", "Martin", "ACME", "garbage"], is_company=False)
        self.assertEqual(errors, [])          # SIRET is not read for people
        self.assertEqual(values["name"], "Élodie Martin")
        self.assertEqual(values["parent_name"], "ACME")
        self.assertFalse(values["is_company"])
        self.assertNotIn("siret", values)
        _values, errors = self.convert(["first_name", "last_name"], ["", ""], is_company=False)
        self.assertEqual(errors, [(1, "name_required")])

    def test_state_by_code_or_name_within_the_country(self):
        values, errors = self.convert(["name", "state"], ["X", "CA"])
        self.assertEqual((values["state_id"], errors), (9, []))
        _values, errors = self.convert(["name", "state", "country"], ["X", "Nowhere", "France"])
        self.assertEqual(errors, [(1, "state")])

    def test_dates(self):
        self.assertEqual(import_values.parse_date("2024-03-31"), "2024-03-31")
        self.assertEqual(import_values.parse_date("01.02.2023"), "2023-02-01")
        self.assertEqual(import_values.parse_date("2024-01-02 10:30:00"), "2024-01-02")
        self.assertIsNone(import_values.parse_date("mars 2024"))
