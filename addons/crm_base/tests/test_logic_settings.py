# -*- coding: utf-8 -*-
"""Plain tests of logic/settings.py: no database."""
import unittest

from ..logic import settings


class TestTypedSettings(unittest.TestCase):

    def test_an_integer_setting_is_read_as_typed(self):
        self.assertEqual(settings.parse_int("14", 7), 14)
        self.assertEqual(settings.parse_int(" 30 ", 7), 30)
        self.assertEqual(settings.parse_int("-2", 7), -2)

    def test_a_missing_or_unreadable_integer_gives_the_default(self):
        for raw in (None, False, "", "fourteen", "14.5", "1e3"):
            self.assertEqual(settings.parse_int(raw, 7), 7, raw)

    def test_an_integer_out_of_bounds_gives_the_default(self):
        self.assertEqual(settings.parse_int("0", 14, minimum=1), 14)
        self.assertEqual(settings.parse_int("1", 14, minimum=1), 1)
        self.assertEqual(settings.parse_int("500", 14, maximum=365), 14)
        self.assertEqual(settings.parse_int("365", 14, maximum=365), 365)

    def test_a_number_setting_takes_a_decimal_point_or_comma(self):
        self.assertEqual(settings.parse_float("3.5", 7.0), 3.5)
        self.assertEqual(settings.parse_float("3,5", 7.0), 3.5)
        self.assertEqual(settings.parse_float("8", 7.0), 8.0)

    def test_a_number_that_is_not_one_gives_the_default(self):
        for raw in (None, "", "abc", "nan", "inf", "-inf", "1,2,3"):
            self.assertEqual(settings.parse_float(raw, 7.0), 7.0, raw)
        self.assertEqual(settings.parse_float("30", 7.0, minimum=0, maximum=24), 7.0)
        self.assertEqual(settings.parse_float("0", 7.0, minimum=0, maximum=24), 0.0)

    def test_a_yes_no_setting_reads_the_usual_words(self):
        for raw in ("1", "true", "True", "yes", "on", " YES "):
            self.assertIs(settings.parse_bool(raw, False), True, raw)
        for raw in ("0", "false", "False", "no", "off", ""):
            self.assertIs(settings.parse_bool(raw, True), False, raw)

    def test_a_yes_no_setting_typed_wrong_gives_the_default(self):
        self.assertIs(settings.parse_bool("maybe", True), True)
        self.assertIs(settings.parse_bool(None, True), True)
        self.assertIs(settings.parse_bool("maybe", False), False)
