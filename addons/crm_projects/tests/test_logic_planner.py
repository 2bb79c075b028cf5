# -*- coding: utf-8 -*-
"""logic/planner.py: where the automatic planning puts each task, and why.

Léa and Marc work the standard French 35 h week in Paris: Monday to Friday,
9:00-12:30 and 13:30-17:00 local time. Every datetime here is naive UTC, as
Odoo stores them: in winter 9:00 in Paris is 8:00 UTC, in summer 7:00 UTC.
"""
import random
import unittest
from datetime import date, datetime as DT, timedelta

from ..logic import planner as p
from odoo.addons.crm_base.logic import work_time as wt

PARIS_35H = tuple((day, hour_from, hour_to) for day in range(5)
                  for hour_from, hour_to in ((9.0, 12.5), (13.5, 17.0)))
MONDAY = DT(2026, 3, 2)    # Monday 2 March 2026, winter (Paris = UTC+1)


def lea(**values):
    return p.Person(1, "Léa", attendances=PARIS_35H, **values)


def marc(**values):
    return p.Person(2, "Marc", attendances=PARIS_35H, **values)


def task(task_id, hours, users=(1,), **values):
    return p.Task(task_id, "Task %s" % task_id, hours, tuple(users), **values)


def spans(result, task_id=None, user_id=None):
    """The (start, stop) of the slots, in order, of one task and/or person."""
    return [(slot.start, slot.stop) for slot in result.slots
            if (task_id is None or slot.task_id == task_id)
            and (user_id is None or slot.user_id == user_id)]


class TestWeekOfWork(unittest.TestCase):
    def test_a_35_hour_task_fills_the_week_from_monday_9_to_friday_17(self):
        result = p.plan([lea()], [task(1, 35)], MONDAY)
        self.assertEqual(result.dates[1], (DT(2026, 3, 2, 8), DT(2026, 3, 6, 16)))
        self.assertEqual(len(result.slots), 10)
        self.assertEqual(spans(result)[-2:], [(DT(2026, 3, 6, 8), DT(2026, 3, 6, 11, 30)),
                                              (DT(2026, 3, 6, 12, 30), DT(2026, 3, 6, 16))])
        self.assertEqual({slot.hours for slot in result.slots}, {3.5})


class TestSplitting(unittest.TestCase):

    def test_an_18_hour_task_is_split_over_three_days(self):
        result = p.plan([lea()], [task(1, 18)], MONDAY)
        self.assertEqual(spans(result), [
            (DT(2026, 3, 2, 8), DT(2026, 3, 2, 11, 30)),
            (DT(2026, 3, 2, 12, 30), DT(2026, 3, 2, 16)),
            (DT(2026, 3, 3, 8), DT(2026, 3, 3, 11, 30)),
            (DT(2026, 3, 3, 12, 30), DT(2026, 3, 3, 16)),
            (DT(2026, 3, 4, 8), DT(2026, 3, 4, 11, 30)),
            (DT(2026, 3, 4, 12, 30), DT(2026, 3, 4, 13)),   # Wednesday 14:00 in Paris
        ])
        self.assertEqual(result.dates[1], (DT(2026, 3, 2, 8), DT(2026, 3, 4, 13)))
        self.assertEqual([slot.reason for slot in result.slots],
                         [p.FROM_START] + [p.CONTINUED] * 5)

    def test_hours_are_rounded_to_the_minute(self):
        result = p.plan([lea()], [task(1, 1.01)], MONDAY)   # 60.6 minutes
        self.assertEqual(spans(result), [(DT(2026, 3, 2, 8), DT(2026, 3, 2, 9, 1))])
        self.assertAlmostEqual(result.slots[0].hours, 61 / 60.0, places=6)


