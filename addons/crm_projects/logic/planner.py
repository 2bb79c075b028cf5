# -*- coding: utf-8 -*-
"""The automatic planner: places tasks in their assignees' free time.

Plain Python (no odoo import). The models hand it plain values and store what
it returns. Every datetime here is naive UTC, as Odoo stores them; each
person's working hours are given in their own time zone (``Person.tz``).

Input
    ``Person``: weekly working hours (the resource calendar's attendances)
    and the time they are not available (public holidays, leaves, meetings,
    work already planned on other projects), as UTC intervals.
    ``Task``: the hours left to plan, who does them, what they wait for
    (finish-to-start with a lag in working days), priority, deadline, and the
    earliest start a user may have given by moving it.
Output
    ``Plan``: the slots (one person, one task, one interval), each task's
    planned start and end, the deadlines missed and why, the tasks that could
    not be planned and why. Reasons are codes with parameters, worded by the
    models in the user's language.
"""
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Dict, List, Optional, Tuple

# Why a task could not be planned (Plan.unplanned)
NO_ASSIGNEE = "no_assignee"          # no one to do it (and it has hours)
NO_HOURS = "no_hours"                # nothing to plan (and it is not a milestone)
NO_CALENDAR = "no_calendar"          # an assignee has no working hours at all
CYCLE = "cycle"                      # it is part of a dependency cycle
BLOCKED = "blocked"                  # a task it depends on could not be planned
BEYOND_HORIZON = "beyond_horizon"    # no free time before the end of the horizon

# What a slot's explanation says (Slot.reason)
AFTER_TASK = "after_task"            # first free time after a predecessor ended (+ lag)
NOT_BEFORE = "not_before"            # first free time after the date the user chose
FROM_START = "from_start"            # first free time from the start of the planning
CONTINUED = "continued"              # the rest of a task split over several periods

# Why a deadline is missed (Late.reason)
LATE_CHAIN = "chain"                 # its predecessors end too late
LATE_CAPACITY = "capacity"           # its assignees have no free time early enough


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    tz: str = "Europe/Paris"
    # (weekday 0=Monday..6, hour_from, hour_to) in local time, e.g. (0, 8.0, 12.0)
    attendances: Tuple[Tuple[int, float, float], ...] = ()
    # UTC intervals when the person cannot work on planned tasks
    unavailable: Tuple[Tuple[datetime, datetime], ...] = ()


@dataclass(frozen=True)
class Task:
    id: int
    name: str
    hours: float
    user_ids: Tuple[int, ...] = ()
    # (predecessor task id, lag in working days)
    predecessors: Tuple[Tuple[int, float], ...] = ()
    priority: int = 0                 # higher is planned first among ready tasks
    deadline: Optional[date] = None
    not_before: Optional[datetime] = None
    sequence: int = 0                 # ties: the order of the project


@dataclass(frozen=True)
class Slot:
    task_id: int
    user_id: int
    start: datetime
    stop: datetime
    hours: float
    reason: str                       # AFTER_TASK, NOT_BEFORE, FROM_START, CONTINUED
    # AFTER_TASK: {"task_id": predecessor}; always {"hours": hours of this slot}
    params: Dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Late:
    task_id: int
    deadline: date
    planned_end: datetime
    reason: str                       # LATE_CHAIN or LATE_CAPACITY
    params: Dict[str, object] = field(default_factory=dict)


@dataclass
class Plan:
    slots: List[Slot] = field(default_factory=list)
    # task id -> (start, end) in UTC; milestones (no hours) have start == end
    dates: Dict[int, Tuple[datetime, datetime]] = field(default_factory=dict)
    late: List[Late] = field(default_factory=list)
    # task id -> (reason code, params)
    unplanned: Dict[int, Tuple[str, Dict[str, object]]] = field(default_factory=dict)
