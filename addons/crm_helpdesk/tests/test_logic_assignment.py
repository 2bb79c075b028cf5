# -*- coding: utf-8 -*-
"""logic/assignment.py: who may get a new ticket now.

Members work the French 35 h week in Paris (Monday to Friday, 9:00-12:30 and
13:30-17:00 local time) unless a test says otherwise; moments are naive UTC,
as Odoo stores them (Paris is UTC+1 in winter, UTC+2 in summer).
"""
import unittest
from datetime import datetime as DT

from ..logic import assignment as asg

PARIS_35H = tuple((day, hour_from, hour_to) for day in range(5)
                  for hour_from, hour_to in ((9.0, 12.5), (13.5, 17.0)))
# Wednesday 4 March 2026, 10:00 in Paris
WEDNESDAY_10H = DT(2026, 3, 4, 9, 0)


def member(member_id, tz="Europe/Paris", attendances=PARIS_35H, leaves=()):
    return asg.Member(id=member_id, tz=tz, attendances=attendances, leaves=leaves)


class TestWorkingNow(unittest.TestCase):

    def test_a_member_works_during_their_office_hours(self):
        self.assertTrue(asg.is_working(member(1), WEDNESDAY_10H))

    def test_nobody_works_at_lunch_at_night_or_on_sunday(self):
        for moment in (DT(2026, 3, 4, 11, 45),    # 12:45 in Paris
                       DT(2026, 3, 4, 21, 0),     # 22:00
                       DT(2026, 3, 8, 9, 0)):     # Sunday 10:00
            self.assertFalse(asg.is_working(member(1), moment), moment)

    def test_the_end_of_the_day_is_no_longer_working_time(self):
        self.assertTrue(asg.is_working(member(1), DT(2026, 3, 4, 15, 59)))
        self.assertFalse(asg.is_working(member(1), DT(2026, 3, 4, 16, 0)))   # 17:00

    def test_office_hours_follow_summer_time(self):
        # Wednesday 1 April 2026, 8:30 UTC is 10:30 in Paris (UTC+2), 9:30 in London
        self.assertTrue(asg.is_working(member(1), DT(2026, 4, 1, 8, 30)))
        # 7:30 UTC is 9:30 in Paris but still 8:30 in London
        self.assertTrue(asg.is_working(member(1), DT(2026, 4, 1, 7, 30)))
        self.assertFalse(asg.is_working(member(1, tz="Europe/London"), DT(2026, 4, 1, 7, 30)))

    def test_a_member_on_leave_does_not_work(self):
        leave = ((DT(2026, 3, 3, 23, 0), DT(2026, 3, 4, 23, 0)),)
        self.assertFalse(asg.is_working(member(1, leaves=leave), WEDNESDAY_10H))
        # the leave ends at 10:00: at 10:00 they are back
        morning = ((DT(2026, 3, 4, 7, 0), WEDNESDAY_10H),)
        self.assertTrue(asg.is_working(member(1, leaves=morning), WEDNESDAY_10H))

    def test_a_public_holiday_of_the_region_is_not_worked(self):
        # Thursday 14 May 2026 is Ascension Day, 10:00 in Paris
        ascension = DT(2026, 5, 14, 8, 0)
        self.assertFalse(asg.is_working(member(1), ascension, "fr"))
        self.assertTrue(asg.is_working(member(1), ascension, "none"))

    def test_alsace_moselle_also_stops_on_good_friday(self):
        good_friday = DT(2026, 4, 3, 8, 0)   # Friday 3 April 2026, 10:00 in Paris
        self.assertTrue(asg.is_working(member(1), good_friday, "fr"))
        self.assertFalse(asg.is_working(member(1), good_friday, "fr_alsace_moselle"))

    def test_the_holiday_is_the_local_date_of_the_member(self):
        # 30 April 23:30 UTC is already 1 May (Labour Day) in Paris; an
        # around-the-clock member in Paris is off, one in New York works
        always = tuple((day, 0.0, 24.0) for day in range(7))
        moment = DT(2026, 4, 30, 23, 30)
        self.assertFalse(asg.is_working(member(1, attendances=always), moment, "fr"))
        self.assertTrue(asg.is_working(
            member(2, tz="America/New_York", attendances=always), moment, "fr"))


class TestCandidates(unittest.TestCase):

    def test_only_the_members_working_now_are_candidates(self):
        mornings = tuple((day, 9.0, 12.5) for day in range(5))
        afternoon = DT(2026, 3, 4, 14, 0)   # 15:00 in Paris
        members = [member(1), member(2, attendances=mornings), member(3)]
        self.assertEqual(asg.candidates(members, afternoon), [1, 3])

    def test_members_with_the_skill_go_first_when_one_of_them_works(self):
        members = [member(1), member(2), member(3)]
        self.assertEqual(asg.candidates(members, WEDNESDAY_10H, skilled_ids={3}), [3])

    def test_without_a_skilled_member_at_work_any_member_at_work_is_a_candidate(self):
        away = ((DT(2026, 3, 1), DT(2026, 3, 10)),)
        members = [member(1), member(2), member(3, leaves=away)]
        self.assertEqual(asg.candidates(members, WEDNESDAY_10H, skilled_ids={3}), [1, 2])

    def test_nobody_working_gives_no_candidate(self):
        self.assertEqual(asg.candidates([member(1), member(2)], DT(2026, 3, 8, 9, 0)), [])

    def test_the_fewest_open_tickets_keeps_every_member_tied(self):
        self.assertEqual(asg.fewest_open([5, 6, 7], {5: 3, 6: 1, 7: 1}), [6, 7])
        # a member without any open ticket wins
        self.assertEqual(asg.fewest_open([5, 6, 8], {5: 3, 6: 1}), [8])
        self.assertEqual(asg.fewest_open([], {5: 1}), [])
