# -*- coding: utf-8 -*-
"""Plain tests of logic/nps.py: no database."""
import datetime
import unittest

from ..logic import nps as nps_logic


class TestLogicNps(unittest.TestCase):

    def test_nine_and_ten_are_promoters_seven_and_eight_passives_the_rest_detractors(self):
        self.assertEqual([nps_logic.classify(s) for s in range(11)],
                         ["detractor"] * 7 + ["passive"] * 2 + ["promoter"] * 2)

    def test_a_score_out_of_zero_to_ten_is_refused(self):
        for bad in (-1, 11, 7.5, None, True):
            with self.assertRaises(ValueError):
                nps_logic.classify(bad)

    def test_nps_is_percent_promoters_minus_percent_detractors(self):
        # 5 promoters, 3 passives, 2 detractors out of 10: 50 % - 20 % = 30
        figures = nps_logic.nps([10, 9, 9, 10, 9, 8, 7, 7, 6, 0])
        self.assertEqual(figures, {"count": 10, "promoters": 5, "passives": 3,
                                   "detractors": 2, "nps": 30})

    def test_nps_goes_from_minus_100_to_plus_100_and_rounds_to_the_unit(self):
        self.assertEqual(nps_logic.nps([0, 3, 6])["nps"], -100)
        self.assertEqual(nps_logic.nps([10, 9])["nps"], 100)
        self.assertEqual(nps_logic.nps([7, 8])["nps"], 0)
        # 1 promoter, 2 passives out of 3: 33.3 -> 33
        self.assertEqual(nps_logic.nps([10, 8, 7])["nps"], 33)

    def test_no_answer_gives_no_nps_rather_than_zero(self):
        self.assertIsNone(nps_logic.nps([])["nps"])

    def test_nps_per_month_and_quarter_in_date_order(self):
        answers = [(datetime.datetime(2026, 3, 31, 23, 0), 10),
                   (datetime.date(2026, 1, 5), 0), (datetime.date(2026, 1, 20), 10),
                   (datetime.date(2026, 4, 1), 9)]
        months = nps_logic.nps_by_period(answers, "month")
        self.assertEqual([(start, f["nps"]) for start, f in months],
                         [(datetime.date(2026, 1, 1), 0), (datetime.date(2026, 3, 1), 100),
                          (datetime.date(2026, 4, 1), 100)])
        quarters = nps_logic.nps_by_period(answers, "quarter")
        self.assertEqual([(start, f["count"], f["nps"]) for start, f in quarters],
                         [(datetime.date(2026, 1, 1), 3, 33), (datetime.date(2026, 4, 1), 1, 100)])
        with self.assertRaises(ValueError):
            nps_logic.nps_by_period(answers, "week")

    def test_satisfaction_counts_satisfied_among_answered_ratings(self):
        self.assertEqual(nps_logic.satisfaction_percent([10, 10, 5, 1, 0]), 50)
        self.assertIsNone(nps_logic.satisfaction_percent([0, 0]))

    def test_survey_after_n_closed_tickets(self):
        now = datetime.datetime(2026, 6, 1)
        self.assertFalse(nps_logic.survey_due("tickets", 3, 2, None, now))
        self.assertTrue(nps_logic.survey_due("tickets", 3, 3, None, now))
        self.assertTrue(nps_logic.survey_due("tickets", 1, 1, now, now))

    def test_survey_every_n_days_only_after_a_closed_ticket(self):
        now = datetime.datetime(2026, 6, 1, 12, 0)
        sent = now - datetime.timedelta(days=29, hours=23)
        self.assertFalse(nps_logic.survey_due("days", 30, 4, sent, now))
        self.assertTrue(nps_logic.survey_due("days", 30, 1, sent - datetime.timedelta(hours=1),
                                             now))
        self.assertTrue(nps_logic.survey_due("days", 30, 1, None, now))
        self.assertFalse(nps_logic.survey_due("days", 30, 0, None, now))

    def test_a_bad_rule_or_interval_is_refused(self):
        now = datetime.datetime(2026, 6, 1)
        with self.assertRaises(ValueError):
            nps_logic.survey_due("weekly", 3, 3, None, now)
        with self.assertRaises(ValueError):
            nps_logic.survey_due("tickets", 0, 3, None, now)
