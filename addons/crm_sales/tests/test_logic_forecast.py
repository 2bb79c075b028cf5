# -*- coding: utf-8 -*-
"""Plain tests of logic/forecast.py: no database."""
import datetime
import unittest

from ..logic import forecast

D = datetime.date


class TestForecastLogic(unittest.TestCase):

    def test_month_buckets_cross_the_year(self):
        self.assertEqual(forecast.month_start(D(2026, 11, 23)), D(2026, 11, 1))
        self.assertEqual(
            forecast.month_start(datetime.datetime(2026, 2, 28, 23, 59)), D(2026, 2, 1))
        self.assertEqual(forecast.month_buckets(D(2026, 11, 23), 4),
                         [D(2026, 11, 1), D(2026, 12, 1), D(2027, 1, 1), D(2027, 2, 1)])
        self.assertEqual(forecast.add_months(D(2026, 1, 1), -1), D(2025, 12, 1))
        self.assertEqual(forecast.add_months(D(2026, 12, 1), 13), D(2028, 1, 1))

    def test_weighted_pipeline_counts_open_deals_by_month_of_close(self):
        def row(state, budget, probability, close_date, user_id):
            return {"state": state, "budget": budget, "probability": probability,
                    "close_date": close_date, "user_id": user_id}

        rows = [
            row("open", 10000.0, 30.0, D(2026, 12, 5), 1),
            row("open", 5000.0, 50.0, D(2026, 12, 31), 2),
            row("open", 8000.0, 10.0, D(2027, 1, 2), 1),
            row("won", 9999.0, 100.0, D(2026, 12, 10), 1),
            row("lost", 7777.0, 0.0, D(2026, 12, 10), 1),
            row("open", 4000.0, 50.0, None, 1),
        ]
        self.assertEqual(forecast.weighted_pipeline(rows),
                         {D(2026, 12, 1): 5500.0, D(2027, 1, 1): 800.0})
        self.assertEqual(forecast.weighted_pipeline(rows, group="user_id"), {
            (D(2026, 12, 1), 1): 3000.0, (D(2026, 12, 1), 2): 2500.0, (D(2027, 1, 1), 1): 800.0})
        # a stored weighted amount wins over budget x probability
        self.assertEqual(forecast.weighted_pipeline([dict(rows[0], weighted=1234.0)]),
                         {D(2026, 12, 1): 1234.0})

    def test_won_by_month_of_closing(self):
        rows = [
            {"state": "won", "budget": 12000.0, "closed_on": D(2026, 10, 31)},
            {"state": "won", "budget": 3000.0, "closed_on": D(2026, 11, 1)},
            {"state": "won", "budget": 1000.0, "closed_on": D(2026, 11, 30)},
            {"state": "lost", "budget": 50000.0, "closed_on": D(2026, 11, 15)},
            {"state": "open", "budget": 50000.0, "closed_on": None},
        ]
        self.assertEqual(forecast.won_by_month(rows),
                         {D(2026, 10, 1): 12000.0, D(2026, 11, 1): 4000.0})

    def test_cash_in_weighted_open_and_full_won_from_today(self):
        today = D(2026, 11, 23)

        def row(state, budget, probability, payment_date):
            return {"state": state, "budget": budget, "probability": probability,
                    "payment_date": payment_date}

        rows = [
            # open: weighted, whatever the date (a passed one shows in its month)
            row("open", 10000.0, 40.0, D(2027, 1, 15)),
            row("open", 2000.0, 50.0, D(2026, 10, 31)),
            # won: full budget, from today on
            row("won", 6000.0, 100.0, D(2026, 11, 23)),
            row("won", 7000.0, 100.0, D(2027, 1, 31)),
            row("won", 9000.0, 100.0, D(2026, 11, 22)),
            # never
            row("lost", 8000.0, 0.0, D(2027, 1, 1)),
            row("open", 8000.0, 90.0, None),
        ]
        self.assertEqual(forecast.cash_in_by_month(rows, today), {
            D(2026, 10, 1): 1000.0, D(2026, 11, 1): 6000.0, D(2027, 1, 1): 11000.0})
        self.assertEqual(forecast.cash_in_by_month(rows, today, group="state"), {
            (D(2026, 10, 1), "open"): 1000.0, (D(2026, 11, 1), "won"): 6000.0,
            (D(2027, 1, 1), "open"): 4000.0, (D(2027, 1, 1), "won"): 7000.0})
        self.assertEqual(
            [forecast.cash_in_kind(r["state"], r["payment_date"], today) for r in rows],
            ["open", "open", "won", "won", None, None, None])
        # a won deal with a probability left below 100 % still brings its full budget
        self.assertEqual(forecast.cash_in_amount(row("won", 500.0, 20.0, today), today), 500.0)

    def test_achievement(self):
        self.assertEqual(forecast.achievement(15000.0, 20000.0), 75.0)
        self.assertEqual(forecast.achievement(30000.0, 20000.0), 150.0)
        self.assertEqual(forecast.achievement(0.0, 20000.0), 0.0)
        self.assertIsNone(forecast.achievement(5000.0, 0.0))
        self.assertIsNone(forecast.achievement(5000.0, None))
