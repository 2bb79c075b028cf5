# -*- coding: utf-8 -*-
"""Plain tests of logic/siren.py: no database."""
import unittest

from ..logic import siren


class TestSirenLogic(unittest.TestCase):

    def test_valid_and_invalid_siren(self):
        self.assertTrue(siren.is_valid_siren("552100554"))
        self.assertTrue(siren.is_valid_siren("552 100 554"))
        self.assertFalse(siren.is_valid_siren("552100555"))     # wrong check digit
        self.assertFalse(siren.is_valid_siren("55210055"))      # 8 digits
        self.assertFalse(siren.is_valid_siren("55210055A"))
        self.assertFalse(siren.is_valid_siren(""))
        self.assertFalse(siren.is_valid_siren(None))

    def test_siret(self):
        self.assertTrue(siren.is_valid_siret("552 100 554 00013"))
        self.assertFalse(siren.is_valid_siret("55210055400014"))
        self.assertFalse(siren.is_valid_siret("5521005540001"))

    def test_la_poste_establishments_use_the_digit_sum_rule(self):
        # SIREN 356 000 000 is shared by La Poste's establishments: their
        # SIRET fail Luhn but have a digit sum that is a multiple of 5
        self.assertTrue(siren.is_valid_siret("35600000049837"))
        self.assertFalse(siren.luhn_valid("35600000049837"))
        self.assertFalse(siren.is_valid_siret("35600000049838"))

    def test_check_digit_completes_real_identifiers(self):
        # Danone's SIREN and SIRET without their last digit
        self.assertEqual(siren.luhn_digit("55210055"), "4")
        self.assertEqual(siren.luhn_digit("5521005540001"), "3")
        for body in ("00000001", "12345678", "99999999", "3560000004983"):
            self.assertTrue(siren.luhn_valid(body + siren.luhn_digit(body)), body)
            wrong = str((int(siren.luhn_digit(body)) + 1) % 10)
            self.assertFalse(siren.luhn_valid(body + wrong), body)

    def test_vat_number_from_siren(self):
        # key = (12 + 3 * (SIREN mod 97)) mod 97
        self.assertEqual(siren.vat_from_siren("552 100 554"), "FR96552100554")
        self.assertEqual(siren.vat_from_siren("732829320"), "FR44732829320")
        self.assertEqual(siren.vat_from_siren("000000018"), "FR66000000018")
        # a key below 10 keeps its leading zero
        self.assertEqual(siren.vat_from_siren("100000207"), "FR03100000207")
        self.assertFalse(siren.vat_from_siren("552100555"))

    def test_format(self):
        self.assertEqual(siren.format_siren("552100554"), "552 100 554")
        self.assertEqual(siren.format_siren("55210055400013"), "552 100 554 00013")
        self.assertEqual(siren.format_siren("abc"), "abc")
