# -*- coding: utf-8 -*-
"""Plain tests of logic/anonymize.py: no database."""
import unittest

from ..logic import anonymize


class TestAnonymize(unittest.TestCase):

    def test_anonymous_name_carries_the_id_only(self):
        self.assertEqual(anonymize.anonymous_name(123), "Contact anonymisé #123")
        self.assertEqual(anonymize.anonymous_name(7, "Anonymized contact #%s"),
                         "Anonymized contact #7")

    def test_name_variants_swap_first_and_last_name(self):
        self.assertEqual(
            set(anonymize.name_variants("Jean Dupont")), {"Jean Dupont", "Dupont Jean"})
        variants = anonymize.name_variants("Marie-Claire  de la Tour")
        self.assertIn("Marie-Claire de la Tour", variants)
        self.assertIn("Tour Marie-Claire de la", variants)
        self.assertEqual(anonymize.name_variants("Jean"), ["Jean"])
        self.assertEqual(anonymize.name_variants("  "), [])

    def test_replace_names_ignores_case_and_spacing_not_word_parts(self):
        text = "RDV avec jean  DUPONT puis Dupont Jean; Jean Dupontel reste."
        result = anonymize.replace_names(text, anonymize.name_variants("Jean Dupont"), "X")
        self.assertEqual(result, "RDV avec X puis X; Jean Dupontel reste.")

    def test_scrub_text_removes_emails_and_french_and_international_phones(self):
        text = ("Appeler Jean Dupont au 06 12 34 56 78 ou 01.23.45.67.89, +33 6 12 34 56 78, "
                "+33 (0)1 23 45 67 89, 0612345678 ou +44 20 7946 0958; "
                "écrire à jean.dupont@exemple.fr. Facture 2023-001 du 01/02/2023, 1 250,00 €.")
        result = anonymize.scrub_text(text, anonymize.name_variants("Jean Dupont"),
                                      "Contact anonymisé #5")
        self.assertNotIn("Dupont", result)
        self.assertNotIn("@", result)
        for number in ("06 12", "01.23", "+33", "0612345678", "7946"):
            self.assertNotIn(number, result)
        self.assertEqual(result.count(anonymize.ERASED_PHONE), 6)
        self.assertIn("Contact anonymisé #5", result)
        # dates, invoice numbers and amounts are not phone numbers
        self.assertIn("Facture 2023-001 du 01/02/2023, 1 250,00 €.", result)

    def test_scrub_text_keeps_empty_values(self):
        self.assertEqual(anonymize.scrub_text(False), False)
        self.assertEqual(anonymize.scrub_text(""), "")

    def test_split_emails_reads_display_forms(self):
        self.assertEqual(anonymize.split_emails('"Jean Dupont" <jean@exemple.fr>, b.martin@ex.com'),
                         ["jean@exemple.fr", "b.martin@ex.com"])
        self.assertEqual(anonymize.split_emails(False), [])

    def test_contains_personal_data(self):
        names = anonymize.name_variants("Jean Dupont")
        self.assertTrue(anonymize.contains_personal_data("Dupont Jean", names))
        self.assertTrue(
            anonymize.contains_personal_data("<JEAN@exemple.fr>", (), ["jean@exemple.fr"]))
        self.assertTrue(
            anonymize.contains_personal_data("tel 0612345678", (), (), ["+33 6 12 34 56 78"]))
        self.assertFalse(anonymize.contains_personal_data("Marie Curie <marie@ex.fr>", names,
                                                          ["jean@exemple.fr"], ["06 12 34 56 78"]))
