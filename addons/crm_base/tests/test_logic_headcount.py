# -*- coding: utf-8 -*-
import unittest

from ..logic import headcount


class TestHeadcountLogic(unittest.TestCase):

    def test_band_for_headcount(self):
        cases = {0: "00", 1: "01", 2: "01", 3: "02", 9: "03", 10: "11", 49: "12", 50: "21",
                 199: "22", 200: "31", 249: "31", 250: "32", 999: "41", 1000: "42", 25000: "42"}
        for count, band in cases.items():
            self.assertEqual(headcount.band_for_headcount(count), band, count)
        self.assertFalse(headcount.band_for_headcount(None))
        self.assertFalse(headcount.band_for_headcount(-1))

    def test_band_from_insee_code(self):
        self.assertEqual(headcount.band_from_insee("12"), "12")
        self.assertEqual(headcount.band_from_insee(" 03 "), "03")
        for large in ("42", "51", "52", "53"):
            self.assertEqual(headcount.band_from_insee(large), "42")
        self.assertFalse(headcount.band_from_insee("NN"))
        self.assertFalse(headcount.band_from_insee(None))