class TestSummerTime(unittest.TestCase):

    def assertWeekendChange(self, friday, monday, friday_utc_9h, monday_utc_9h):
        result = p.plan([lea()], [task(1, 14)], friday)
        self.assertEqual(spans(result), [
            (friday.replace(hour=friday_utc_9h), friday.replace(hour=friday_utc_9h + 3,
                                                                minute=30)),
            (friday.replace(hour=friday_utc_9h + 4, minute=30),
             friday.replace(hour=friday_utc_9h + 8)),
            (monday.replace(hour=monday_utc_9h), monday.replace(hour=monday_utc_9h + 3,
                                                                minute=30)),
            (monday.replace(hour=monday_utc_9h + 4, minute=30),
             monday.replace(hour=monday_utc_9h + 8)),
        ])

    def test_9_am_in_paris_is_8_utc_before_and_7_utc_after_29_march_2026(self):
        self.assertWeekendChange(DT(2026, 3, 27), DT(2026, 3, 30), 8, 7)

    def test_9_am_in_paris_is_8_utc_before_and_7_utc_after_28_march_2027(self):
        self.assertWeekendChange(DT(2027, 3, 26), DT(2027, 3, 29), 8, 7)

    def test_9_am_in_paris_is_7_utc_before_and_8_utc_after_25_october_2026(self):
        self.assertWeekendChange(DT(2026, 10, 23), DT(2026, 10, 26), 7, 8)

    def test_a_person_in_another_time_zone_works_their_own_hours(self):
        montreal = p.Person(3, "Chloé", tz="America/Montreal", attendances=PARIS_35H)
        result = p.plan([montreal], [task(1, 2, users=(3,))], MONDAY)
        # 9:00 in Montréal is 14:00 UTC in winter
        self.assertEqual(spans(result), [(DT(2026, 3, 2, 14), DT(2026, 3, 2, 16))])


class TestUnavailable(unittest.TestCase):

    def test_a_public_holiday_and_a_leave_are_skipped(self):
        easter_monday = (DT(2026, 4, 5, 22), DT(2026, 4, 6, 22))   # 6 April in Paris
        leave = (DT(2026, 4, 6, 22), DT(2026, 4, 7, 22))           # Tuesday 7 April
        result = p.plan([lea(unavailable=(easter_monday, leave))], [task(1, 10)],
                        DT(2026, 4, 6))
        self.assertEqual(spans(result), [
            (DT(2026, 4, 8, 7), DT(2026, 4, 8, 10, 30)),    # Wednesday 9:00 in Paris
            (DT(2026, 4, 8, 11, 30), DT(2026, 4, 8, 15)),
            (DT(2026, 4, 9, 7), DT(2026, 4, 9, 10)),        # Thursday 9:00-12:00
        ])

    def test_a_meeting_in_the_middle_of_a_morning_is_worked_around(self):
        meeting = (DT(2026, 3, 2, 9), DT(2026, 3, 2, 10))    # 10:00-11:00 in Paris
        result = p.plan([lea(unavailable=(meeting,))], [task(1, 3)], MONDAY)
        self.assertEqual(spans(result), [
            (DT(2026, 3, 2, 8), DT(2026, 3, 2, 9)),
            (DT(2026, 3, 2, 10), DT(2026, 3, 2, 11, 30)),
            (DT(2026, 3, 2, 12, 30), DT(2026, 3, 2, 13)),
        ])
        self.assertEqual([slot.hours for slot in result.slots], [1.0, 1.5, 0.5])

    def test_work_planned_on_other_projects_is_not_used_again(self):
        other_project = ((DT(2026, 3, 2, 8), DT(2026, 3, 2, 16)),)   # Monday, all day
        result = p.plan([lea(unavailable=other_project)], [task(1, 2)], MONDAY)
        self.assertEqual(spans(result), [(DT(2026, 3, 3, 8), DT(2026, 3, 3, 10))])


