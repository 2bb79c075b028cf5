# -*- coding: utf-8 -*-
"""Plain tests of logic/dedup.py: no database."""
import unittest

from ..logic import dedup


class TestDedupKeys(unittest.TestCase):

    def test_email_key_is_trimmed_and_lower_case(self):
        self.assertEqual(dedup.email_key(" Jean.Dupont@Exemple.FR "), "jean.dupont@exemple.fr")
        self.assertIsNone(dedup.email_key(""))
        self.assertIsNone(dedup.email_key(None))

    def test_siret_key_keeps_14_digits_only(self):
        self.assertEqual(dedup.siret_key("552 100 554 00013"), "55210055400013")
        self.assertEqual(dedup.siret_key("552.100.554.00013"), "55210055400013")
        self.assertIsNone(dedup.siret_key("552 100 554"))      # a SIREN is not a SIRET
        self.assertIsNone(dedup.siret_key(""))

    def test_company_names_match_across_legal_form_accents_and_punctuation(self):
        key = dedup.name_city_key("Boulangerie Dupont", "Paris")
        self.assertEqual(dedup.name_city_key("BOULANGERIE DUPONT SAS", "PARIS"), key)
        self.assertEqual(dedup.name_city_key("S.A.R.L. Boulangerie  Dupont", " paris "), key)
        self.assertEqual(dedup.name_city_key("Boulangerie-Dupont, SA", "Paris"), key)
        self.assertEqual(dedup.name_city_key("Éditions Gallimard", "Saint-Étienne"),
                         dedup.name_city_key("EDITIONS GALLIMARD SA", "St Etienne"))
        self.assertEqual(dedup.name_city_key("Œuvre Sociale", "Lyon Cedex 03"),
                         dedup.name_city_key("oeuvre sociale", "Lyon"))

    def test_different_city_or_name_is_not_a_duplicate(self):
        self.assertNotEqual(dedup.name_city_key("Dupont", "Paris"),
                            dedup.name_city_key("Dupont", "Lyon"))
        self.assertNotEqual(dedup.name_city_key("Dupont Bâtiment", "Paris"),
                            dedup.name_city_key("Dupont", "Paris"))

    def test_a_name_made_of_a_legal_form_keeps_it(self):
        self.assertEqual(dedup.normalize_name("SAS"), "sas")
        self.assertIsNone(dedup.name_city_key("  ", "Paris"))

    def test_key_for_dispatches_on_the_rule(self):
        values = {"name": "ACME SAS", "city": "Lille", "email": "A@B.fr",
                  "siret": "55210055400013"}
        self.assertEqual(dedup.key_for("email", values), "a@b.fr")
        self.assertEqual(dedup.key_for("siret", values), "55210055400013")
        self.assertEqual(dedup.key_for("name_city", values), "acme|lille")
        with self.assertRaises(ValueError):
            dedup.key_for("phone", values)
