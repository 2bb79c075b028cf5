# -*- coding: utf-8 -*-
"""logic/sla_clock.py: SLA deadlines in a team's business hours.

The support team works in Paris, Monday to Friday, 9:00-12:00 and
14:00-18:00 local time (7 hours a day). Datetimes are naive UTC, as Odoo stores
them: in winter 9:00 in Paris is 8:00 UTC, in summer 7:00 UTC. ``paris(...)``
writes a Paris local time as that UTC minute.
"""
import random
import unittest
from datetime import date, datetime as DT

from ..logic import sla_clock as sc
from odoo.addons.crm_base.logic import work_time as wt

PARIS = "Europe/Paris"
DAY_9_12_14_18 = tuple((day, hour_from, hour_to) for day in range(5)
                       for hour_from, hour_to in ((9.0, 12.0), (14.0, 18.0)))
# Odoo's default calendar ("Standard 40 hours/week"): 8:00-12:00, 13:00-17:00
STANDARD_40H = tuple((day, hour_from, hour_to) for day in range(5)
                     for hour_from, hour_to in ((8.0, 12.0), (13.0, 17.0)))
HOUR = 60


def paris(*args):
    """The UTC minute of a Paris local time."""
    moment = DT(*args)
    return wt.local_to_minute(PARIS, moment.date(), moment.hour + moment.minute / 60.0)


def clock(region="fr", closures=(), attendances=DAY_9_12_14_18, tz=PARIS, since=None):
    return sc.BusinessClock(tz, attendances, closures=closures, region=region,
                            since=paris(2025, 12, 1) if since is None else since)


def oracle(the_clock, start, minutes, pauses=()):
    """Minute by minute: the first moment after ``minutes`` business minutes."""
    if minutes <= 0:
        return start
    business = set()
    for begin, end in the_clock._intervals(wt.local_date(PARIS, start),
                                           wt.local_date(PARIS, start + 60 * 24 * 40)):
        business.update(range(begin, end))
    for begin, end in pauses:
        business.difference_update(range(begin, end))
    moment, left = start, minutes
    while left:
        if moment in business:
            left -= 1
        moment += 1
    return moment


class TestDeadlines(unittest.TestCase):

    def test_four_hours_from_wednesday_evening_end_thursday_at_noon_not_at_one(self):
        # Odoo 11's plan_hours says Thursday 13:00 (the start of the next slot)
        standard = clock(attendances=STANDARD_40H)
        self.assertEqual(standard.add(paris(2026, 3, 4, 18, 0), 4 * HOUR),
                         paris(2026, 3, 5, 12, 0))
        # on the 9-12/14-18 calendar, 3 hours from the evening end at noon too
        self.assertEqual(clock().add(paris(2026, 3, 4, 18, 0), 3 * HOUR),
                         paris(2026, 3, 5, 12, 0))

    def test_a_deadline_at_the_end_of_the_day_stays_at_six(self):
        self.assertEqual(clock().add(paris(2026, 3, 4, 14, 0), 4 * HOUR),
                         paris(2026, 3, 4, 18, 0))

    def test_a_deadline_at_exactly_noon_stays_at_noon(self):
        self.assertEqual(clock().add(paris(2026, 3, 4, 9, 0), 3 * HOUR),
                         paris(2026, 3, 4, 12, 0))

    def test_a_ticket_opened_at_lunch_starts_counting_at_two(self):
        self.assertEqual(clock().add(paris(2026, 3, 4, 12, 30), 1 * HOUR),
                         paris(2026, 3, 4, 15, 0))

    def test_friday_evening_plus_two_hours_is_monday_eleven(self):
        self.assertEqual(clock().add(paris(2026, 3, 6, 17, 0), 2 * HOUR),
                         paris(2026, 3, 9, 10, 0))

    def test_a_ticket_opened_on_saturday_counts_from_monday_nine(self):
        self.assertEqual(clock().add(paris(2026, 3, 7, 10, 0), 4 * HOUR),
                         paris(2026, 3, 9, 15, 0))

    def test_zero_hours_is_the_opening_moment(self):
        self.assertEqual(clock().add(paris(2026, 3, 7, 10, 0), 0), paris(2026, 3, 7, 10, 0))

    def test_an_empty_calendar_gives_no_deadline(self):
        empty = clock(attendances=())
        self.assertFalse(empty.has_hours)
        self.assertIsNone(empty.add(paris(2026, 3, 4, 9, 0), HOUR))
        self.assertEqual(empty.deadlines([paris(2026, 3, 4, 9, 0)], [HOUR]), [None])

    def test_a_calendar_closed_for_good_gives_no_deadline(self):
        start = paris(2026, 3, 4, 9, 0)
        closed = clock(closures=[(start, start + 60 * 24 * 366 * 30)])
        self.assertIsNone(closed.add(start, HOUR))