class TestOnePersonsTime(unittest.TestCase):

    def test_two_tasks_of_one_person_never_overlap(self):
        result = p.plan([lea()], [task(1, 5, sequence=1), task(2, 5, sequence=2)], MONDAY)
        self.assertEqual(spans(result, task_id=1), [
            (DT(2026, 3, 2, 8), DT(2026, 3, 2, 11, 30)),
            (DT(2026, 3, 2, 12, 30), DT(2026, 3, 2, 14))])
        self.assertEqual(spans(result, task_id=2), [
            (DT(2026, 3, 2, 14), DT(2026, 3, 2, 16)),
            (DT(2026, 3, 3, 8), DT(2026, 3, 3, 11))])

    def test_many_projects_at_once_share_a_persons_time(self):
        website = [task(1, 7, sequence=1), task(2, 7, predecessors=((1, 0),), sequence=2)]
        audit = [task(11, 7, users=(1, 2), sequence=1),
                 task(12, 3.5, users=(2,), predecessors=((11, 0),), sequence=2)]
        result = p.plan([lea(), marc()], website + audit, MONDAY)
        # Léa: website day 1 on Monday, her half of the audit on Tuesday (same
        # sequence, lower id first), the website's second task on Wednesday
        self.assertEqual(result.dates[1], (DT(2026, 3, 2, 8), DT(2026, 3, 2, 16)))
        self.assertEqual(spans(result, task_id=11, user_id=1), [
            (DT(2026, 3, 3, 8), DT(2026, 3, 3, 11, 30))])
        self.assertEqual(spans(result, task_id=11, user_id=2), [
            (DT(2026, 3, 2, 8), DT(2026, 3, 2, 11, 30))])
        self.assertEqual(result.dates[2], (DT(2026, 3, 3, 12, 30), DT(2026, 3, 4, 11, 30)))
        # the audit's second task waits for Léa's half: Tuesday afternoon for Marc
        self.assertEqual(spans(result, task_id=12), [
            (DT(2026, 3, 3, 12, 30), DT(2026, 3, 3, 16))])
        mine = sorted(spans(result, user_id=1))
        for (_start, stop), (next_start, _stop) in zip(mine, mine[1:]):
            self.assertLessEqual(stop, next_start)


class TestDependencies(unittest.TestCase):

    def plan_after(self, lag, first_hours=3.5, start=MONDAY):
        return p.plan([lea()], [task(1, first_hours), task(2, 1, predecessors=((1, lag),))],
                      start)

    def test_without_lag_a_task_starts_at_the_first_free_time_after_its_predecessor(self):
        result = self.plan_after(0)
        self.assertEqual(result.dates[1][1], DT(2026, 3, 2, 11, 30))   # Monday 12:30 Paris
        self.assertEqual(result.dates[2][0], DT(2026, 3, 2, 12, 30))   # after lunch

    def test_a_lag_of_one_day_starts_at_the_next_working_days_start(self):
        self.assertEqual(self.plan_after(1).dates[2][0], DT(2026, 3, 3, 8))
        self.assertEqual(self.plan_after(2).dates[2][0], DT(2026, 3, 4, 8))

    def test_a_lag_from_friday_skips_the_weekend_and_a_public_holiday(self):
        result = self.plan_after(1, start=DT(2026, 3, 6))
        self.assertEqual(result.dates[2][0], DT(2026, 3, 9, 8))   # Monday 9:00 Paris
        easter_monday = (DT(2026, 4, 5, 22), DT(2026, 4, 6, 22))
        result = p.plan([lea(unavailable=(easter_monday,))],
                        [task(1, 3.5), task(2, 1, predecessors=((1, 1),))], DT(2026, 4, 3))
        self.assertEqual(result.dates[2][0], DT(2026, 4, 7, 7))   # Tuesday 9:00 Paris

    def test_half_a_day_of_lag_is_half_of_that_days_working_time(self):
        # Tuesday 9:00 + 3.5 h of work = 12:30, lunch, then 13:30 in Paris
        self.assertEqual(self.plan_after(1.5).dates[2][0], DT(2026, 3, 3, 12, 30))

    def test_a_diamond_waits_for_both_branches(self):
        tasks = [task(1, 7), task(2, 3.5, predecessors=((1, 0),)),
                 task(3, 7, users=(2,), predecessors=((1, 0),)),
                 task(4, 1, predecessors=((2, 0), (3, 0)))]
        result = p.plan([lea(), marc()], tasks, MONDAY)
        self.assertEqual(result.dates[1], (DT(2026, 3, 2, 8), DT(2026, 3, 2, 16)))
        self.assertEqual(result.dates[2], (DT(2026, 3, 3, 8), DT(2026, 3, 3, 11, 30)))
        self.assertEqual(result.dates[3], (DT(2026, 3, 3, 8), DT(2026, 3, 3, 16)))
        self.assertEqual(result.dates[4], (DT(2026, 3, 4, 8), DT(2026, 3, 4, 9)))
        first = result.slots[-1]
        self.assertEqual((first.reason, first.params), (p.AFTER_TASK,
                                                        {"task_id": 3, "hours": 1.0}))

    def test_a_milestone_is_at_the_end_of_its_last_predecessor(self):
        tasks = [task(1, 7), task(2, 3.5, users=(2,)),
                 task(3, 0, users=(), predecessors=((1, 0), (2, 0)),
                      deadline=date(2026, 3, 1))]
        result = p.plan([lea(), marc()], tasks, MONDAY)
        self.assertEqual(result.dates[3], (DT(2026, 3, 2, 16), DT(2026, 3, 2, 16)))
        self.assertEqual([slot.task_id for slot in result.slots if slot.task_id == 3], [])
        late, = result.late
        self.assertEqual((late.task_id, late.reason, late.params["task_id"]),
                         (3, p.LATE_CHAIN, 1))


