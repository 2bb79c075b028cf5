# -*- coding: utf-8 -*-
"""Plain tests of logic/phone_numbers.py: no database."""
import unittest

from ..logic import phone_numbers


class TestPhoneNumbers(unittest.TestCase):

    def test_every_way_of_typing_a_french_mobile_gives_the_same_key(self):
        for typed in ("+33 6 12 34 56 78", "06 12 34 56 78", "0033 6 12 34 56 78",
                      "+33 (0)6 12 34 56 78", "06.12.34.56.78", "+330612345678",
                      "0612345678", "  06-12-34-56-78 "):
            self.assertEqual(phone_numbers.normalize(typed), "+33612345678", typed)

    def test_a_foreign_number_keeps_its_country(self):
        self.assertEqual(phone_numbers.normalize("+32 2 555 12 12"), "+3225551212")
        self.assertEqual(phone_numbers.normalize("0032 2 555 12 12"), "+3225551212")
        self.assertFalse(phone_numbers.same_number("+32 2 555 12 12", "02 55 51 21 2"))

    def test_an_extension_is_not_part_of_the_line(self):
        self.assertEqual(phone_numbers.normalize("01 23 45 67 89 poste 12"), "+33123456789")
        self.assertEqual(phone_numbers.normalize("01 23 45 67 89 x 12"), "+33123456789")

    def test_what_is_not_a_phone_number_has_no_key(self):
        for typed in (None, "", "   ", "abc", "12", "+33", "1234567890123456789"):
            self.assertIsNone(phone_numbers.normalize(typed), typed)

    def test_a_short_number_stays_as_typed(self):
        self.assertEqual(phone_numbers.normalize("3949 12"), "394912")

    def test_same_number(self):
        self.assertTrue(phone_numbers.same_number("06 12 34 56 78", "+33612345678"))
        self.assertFalse(phone_numbers.same_number("06 12 34 56 78", "06 12 34 56 79"))
        self.assertFalse(phone_numbers.same_number("", ""))
