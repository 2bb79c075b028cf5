# -*- coding: utf-8 -*-
import datetime
import unittest

from ..logic import dunning

TODAY = datetime.date(2026, 12, 3)
LEVELS = [
    {"id": 3, "sequence": 30, "days": 45},
    {"id": 1, "sequence": 10, "days": 7},
    {"id": 2, "sequence": 20, "days": 30},
]


def send(days, residual=100.0, current=None, promise=None):
    level = dunning.level_to_send(LEVELS, days, residual, current, promise, TODAY)
    return level and level["id"]


class TestDunningLevels(unittest.TestCase):
    def test_an_invoice_gets_the_first_reminder_seven_days_after_its_due_date(self):
        self.assertIsNone(send(0))
        self.assertIsNone(send(6))
        self.assertEqual(send(7), 1)
        self.assertEqual(send(29), 1)

    def test_each_level_is_sent_once_then_the_next_when_its_day_comes(self):
        self.assertIsNone(send(20, current=1))
        self.assertEqual(send(30, current=1), 2)
        self.assertIsNone(send(44, current=2))
        self.assertEqual(send(45, current=2), 3)
        self.assertIsNone(send(200, current=3))

    def test_an_invoice_found_very_late_gets_the_highest_level_only(self):
        self.assertEqual(send(50), 3)

    def test_a_paid_invoice_gets_no_reminder(self):
        self.assertIsNone(send(40, residual=0.0))
        self.assertIsNone(send(40, residual=0.001))

    def test_a_promise_to_pay_stops_reminders_until_its_day_has_passed(self):
        self.assertIsNone(send(40, promise=TODAY + datetime.timedelta(days=5)))
        self.assertIsNone(send(40, promise=TODAY))
        self.assertEqual(send(40, promise=TODAY - datetime.timedelta(days=1)), 2)

    def test_without_levels_nothing_is_sent(self):
        self.assertIsNone(dunning.level_to_send([], 90, 10.0, None, None, TODAY))


class TestAgeBuckets(unittest.TestCase):
    def test_days_late_counts_from_the_due_date(self):
        self.assertEqual(dunning.days_late(datetime.date(2026, 11, 3), TODAY), 30)
        self.assertEqual(dunning.days_late(datetime.date(2026, 12, 10), TODAY), -7)
        self.assertEqual(dunning.days_late(None, TODAY), 0)

    def test_buckets_follow_the_usual_thirty_day_steps(self):
        cases = {-3: "not_due", 0: "not_due", 1: "1_30", 30: "1_30", 31: "31_60",
                 60: "31_60", 61: "61_90", 90: "61_90", 91: "over_90", 400: "over_90"}
        for days, key in cases.items():
            self.assertEqual(dunning.age_bucket(days), key, days)
