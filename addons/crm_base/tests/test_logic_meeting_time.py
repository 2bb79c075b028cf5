# -*- coding: utf-8 -*-
"""logic/meeting_time.py: union of intervals, cut per local day."""
import datetime
import unittest

from ..logic import meeting_time as mt

DT = datetime.datetime
D = datetime.date


class TestMeetingTime(unittest.TestCase):

    def test_merge_overlapping_and_touching(self):
        self.assertEqual(mt.merge_intervals([(3, 5), (1, 2), (4, 8), (8, 9), (10, 10)]),
                         [(1, 2), (3, 9)])
        self.assertEqual(mt.merge_intervals([(1, 10), (2, 3)]), [(1, 10)])
        self.assertEqual(mt.merge_intervals([]), [])

    def test_overlap_counted_once(self):
        hours = mt.hours_by_day([(DT(2026, 3, 2, 9), DT(2026, 3, 2, 10, 30)),
                                 (DT(2026, 3, 2, 10), DT(2026, 3, 2, 11)),
                                 (DT(2026, 3, 2, 14), DT(2026, 3, 2, 14, 30))])
        self.assertEqual(hours, {D(2026, 3, 2): 2.5})

    def test_cut_at_local_midnight(self):
        # 22:00-01:00 UTC in winter is 23:00-02:00 in Paris
        hours = mt.hours_by_day([(DT(2026, 3, 2, 22), DT(2026, 3, 3, 1))])
        self.assertEqual(hours, {D(2026, 3, 2): 1.0, D(2026, 3, 3): 2.0})
        hours = mt.hours_by_day([(DT(2026, 3, 2, 22), DT(2026, 3, 3, 1))], tz_name="UTC")
        self.assertEqual(hours, {D(2026, 3, 2): 2.0, D(2026, 3, 3): 1.0})

    def test_allday_counts_fixed_hours_or_nothing(self):
        timed = [(DT(2026, 3, 10, 9), DT(2026, 3, 10, 10))]
        self.assertEqual(mt.hours_by_day(timed, [D(2026, 3, 10), D(2026, 3, 11)], 7.0),
                         {D(2026, 3, 10): 7.0, D(2026, 3, 11): 7.0})
        self.assertEqual(mt.hours_by_day(timed, [D(2026, 3, 10)], 0), {D(2026, 3, 10): 1.0})
        long_day = [(DT(2026, 3, 10, 6), DT(2026, 3, 10, 15))]
        self.assertEqual(mt.hours_by_day(long_day, [D(2026, 3, 10)], 7.0), {D(2026, 3, 10): 9.0})

    def test_period_filter_and_rounding(self):
        hours = mt.hours_by_day([(DT(2026, 3, 1, 9), DT(2026, 3, 1, 9, 20)),
                                 (DT(2026, 3, 5, 9), DT(2026, 3, 5, 10))],
                                date_from=D(2026, 3, 2), date_to=D(2026, 3, 8))
        self.assertEqual(hours, {D(2026, 3, 5): 1.0})
        self.assertAlmostEqual(
            mt.hours_by_day([(DT(2026, 3, 1, 9), DT(2026, 3, 1, 9, 20))])[D(2026, 3, 1)], 1 / 3.0)

    def test_iso_week_and_days(self):
        self.assertEqual(mt.iso_week(D(2026, 1, 1)), "2026-W01")
        self.assertEqual(mt.iso_week(D(2027, 1, 1)), "2026-W53")
        self.assertEqual(mt.days_between(D(2026, 2, 27), D(2026, 3, 2)),
                         [D(2026, 2, 27), D(2026, 2, 28), D(2026, 3, 1), D(2026, 3, 2)])
