# -*- coding: utf-8 -*-
"""logic/work_time.py: working time as UTC minute intervals, in each person's
time zone (the planner of crm_projects and the SLA clock of crm_helpdesk).

The standard French 35 h week in Paris: Monday to Friday, 9:00-12:30 and
13:30-17:00 local time; datetimes are naive UTC, as Odoo stores them.
"""
import unittest
from datetime import date, datetime as DT, timedelta

from ..logic import work_time as wt

PARIS_35H = tuple((day, hour_from, hour_to) for day in range(5)
                  for hour_from, hour_to in ((9.0, 12.5), (13.5, 17.0)))


class TestWorkingTime(unittest.TestCase):

    def test_a_35_hour_week_in_paris_is_seven_hours_a_day_with_a_lunch_break(self):
        week = wt.working_intervals("Europe/Paris", PARIS_35H, date(2026, 3, 2),
                                    date(2026, 3, 8))
        self.assertEqual(len(week), 10)
        self.assertEqual(sum(end - start for start, end in week), 35 * 60)
        self.assertEqual([(wt.to_datetime(start), wt.to_datetime(end))
                          for start, end in week[:2]],
                         [(DT(2026, 3, 2, 8), DT(2026, 3, 2, 11, 30)),
                          (DT(2026, 3, 2, 12, 30), DT(2026, 3, 2, 16))])

    def test_the_local_date_of_a_utc_moment_changes_at_local_midnight(self):
        late_sunday = wt.to_minute(DT(2026, 3, 29, 22, 30))   # Monday 00:30 in Paris (CEST)
        self.assertEqual(wt.local_date("Europe/Paris", late_sunday), date(2026, 3, 30))
        self.assertEqual(wt.local_date("UTC", late_sunday), date(2026, 3, 29))
        winter = wt.to_minute(DT(2026, 3, 1, 22, 59))          # Sunday 23:59 in Paris (CET)
        self.assertEqual(wt.local_date("Europe/Paris", winter), date(2026, 3, 1))

    def test_utc_minutes_agree_with_zoneinfo_every_hour_of_2026_in_five_zones(self):
        # Santiago changes at midnight, Lord Howe by 30 minutes, Kolkata never
        for tz_name in ("Europe/Paris", "America/Santiago", "Australia/Lord_Howe",
                        "Asia/Kolkata", "America/New_York"):
            zone = wt.zone(tz_name)
            day = date(2026, 1, 1)
            while day.year == 2026:
                for hour in (0, 1.5, 2.5, 9, 12.75, 17, 23.5, 24):
                    local = DT(day.year, day.month, day.day) + timedelta(minutes=hour * 60)
                    expected = local.replace(tzinfo=zone).astimezone(wt.UTC).replace(
                        tzinfo=None)
                    if local.replace(tzinfo=zone).replace(tzinfo=None) == local and \
                            expected.replace(tzinfo=wt.UTC).astimezone(zone).replace(
                                tzinfo=None) == local:
                        self.assertEqual(wt.to_datetime(wt.local_to_minute(tz_name, day, hour)),
                                         expected, (tz_name, day, hour))
                    moment = wt.to_minute(DT(day.year, day.month, day.day) +
                                          timedelta(minutes=hour * 60))
                    self.assertEqual(wt.local_date(tz_name, moment), wt.to_datetime(
                        moment).replace(tzinfo=wt.UTC).astimezone(zone).date())
                day += timedelta(days=1)

    def test_an_unknown_time_zone_is_read_as_utc(self):
        self.assertEqual(wt.local_to_minute("Nowhere/Atlantis", date(2026, 3, 2), 9),
                         wt.to_minute(DT(2026, 3, 2, 9)))