class TestHolidays(unittest.TestCase):

    def test_easter_monday_is_skipped(self):
        # Friday 3 April 2026 17:00 + 4 h: Friday 1 h, Monday 6 is Easter Monday
        self.assertEqual(clock().add(paris(2026, 4, 3, 17, 0), 4 * HOUR),
                         paris(2026, 4, 7, 12, 0))

    def test_good_friday_is_worked_in_france_but_not_in_alsace_moselle(self):
        opened = paris(2026, 4, 2, 17, 0)
        self.assertEqual(clock("fr").add(opened, 4 * HOUR), paris(2026, 4, 3, 12, 0))
        # Alsace-Moselle: Good Friday off, then Easter Monday: Tuesday
        self.assertEqual(clock("fr_alsace_moselle").add(opened, 4 * HOUR),
                         paris(2026, 4, 7, 12, 0))

    def test_saint_stephen_is_a_holiday_only_in_alsace_moselle(self):
        opened = paris(2025, 12, 24, 17, 0)   # Christmas on Thursday 25
        self.assertEqual(clock("fr").add(opened, 4 * HOUR), paris(2025, 12, 26, 12, 0))
        self.assertEqual(clock("fr_alsace_moselle").add(opened, 4 * HOUR),
                         paris(2025, 12, 29, 12, 0))

    def test_no_region_works_on_public_holidays(self):
        self.assertEqual(clock("none").add(paris(2026, 4, 3, 17, 0), 4 * HOUR),
                         paris(2026, 4, 6, 12, 0))

    def test_a_closure_of_the_calendar_is_skipped(self):
        closure = (paris(2026, 3, 5, 0, 0), paris(2026, 3, 6, 0, 0))  # Thursday closed
        self.assertEqual(clock(closures=[closure]).add(paris(2026, 3, 4, 18, 0), 3 * HOUR),
                         paris(2026, 3, 6, 12, 0))

    def test_holiday_days_lists_the_two_extra_days_of_alsace_moselle(self):
        fr = sc.holiday_days("fr", date(2026, 1, 1), date(2026, 12, 31))
        am = sc.holiday_days("fr_alsace_moselle", date(2026, 1, 1), date(2026, 12, 31))
        self.assertEqual(len(fr), 11)
        self.assertEqual(sorted(set(am) - set(fr)),
                         [(date(2026, 4, 3), "good_friday"), (date(2026, 12, 26), "saint_stephen")])
        self.assertEqual(sc.holiday_days("none", date(2026, 1, 1), date(2026, 12, 31)), [])
        with self.assertRaises(ValueError):
            sc.holiday_days("mars", date(2026, 1, 1), date(2026, 12, 31))


class TestSummerTime(unittest.TestCase):

    def test_across_the_change_to_summer_time_the_day_still_starts_at_nine(self):
        # Friday 27 March 2026 (UTC+1) 17:00 + 4 h; clocks change on Sunday 29
        deadline = clock().add(paris(2026, 3, 27, 17, 0), 4 * HOUR)
        self.assertEqual(wt.to_datetime(deadline), DT(2026, 3, 30, 10, 0))  # 12:00 in Paris

    def test_across_the_change_to_winter_time_the_day_still_starts_at_nine(self):
        # Friday 23 October 2026 (UTC+2) 17:00 + 4 h; clocks change on Sunday 25
        deadline = clock().add(paris(2026, 10, 23, 17, 0), 4 * HOUR)
        self.assertEqual(wt.to_datetime(deadline), DT(2026, 10, 26, 11, 0))  # 12:00 in Paris

    def test_a_round_the_clock_team_counts_the_short_night_of_march(self):
        always = tuple((day, 0.0, 24.0) for day in range(7))
        the_clock = clock("none", attendances=always)
        # Saturday 28 March 2026 22:00 Paris + 4 real hours: 03:00, one hour skipped
        self.assertEqual(the_clock.add(paris(2026, 3, 28, 22, 0), 4 * HOUR),
                         paris(2026, 3, 28, 22, 0) + 4 * HOUR)
        self.assertEqual(wt.to_datetime(the_clock.add(paris(2026, 3, 28, 22, 0), 4 * HOUR)),
                         DT(2026, 3, 29, 1, 0))


