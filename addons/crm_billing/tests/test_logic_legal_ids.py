# -*- coding: utf-8 -*-
import unittest

from ..logic import legal_ids


class TestFrenchVatNumber(unittest.TestCase):
    def test_a_vat_number_whose_key_matches_its_siren_is_valid(self):
        self.assertTrue(legal_ids.is_valid_fr_vat_number("96552100554"))
        self.assertTrue(legal_ids.is_valid_fr_vat_number("FR 96 552 100 554"))

    def test_a_vat_number_with_a_wrong_key_or_made_up_digits_is_refused(self):
        self.assertFalse(legal_ids.is_valid_fr_vat_number("27552100554"))
        self.assertFalse(legal_ids.is_valid_fr_vat_number("00000000000"))
        self.assertFalse(legal_ids.is_valid_fr_vat_number(""))

    def test_the_vat_number_of_a_company_follows_from_its_siren(self):
        self.assertEqual(legal_ids.vat_number_from_siren("552 100 554"), "FR96552100554")
        self.assertFalse(legal_ids.vat_number_from_siren("552100555"))