class TestSharedTasks(unittest.TestCase):

    def test_two_assignees_share_the_hours_and_the_task_ends_with_the_last_part(self):
        meeting = (DT(2026, 3, 2, 8), DT(2026, 3, 2, 9))   # Marc, Monday 9:00-10:00
        result = p.plan([lea(), marc(unavailable=(meeting,))], [task(1, 14, users=(1, 2))],
                        MONDAY)
        self.assertEqual(spans(result, user_id=1), [
            (DT(2026, 3, 2, 8), DT(2026, 3, 2, 11, 30)),
            (DT(2026, 3, 2, 12, 30), DT(2026, 3, 2, 16))])
        self.assertEqual(spans(result, user_id=2), [
            (DT(2026, 3, 2, 9), DT(2026, 3, 2, 11, 30)),
            (DT(2026, 3, 2, 12, 30), DT(2026, 3, 2, 16)),
            (DT(2026, 3, 3, 8), DT(2026, 3, 3, 9))])
        self.assertEqual(result.dates[1], (DT(2026, 3, 2, 8), DT(2026, 3, 3, 9)))

    def test_odd_minutes_go_to_the_first_assignees(self):
        people = [p.Person(n, "P%s" % n, attendances=PARIS_35H) for n in (1, 2, 3)]
        result = p.plan(people, [task(1, 0.5 + 1 / 60.0, users=(1, 2, 3))], MONDAY)
        ordered = sorted(result.slots, key=lambda slot: slot.user_id)
        self.assertEqual([slot.stop for slot in ordered],
                         [DT(2026, 3, 2, 8, 11), DT(2026, 3, 2, 8, 10), DT(2026, 3, 2, 8, 10)])


