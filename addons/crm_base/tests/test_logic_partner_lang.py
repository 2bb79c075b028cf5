# -*- coding: utf-8 -*-
"""Plain tests of logic/partner_lang.py: no database."""
import unittest

from ..logic import partner_lang

WITH_FRENCH = {"en_US", "fr_FR", "de_DE"}


class TestDefaultLanguage(unittest.TestCase):

    def test_a_french_address_gets_french_when_it_is_installed(self):
        for country in ("FR", "fr", "RE", "GP", "NC", "MC"):
            self.assertEqual(partner_lang.default_lang(country, WITH_FRENCH, company_lang="en_US"),
                             "fr_FR", country)

    def test_without_french_installed_the_company_language_applies(self):
        self.assertEqual(partner_lang.default_lang("FR", {"en_US"}, company_lang="en_US"), "en_US")

    def test_an_address_abroad_takes_the_parent_company_language_first(self):
        self.assertEqual(partner_lang.default_lang("DE", WITH_FRENCH, parent_lang="de_DE",
                                                   company_lang="fr_FR"), "de_DE")

    def test_an_address_abroad_without_parent_takes_our_company_language(self):
        self.assertEqual(partner_lang.default_lang("BE", WITH_FRENCH, company_lang="fr_FR"),
                         "fr_FR")
        self.assertEqual(partner_lang.default_lang(None, WITH_FRENCH, company_lang="fr_FR"),
                         "fr_FR")

    def test_a_language_that_is_not_installed_is_never_given(self):
        self.assertEqual(partner_lang.default_lang("DE", WITH_FRENCH, parent_lang="it_IT",
                                                   company_lang="en_US"), "en_US")
        self.assertIsNone(partner_lang.default_lang("DE", WITH_FRENCH, parent_lang="it_IT",
                                                    company_lang="es_ES"))
        self.assertIsNone(partner_lang.default_lang(False, set()))