class TestPauses(unittest.TestCase):

    def test_a_pause_across_midnight_counts_only_its_business_hours(self):
        the_clock = clock()
        pause = (paris(2026, 3, 3, 17, 0), paris(2026, 3, 4, 10, 0))  # Tue 17:00 -> Wed 10:00
        self.assertEqual(the_clock.elapsed(*pause), 2 * HOUR)
        opened = paris(2026, 3, 3, 9, 0)
        # 8 h from Tuesday 9:00: Wednesday 10:00; the pause moves it by its 2
        # business hours: Wednesday 12:00
        self.assertEqual(the_clock.add(opened, 8 * HOUR), paris(2026, 3, 4, 10, 0))
        self.assertEqual(the_clock.add(opened, 8 * HOUR, pauses=[pause]),
                         paris(2026, 3, 4, 12, 0))
        self.assertEqual(the_clock.elapsed(opened, paris(2026, 3, 4, 12, 0), pauses=[pause]),
                         8 * HOUR)

    def test_a_pause_after_the_deadline_does_not_move_it(self):
        the_clock = clock()
        opened = paris(2026, 3, 3, 9, 0)
        pause = (paris(2026, 3, 5, 9, 0), paris(2026, 3, 6, 9, 0))
        self.assertEqual(the_clock.add(opened, 2 * HOUR, pauses=[pause]),
                         paris(2026, 3, 3, 11, 0))

    def test_elapsed_time_skips_nights_weekends_and_holidays(self):
        the_clock = clock()
        # Thursday 2 April 2026 10:00 -> Tuesday 7 April 10:00 (Easter Monday off)
        self.assertEqual(the_clock.elapsed(paris(2026, 4, 2, 10, 0), paris(2026, 4, 7, 10, 0)),
                         (6 + 7 + 1) * HOUR)
        self.assertEqual(the_clock.elapsed(paris(2026, 4, 7, 10, 0), paris(2026, 4, 2, 10, 0)),
                         0)

    def test_a_moment_before_the_horizon_is_counted_too(self):
        the_clock = clock(since=paris(2026, 6, 1))
        self.assertEqual(the_clock.add(paris(2026, 3, 4, 18, 0), 3 * HOUR),
                         paris(2026, 3, 5, 12, 0))
        self.assertEqual(the_clock.elapsed(paris(2026, 3, 4, 9, 0), paris(2026, 3, 4, 18, 0)),
                         7 * HOUR)


class TestBatch(unittest.TestCase):

    def test_batch_deadlines_equal_one_by_one_and_a_minute_by_minute_count(self):
        rng = random.Random(7)
        the_clock = clock("fr_alsace_moselle",
                          closures=[(paris(2026, 8, 10, 0, 0), paris(2026, 8, 15, 0, 0))])
        starts = [paris(2026, 1, 1) + rng.randrange(0, 60 * 24 * 365) for _i in range(300)]
        minutes = [rng.choice((0, 1, 30, 60, 180, 240, 420, 480, 1200, 2400))
                   for _i in starts]
        batch = the_clock.deadlines(starts, minutes)
        single = clock("fr_alsace_moselle",
                       closures=[(paris(2026, 8, 10, 0, 0), paris(2026, 8, 15, 0, 0))])
        self.assertEqual(batch, [single.add(s, m) for s, m in zip(starts, minutes)])
        for start, wanted, deadline in list(zip(starts, minutes, batch))[:40]:
            self.assertEqual(deadline, oracle(the_clock, start, wanted), (start, wanted))

    def test_batch_deadlines_grow_the_horizon_when_needed(self):
        the_clock = clock()
        far = paris(2028, 6, 7, 9, 0)   # a Wednesday
        self.assertEqual(the_clock.deadlines([far], [7 * HOUR]), [paris(2028, 6, 7, 18, 0)])

    def test_deadlines_with_pauses_equal_a_minute_by_minute_count(self):
        rng = random.Random(11)
        the_clock = clock()
        for _i in range(30):
            start = paris(2026, 2, 1) + rng.randrange(0, 60 * 24 * 60)
            pause_start = start + rng.randrange(0, 60 * 24 * 5)
            pauses = [(pause_start, pause_start + rng.randrange(1, 60 * 24 * 3))]
            wanted = rng.choice((60, 240, 480, 1500))
            self.assertEqual(the_clock.add(start, wanted, pauses=pauses),
                             oracle(the_clock, start, wanted, pauses))

    def test_an_unknown_region_is_refused(self):
        with self.assertRaises(ValueError):
            sc.BusinessClock(PARIS, DAY_9_12_14_18, region="atlantis")