class TestOrder(unittest.TestCase):

    def test_priority_wins_among_ready_tasks(self):
        result = p.plan([lea()], [task(1, 2, sequence=1), task(2, 2, sequence=2, priority=1)],
                        MONDAY)
        self.assertEqual(result.dates[2][0], DT(2026, 3, 2, 8))
        self.assertEqual(result.dates[1][0], DT(2026, 3, 2, 10))

    def test_the_sequence_orders_tasks_of_equal_priority(self):
        result = p.plan([lea()], [task(1, 2, sequence=5), task(2, 2, sequence=3)], MONDAY)
        self.assertEqual(result.dates[2][0], DT(2026, 3, 2, 8))

    def test_a_deadline_upstream_goes_before_a_higher_priority(self):
        tasks = [task(1, 7, priority=1),
                 task(2, 7), task(3, 7, predecessors=((2, 0),), deadline=date(2026, 3, 3))]
        result = p.plan([lea()], tasks, MONDAY)
        self.assertEqual(result.dates[2][0], DT(2026, 3, 2, 8))
        self.assertEqual(result.dates[3][1], DT(2026, 3, 3, 16))
        self.assertEqual(result.dates[1][0], DT(2026, 3, 4, 8))
        self.assertEqual(result.late, [])

    def test_the_critical_order_takes_the_task_with_the_longest_chain_after_it_first(self):
        # task 2 (sequence 2) unlocks 14 h of Marc's work: planned first, Marc
        # starts on Monday afternoon instead of Tuesday and ends on Wednesday noon
        tasks = [task(1, 3.5, sequence=1), task(2, 3.5, sequence=2),
                 task(3, 14, users=(2,), predecessors=((2, 0),))]
        by_sequence = p.plan([lea(), marc()], tasks, MONDAY)
        self.assertEqual(by_sequence.dates[3], (DT(2026, 3, 3, 8), DT(2026, 3, 4, 16)))
        critical = p.plan([lea(), marc()], tasks, MONDAY, order=p.ORDER_CRITICAL)
        self.assertEqual(critical.dates[2], (DT(2026, 3, 2, 8), DT(2026, 3, 2, 11, 30)))
        self.assertEqual(critical.dates[3], (DT(2026, 3, 2, 12, 30), DT(2026, 3, 4, 11, 30)))

    def test_a_task_never_starts_before_its_not_before(self):
        result = p.plan([lea()], [task(1, 2, not_before=DT(2026, 3, 4, 10))], MONDAY)
        self.assertEqual(spans(result), [(DT(2026, 3, 4, 10), DT(2026, 3, 4, 11, 30)),
                                         (DT(2026, 3, 4, 12, 30), DT(2026, 3, 4, 13))])
        self.assertEqual(result.slots[0].reason, p.NOT_BEFORE)
        lunch = p.plan([lea()], [task(1, 1, not_before=DT(2026, 3, 4, 12))], MONDAY)
        self.assertEqual(spans(lunch), [(DT(2026, 3, 4, 12, 30), DT(2026, 3, 4, 13, 30))])


class TestDeadlines(unittest.TestCase):

    def test_a_deadline_missed_because_the_predecessor_ends_too_late_is_a_chain(self):
        tasks = [task(1, 14), task(2, 7, predecessors=((1, 0),), deadline=date(2026, 3, 3))]
        result = p.plan([lea()], tasks, MONDAY)
        late, = result.late
        self.assertEqual((late.task_id, late.deadline, late.planned_end, late.reason),
                         (2, date(2026, 3, 3), DT(2026, 3, 4, 16), p.LATE_CHAIN))
        self.assertEqual(late.params, {"task_id": 1, "end": DT(2026, 3, 3, 16)})

    def test_a_deadline_missed_because_the_person_is_busy_is_capacity(self):
        tasks = [task(1, 7, priority=1, deadline=date(2026, 3, 2)),
                 task(2, 7, deadline=date(2026, 3, 2))]
        result = p.plan([lea()], tasks, MONDAY)
        late, = result.late
        self.assertEqual((late.task_id, late.planned_end, late.reason),
                         (2, DT(2026, 3, 3, 16), p.LATE_CAPACITY))
        self.assertEqual(late.params, {"user_id": 1, "free_from": DT(2026, 3, 3, 8),
                                       "hours": 7.0})

    def test_a_deadline_met_is_not_reported(self):
        result = p.plan([lea()], [task(1, 7, deadline=date(2026, 3, 2))], MONDAY)
        self.assertEqual(result.late, [])


