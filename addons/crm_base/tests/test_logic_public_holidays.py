# -*- coding: utf-8 -*-
"""logic/public_holidays.py: the French public holidays of a year."""
import datetime
import unittest

from ..logic import public_holidays as ph

D = datetime.date


class TestFrenchPublicHolidays(unittest.TestCase):

    def test_easter_sunday_matches_the_published_dates(self):
        published = {1961: D(1961, 4, 2), 2000: D(2000, 4, 23), 2019: D(2019, 4, 21),
                     2024: D(2024, 3, 31), 2025: D(2025, 4, 20), 2026: D(2026, 4, 5),
                     2027: D(2027, 3, 28), 2038: D(2038, 4, 25), 2285: D(2285, 3, 22)}
        for year, easter in published.items():
            self.assertEqual(ph.easter_sunday(year), easter, year)

    def test_easter_is_always_a_sunday_between_22_march_and_25_april(self):
        for year in range(1900, 2200):
            easter = ph.easter_sunday(year)
            self.assertEqual(easter.weekday(), 6, year)
            self.assertTrue(D(year, 3, 22) <= easter <= D(year, 4, 25), year)

    def test_the_eleven_holidays_of_2026_as_on_a_french_calendar(self):
        self.assertEqual(ph.french_public_holidays(2026), [
            (D(2026, 1, 1), "new_year"),
            (D(2026, 4, 6), "easter_monday"),
            (D(2026, 5, 1), "labour_day"),
            (D(2026, 5, 8), "victory_1945"),
            (D(2026, 5, 14), "ascension"),
            (D(2026, 5, 25), "whit_monday"),
            (D(2026, 7, 14), "bastille_day"),
            (D(2026, 8, 15), "assumption"),
            (D(2026, 11, 1), "all_saints"),
            (D(2026, 11, 11), "armistice_1918"),
            (D(2026, 12, 25), "christmas"),
        ])

    def test_moving_holidays_of_2027_follow_easter_on_28_march(self):
        days = dict((code, day) for day, code in ph.french_public_holidays(2027))
        self.assertEqual(days["easter_monday"], D(2027, 3, 29))
        self.assertEqual(days["ascension"], D(2027, 5, 6))
        self.assertEqual(days["whit_monday"], D(2027, 5, 17))
        self.assertEqual(days["ascension"].weekday(), 3)   # always a Thursday

    def test_alsace_moselle_adds_good_friday_and_26_december(self):
        common = ph.french_public_holidays(2026)
        alsace = ph.french_public_holidays(2026, alsace_moselle=True)
        self.assertEqual(len(common), 11)
        self.assertEqual(len(alsace), 13)
        self.assertEqual(sorted(set(alsace) - set(common)),
                         [(D(2026, 4, 3), "good_friday"), (D(2026, 12, 26), "saint_stephen")])
        self.assertEqual(alsace, sorted(alsace))

    def test_every_holiday_has_a_french_and_an_english_name(self):
        for _day, code in ph.french_public_holidays(2026, alsace_moselle=True):
            self.assertTrue(ph.NAMES_FR[code])
            self.assertTrue(ph.NAMES_EN[code])
        self.assertEqual(ph.NAMES_FR["whit_monday"], "Lundi de Pentecôte")

    def test_a_year_before_the_gregorian_calendar_is_refused(self):
        with self.assertRaises(ValueError):
            ph.easter_sunday(1500)