class TestExplanations(unittest.TestCase):

    def test_after_task_x_leas_first_free_hours_on_tuesday(self):
        result = p.plan([lea()], [task(1, 7), task(2, 4, predecessors=((1, 0),))], MONDAY)
        first, rest = [slot for slot in result.slots if slot.task_id == 2]
        self.assertEqual((first.user_id, first.start, first.reason, first.params),
                         (1, DT(2026, 3, 3, 8), p.AFTER_TASK, {"task_id": 1, "hours": 3.5}))
        self.assertEqual((rest.start, rest.reason, rest.params),
                         (DT(2026, 3, 3, 12, 30), p.CONTINUED, {"hours": 0.5}))

    def test_the_first_slot_says_from_the_start_or_not_before(self):
        result = p.plan([lea()], [task(1, 1), task(2, 1, not_before=DT(2026, 3, 3, 8))],
                        MONDAY)
        self.assertEqual([(slot.task_id, slot.reason, slot.params) for slot in result.slots],
                         [(1, p.FROM_START, {"hours": 1.0}), (2, p.NOT_BEFORE, {"hours": 1.0})])


class TestBadInput(unittest.TestCase):

    def test_a_cycle_is_reported_with_its_tasks_in_order_and_the_rest_is_planned(self):
        tasks = [task(1, 1, predecessors=((3, 0),)), task(2, 1, predecessors=((1, 0),)),
                 task(3, 1, predecessors=((2, 0),)), task(4, 1, predecessors=((3, 0),)),
                 task(5, 2)]
        result = p.plan([lea()], tasks, MONDAY)
        self.assertEqual(result.unplanned, {
            1: (p.CYCLE, {"cycle": [1, 2, 3]}), 2: (p.CYCLE, {"cycle": [1, 2, 3]}),
            3: (p.CYCLE, {"cycle": [1, 2, 3]}), 4: (p.BLOCKED, {"task_id": 3})})
        self.assertEqual(result.dates, {5: (DT(2026, 3, 2, 8), DT(2026, 3, 2, 10))})

    def test_a_task_waiting_for_itself_is_a_cycle(self):
        result = p.plan([lea()], [task(1, 1, predecessors=((1, 0),))], MONDAY)
        self.assertEqual(result.unplanned, {1: (p.CYCLE, {"cycle": [1]})})

    def test_no_assignee_and_what_waits_for_it_is_blocked(self):
        tasks = [task(1, 3, users=()), task(2, 1, predecessors=((1, 0),)), task(3, 1)]
        result = p.plan([lea()], tasks, MONDAY)
        self.assertEqual(result.unplanned, {1: (p.NO_ASSIGNEE, {}),
                                            2: (p.BLOCKED, {"task_id": 1})})
        self.assertEqual(result.dates, {3: (DT(2026, 3, 2, 8), DT(2026, 3, 2, 9))})

    def test_an_assignee_without_working_hours_has_no_calendar(self):
        nobody = p.Person(7, "Sans calendrier")
        result = p.plan([lea(), nobody], [task(1, 3, users=(1, 7)), task(2, 1, users=(8,)),
                                          task(3, 1)], MONDAY)
        self.assertEqual(result.unplanned, {1: (p.NO_CALENDAR, {"user_id": 7}),
                                            2: (p.NO_CALENDAR, {"user_id": 8})})
        self.assertEqual(spans(result), [(DT(2026, 3, 2, 8), DT(2026, 3, 2, 9))])

    def test_no_room_before_the_horizon_and_nothing_half_written(self):
        result = p.plan([lea(), marc()], [task(1, 80, users=(1, 2)), task(2, 1)], MONDAY,
                        horizon_days=7)
        self.assertEqual(result.unplanned, {1: (p.BEYOND_HORIZON, {
            "user_id": 1, "until": DT(2026, 3, 9)})})
        # Léa's time was not consumed by the part that did not fit
        self.assertEqual(spans(result), [(DT(2026, 3, 2, 8), DT(2026, 3, 2, 9))])

    def test_a_task_that_must_have_hours_and_has_none(self):
        result = p.plan([lea()], [task(1, 0, milestone=False), task(2, -3)], MONDAY)
        self.assertEqual(result.unplanned, {1: (p.NO_HOURS, {}), 2: (p.NO_HOURS, {})})

    def test_unknown_predecessors_are_done_or_outside_the_planning(self):
        result = p.plan([lea()], [task(1, 1, predecessors=((99, 2),))], MONDAY)
        self.assertEqual(result.dates, {1: (DT(2026, 3, 2, 8), DT(2026, 3, 2, 9))})

    def test_empty_values_from_the_database_are_read_as_nothing(self):
        tasks = [p.Task(1, "Vide", None, None, None, priority=None, sequence=None),
                 p.Task(2, "Sans priorité", 2, (1,), priority=False, sequence=False)]
        result = p.plan([lea()], tasks, MONDAY)
        self.assertEqual(result.dates, {1: (MONDAY, MONDAY),
                                        2: (DT(2026, 3, 2, 8), DT(2026, 3, 2, 10))})

    def test_dates_as_odoo_11_text_are_read(self):
        person = lea(unavailable=(("2026-03-02 08:00:00", "2026-03-02 16:00:00"),
                                  ("pas une date", None)))
        tasks = [task(1, 7, deadline="2026-03-02"),
                 task(2, 1, not_before="2026-03-04 10:00:00", users=(2,))]
        result = p.plan([person, marc()], tasks, "2026-03-02 00:00:00")
        self.assertEqual(result.dates, {1: (DT(2026, 3, 3, 8), DT(2026, 3, 3, 16)),
                                        2: (DT(2026, 3, 4, 10), DT(2026, 3, 4, 11))})
        self.assertEqual([(late.task_id, late.deadline) for late in result.late],
                         [(1, date(2026, 3, 2))])

    def test_nothing_to_plan_is_an_empty_plan(self):
        result = p.plan([], [], MONDAY)
        self.assertEqual((result.slots, result.dates, result.late, result.unplanned),
                         ([], {}, [], {}))


class TestRandomProjects(unittest.TestCase):

    def test_on_random_projects_every_rule_holds(self):
        rng = random.Random(7)
        people = [p.Person(n, "P%s" % n, attendances=PARIS_35H, unavailable=tuple(
            (DT(2026, 3, 2 + day, 9), DT(2026, 3, 2 + day, 10)) for day in range(0, 20, 3)))
            for n in (1, 2, 3)]
        tasks = []
        for number in range(1, 61):
            predecessors = tuple((rng.randint(1, number - 1), rng.choice((0, 0, 1)))
                                 for _pred in range(rng.randint(0, 2)) if number > 1)
            tasks.append(task(number, rng.choice((0, 1, 2.5, 4, 7, 9)),
                              users=tuple(rng.sample((1, 2, 3), rng.choice((1, 1, 2)))),
                              predecessors=predecessors, priority=rng.choice((0, 1)),
                              sequence=rng.randint(1, 9)))
        result = p.plan(people, tasks, MONDAY)
        self.assertEqual((len(result.dates), result.unplanned), (60, {}))
        working = {}
        for person in people:
            free = wt.subtract(
                wt.working_intervals("Europe/Paris", PARIS_35H, date(2026, 3, 1),
                                     date(2026, 6, 1)),
                wt.merge((wt.to_minute(a), wt.to_minute(b)) for a, b in person.unavailable))
            working[person.id] = free
        for one in tasks:
            start, end = result.dates[one.id]
            slots = [slot for slot in result.slots if slot.task_id == one.id]
            self.assertAlmostEqual(sum(slot.hours for slot in slots), one.hours, places=6)
            for pred_id, _lag in one.predecessors:
                self.assertGreaterEqual(start, result.dates[pred_id][1])
            for slot in slots:
                self.assertTrue(start <= slot.start < slot.stop <= end)
                inside = [(a, b) for a, b in working[slot.user_id]
                          if a <= wt.to_minute(slot.start) and wt.to_minute(slot.stop) <= b]
                self.assertEqual(len(inside), 1, "slot outside working time: %s" % (slot,))
        for person in people:
            mine = sorted(spans(result, user_id=person.id))
            for (_start, stop), (next_start, _stop) in zip(mine, mine[1:]):
                self.assertLessEqual(stop, next_start)
        self.assertLess(max(end for _start, end in result.dates.values()),
                        MONDAY + timedelta(days=60))
