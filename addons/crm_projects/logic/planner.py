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

Parameters of the reasons (datetimes naive UTC, hours rounded to the minute)
    Slot.params: always {"hours": the slot's hours}; the first slot of each
    assignee's part also says why it starts there (Slot.reason): AFTER_TASK
    adds {"task_id": the predecessor that ended last (+ lag)}; NOT_BEFORE and
    FROM_START add nothing; the next slots of that part are CONTINUED.
    So: "after task X, Léa's first free 4 h on Tuesday" is (slot.reason,
    params["task_id"], slot.user_id, slot.start, params["hours"]).
    Late.params: LATE_CHAIN {"task_id": predecessor, "end": its end} ("X ends
    on ..."); LATE_CAPACITY {"user_id", "free_from": the start of that
    person's part, "hours": its hours} ("Léa has no free time before ...")
    for the assignee whose part ends last; a milestone late with no
    predecessor: LATE_CAPACITY {"free_from"}.
    Plan.unplanned params: CYCLE {"cycle": [ids, each waiting for the one
    before it, the first for the last]}; BLOCKED {"task_id": the unplanned
    task it waits for}; NO_CALENDAR {"user_id": the assignee with no working
    hours, or not given}; BEYOND_HORIZON {"user_id" (absent for a milestone),
    "until": the end of the horizon}; NO_ASSIGNEE and NO_HOURS {}.

Rules
    Each person's working time: their attendances, day by day in their own
    time zone (summer time included), minus ``unavailable``; work planned by
    this run is taken from it, so one person's slots never overlap. A task's
    hours are rounded to the minute and shared equally between its assignees
    (the odd minutes to the first ones), each part as early as possible in
    that person's free time, split over as many periods as needed; the task
    ends when its last part ends. A task starts after each predecessor's end
    plus the lag in working days of the assignee (1 = the next working day's
    start; a fraction = that share of the working time of the day reached;
    a day off is not a working day), never before ``not_before`` nor the start.
    A task with no hours is a milestone (``Task.milestone``): at the end of
    its predecessors (+ lag, in calendar days when it has no assignee).
    Predecessors that are not among the tasks given are done or outside the
    planning: ignored (give their end as ``not_before``). A deadline is the end
    of that day in the first assignee's time zone (UTC without one).
"""
import bisect
import heapq
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Dict, List, Optional, Tuple

from odoo.addons.crm_base.logic import work_time as wt

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

# The order among ready tasks (plan(order=...)), after deadlines and priority
ORDER_SEQUENCE = "sequence"          # the order of the project, then the longest chain after
ORDER_CRITICAL = "critical"          # the longest chain of work after the task, then sequence

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
    # Optional, added by the planner's author. None: a task with no hours is a
    # milestone (placed at the end of its predecessors, start == end). False: a
    # task that must have hours: with none it is unplanned (NO_HOURS) and what
    # waits for it BLOCKED. Negative hours are always NO_HOURS.
    milestone: Optional[bool] = None


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


# ---------------------------------------------------------------------------
# The planner
# ---------------------------------------------------------------------------

NEVER = float("inf")


class _Person(object):
    """What the planner knows of one person during a run (minutes since the epoch)."""
    __slots__ = ("person", "avail", "free", "pristine", "day_ordinals", "day_starts",
                 "day_minutes", "week_minutes")

    def __init__(self, person, first_minute, last_minute):
        self.person = person
        first_day = wt.to_datetime(first_minute).date() - timedelta(days=1)
        last_day = wt.to_datetime(last_minute).date() + timedelta(days=1)
        working = wt.working_intervals(person.tz, person.attendances, first_day, last_day)
        unavailable = []
        for start, stop in person.unavailable or ():
            start, stop = wt.as_datetime(start), wt.as_datetime(stop)
            if start is not None and stop is not None:   # anything else is ignored
                unavailable.append((wt.to_minute(start), wt.to_minute(stop)))
        unavailable = wt.merge(unavailable)
        self.avail = wt.clip(wt.subtract(working, unavailable), first_minute, last_minute)
        self.free = wt.FreeTime(self.avail)        # consumed as tasks are placed
        self.pristine = wt.FreeTime(self.avail)    # never consumed: what could have been
        self.week_minutes = sum(max(0.0, hour_to - hour_from) * 60
                                for _day, hour_from, hour_to in person.attendances)
        # working days (local dates with some available time): their first minute, length
        ordinals, starts, minutes = [], [], []
        for start, end in self.avail:
            ordinal = wt.local_ordinal(person.tz, start)
            if ordinals and ordinals[-1] == ordinal:
                minutes[-1] += end - start
            else:
                ordinals.append(ordinal)
                starts.append(start)
                minutes.append(end - start)
        self.day_ordinals, self.day_starts, self.day_minutes = ordinals, starts, minutes

    def after_lag(self, moment, lag):
        """The earliest start ``lag`` working days after ``moment``: a lag of 1 is
        the start of the next working day, a fraction is that share of the working
        time of the day reached. None when it falls beyond the horizon."""
        if lag <= 0:
            return moment
        whole = int(lag)
        fraction = lag - whole
        ordinal = wt.local_ordinal(self.person.tz, moment)
        if whole:
            index = bisect.bisect_right(self.day_ordinals, ordinal) + whole - 1
            if index >= len(self.day_starts):
                return None
            moment = self.day_starts[index]
        else:
            index = bisect.bisect_left(self.day_ordinals, ordinal)
            if index >= len(self.day_starts):
                return None
        minutes = int(round(fraction * self.day_minutes[index]))
        if minutes:
            pieces = self.pristine.take(moment, minutes)
            if pieces is None:
                return None
            moment = pieces[-1][1]
        return moment


def _minutes_shares(hours, count):
    """``hours`` rounded to the minute, shared equally between ``count`` people
    (the first ones get the odd minutes)."""
    total = int(round(hours * 60))
    base, odd = divmod(total, count)
    return [base + (1 if i < odd else 0) for i in range(count)]


def _deadline_minute(task, people):
    """The end of the deadline's day, in the first assignee's time zone (UTC without one)."""
    tz_name = "UTC"
    for user_id in task.user_ids:
        if user_id in people:
            tz_name = people[user_id].person.tz
            break
    return wt.local_to_minute(tz_name, task.deadline, 24)


def _find_cycle(node, members, successors):
    """A cycle through ``node`` within ``members`` (ids in dependency order: each
    waits for the one before it), by a breadth-first search."""
    parents = {node: None}
    queue = [node]
    for current in queue:
        for nxt in successors.get(current, ()):
            if nxt == node:
                path = [current]
                while parents[path[-1]] is not None:
                    path.append(parents[path[-1]])
                path.reverse()
                return path
            if nxt in members and nxt not in parents:
                parents[nxt] = current
                queue.append(nxt)
    return [node]


def _strong_components(nodes, successors):
    """Tarjan's strongly connected components of ``nodes`` (iterative)."""
    index, low, on_stack, stack, result = {}, {}, set(), [], []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(successors.get(root, ())))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in nodes:
                    continue
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(successors.get(child, ()))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                result.append(component)
    return result


def plan(persons, tasks, start, horizon_days=366, order=ORDER_SEQUENCE):
    """Plan ``tasks`` in the free time of ``persons`` from ``start`` (naive UTC)
    for at most ``horizon_days``. Never raises on bad input: what cannot be
    planned is in ``Plan.unplanned`` with its reason, the rest is planned.

    Tasks are taken one at a time among those whose predecessors are placed
    (Kahn's order, with a heap), each placed as early as possible in its
    assignees' free time (so a task taken later may still fill a gap left
    earlier). Among ready tasks: the most deadline-critical first (the latest
    start that still meets the deadlines after it), then the highest priority,
    then ``order``: ORDER_SEQUENCE (default) the project's sequence, then the
    longest chain of work after the task; ORDER_CRITICAL that chain first, then
    the sequence. ORDER_CRITICAL finishes projects earlier (bench/README.md,
    planner) at the cost of not following the project's order."""
    result = Plan()
    start = wt.as_datetime(start)
    first = wt.to_minute(start)
    last = wt.to_minute(start + timedelta(days=horizon_days))

    # the tasks (the first of a repeated id wins) and their dependencies
    by_id = {}
    for task in tasks:
        if task.id not in by_id:
            by_id[task.id] = _clean(task)
    preds = {}
    succs = {}
    for task in by_id.values():
        lags = {}
        for pred_id, lag in task.predecessors:
            if pred_id in by_id:   # unknown ids: done, or outside this planning
                lags[pred_id] = max(lags.get(pred_id, 0.0), float(lag or 0.0))
        preds[task.id] = lags
        for pred_id in lags:
            succs.setdefault(pred_id, []).append(task.id)

    # the people the tasks need, with their free time (once)
    wanted = set()
    for task in by_id.values():
        wanted.update(task.user_ids)
    people = {}
    for person in persons:
        if person.id in wanted and person.id not in people and person.attendances:
            people[person.id] = _Person(person, first, last)

    # topological order (Kahn) to propagate the deadlines backwards
    indegree = {task_id: len(lags) for task_id, lags in preds.items()}
    topological = [task_id for task_id, count in indegree.items() if count == 0]
    remaining = dict(indegree)
    for task_id in topological:
        for succ in succs.get(task_id, ()):
            remaining[succ] -= 1
            if remaining[succ] == 0:
                topological.append(succ)
    latest_start = {}
    tail = {}   # the longest chain of work from the task to the end, in minutes
    for task_id in reversed(topological):
        task = by_id[task_id]
        finish = _deadline_minute(task, people) if task.deadline else NEVER
        longest = 0.0
        for succ in succs.get(task_id, ()):
            lag = preds[succ][task_id]
            finish = min(finish, latest_start[succ] - lag * 1440 * 7 / 5)
            longest = max(longest, tail[succ])
        duration = _duration_estimate(task, people)
        latest_start[task_id] = finish - duration
        tail[task_id] = longest + duration

    # forward: among ready tasks, the most deadline-critical, then priority,
    # sequence, then the one with the longest chain of work after it
    def key(task_id):
        task = by_id[task_id]
        if order == ORDER_CRITICAL:
            return (latest_start[task_id], -task.priority, -tail[task_id], task.sequence,
                    task_id)
        return (latest_start[task_id], -task.priority, task.sequence, -tail[task_id], task_id)

    ends = {}
    ready = [key(task_id) for task_id, count in indegree.items() if count == 0]
    heapq.heapify(ready)
    left = dict(indegree)
    while ready:
        task_id = heapq.heappop(ready)[-1]
        _place(by_id[task_id], preds[task_id], people, (first, last), ends, result)
        for succ in succs.get(task_id, ()):
            left[succ] -= 1
            if left[succ] == 0:
                heapq.heappush(ready, key(succ))

    # what never became ready: cycles, and what waits for them
    stuck = {task_id for task_id, count in left.items() if count > 0}
    if stuck:
        for component in _strong_components(stuck, succs):
            members = set(component)
            if len(component) == 1 and component[0] not in preds[component[0]]:
                continue
            for node in sorted(members):
                if node in result.unplanned:
                    continue
                cycle = _find_cycle(node, members, succs)
                for member in cycle:
                    result.unplanned.setdefault(member, (CYCLE, {"cycle": list(cycle)}))
        _block_stuck(stuck, preds, succs, result)
    result.slots.sort(key=lambda slot: (slot.start, slot.user_id, slot.task_id))
    return result


def _clean(task):
    """The task with empty values (None, False) read as 0 or nothing, and its
    dates as ``date`` / naive UTC ``datetime`` even if given as Odoo's text."""
    values = {
        "hours": float(task.hours or 0.0), "priority": int(task.priority or 0),
        "sequence": int(task.sequence or 0), "user_ids": tuple(task.user_ids or ()),
        "predecessors": tuple(task.predecessors or ()),
        "deadline": wt.as_date(task.deadline) if task.deadline else None,
        "not_before": wt.as_datetime(task.not_before) if task.not_before else None,
    }
    if all(getattr(task, name) == value and type(getattr(task, name)) is type(value)
           for name, value in values.items()):
        return task
    return replace(task, **values)


def _duration_estimate(task, people):
    """Elapsed minutes a task may take, to rank deadlines: each assignee's share
    stretched by their week (35 h of work take 168 h of time)."""
    if task.hours <= 0 or not task.user_ids:
        return 0.0
    longest = 0.0
    share = task.hours * 60.0 / len(task.user_ids)
    for user_id in task.user_ids:
        person = people.get(user_id)
        week = person.week_minutes if person else 0.0
        longest = max(longest, share * 10080.0 / week if week else share)
    return longest


def _block_stuck(stuck, preds, succs, result):
    """The tasks waiting, directly or not, for a task of a cycle: BLOCKED."""
    queue = [task_id for task_id in stuck if task_id in result.unplanned]
    for task_id in queue:
        for succ in succs.get(task_id, ()):
            if succ in stuck and succ not in result.unplanned:
                result.unplanned[succ] = (BLOCKED, {"task_id": task_id})
                queue.append(succ)
    for task_id in stuck:   # cannot happen, but nothing is left unexplained
        if task_id not in result.unplanned:
            result.unplanned[task_id] = (BLOCKED, {"task_id": next(iter(preds[task_id]))})


def _place(task, lags, people, window, ends, result):
    """Place one task whose predecessors have all been handled; ``window``: the
    first and last minutes of the planning."""
    first, last = window
    horizon = wt.to_datetime(last)
    for pred_id in lags:
        if pred_id in result.unplanned:
            result.unplanned[task.id] = (BLOCKED, {"task_id": pred_id})
            return
    not_before = wt.to_minute(task.not_before) if task.not_before else None
    milestone = task.hours <= 0
    if milestone and (task.hours < 0 or task.milestone is False):
        result.unplanned[task.id] = (NO_HOURS, {})
        return
    if not milestone and not task.user_ids:
        result.unplanned[task.id] = (NO_ASSIGNEE, {})
        return
    user_ids = list(dict.fromkeys(task.user_ids))
    for user_id in user_ids:
        if user_id not in people:
            if not milestone:
                result.unplanned[task.id] = (NO_CALENDAR, {"user_id": user_id})
                return
    if milestone:
        _place_milestone(task, lags, people, user_ids, window, not_before, ends, result)
        return

    # each assignee's part: from their earliest start, in their free time
    parts = []
    for user_id, minutes in zip(user_ids, _minutes_shares(task.hours, len(user_ids))):
        person = people[user_id]
        earliest, reason, params = first, FROM_START, {}
        if not_before is not None and not_before > earliest:
            earliest, reason, params = not_before, NOT_BEFORE, {}
        for pred_id, lag in sorted(lags.items()):
            ready = person.after_lag(ends[pred_id], lag)
            if ready is None:
                result.unplanned[task.id] = (BEYOND_HORIZON, {"user_id": user_id,
                                                              "until": horizon})
                return
            if ready > earliest or (ready == earliest and reason != AFTER_TASK
                                    and ready > first):
                earliest, reason, params = ready, AFTER_TASK, {"task_id": pred_id}
        if minutes <= 0:
            continue
        pieces = person.free.take(earliest, minutes)
        if pieces is None:
            result.unplanned[task.id] = (BEYOND_HORIZON, {"user_id": user_id,
                                                          "until": horizon})
            return
        parts.append((user_id, person, earliest, reason, params, pieces))
    if not parts:
        # all the minutes rounded away: a milestone after all
        _place_milestone(task, lags, people, user_ids, window, not_before, ends, result)
        return

    task_start = min(part[5][0][0] for part in parts)
    task_end = max(part[5][-1][1] for part in parts)
    for user_id, person, earliest, reason, params, pieces in parts:
        person.free.consume(pieces)
        merged = []
        for start, stop in pieces:
            if merged and merged[-1][1] == start:
                merged[-1][1] = stop
            else:
                merged.append([start, stop])
        for number, (start, stop) in enumerate(merged):
            slot_params = dict(params) if number == 0 else {}
            slot_params["hours"] = round((stop - start) / 60.0, 6)
            result.slots.append(Slot(
                task_id=task.id, user_id=user_id, start=wt.to_datetime(start),
                stop=wt.to_datetime(stop), hours=slot_params["hours"],
                reason=reason if number == 0 else CONTINUED, params=slot_params))
    ends[task.id] = task_end
    result.dates[task.id] = (wt.to_datetime(task_start), wt.to_datetime(task_end))
    if task.deadline:
        _check_deadline(task, lags, people, parts, task_end, ends, result)


def _place_milestone(task, lags, people, user_ids, window, not_before, ends, result):
    """A milestone (no hours) is at the end of its predecessors (+ lag)."""
    moment, last = window
    if not_before is not None:
        moment = max(moment, not_before)
    binding = None
    planners = [people[user_id] for user_id in user_ids if user_id in people]
    for pred_id, lag in sorted(lags.items()):
        if planners:
            candidates = [person.after_lag(ends[pred_id], lag) for person in planners]
            if any(candidate is None for candidate in candidates):
                result.unplanned[task.id] = (BEYOND_HORIZON,
                                             {"until": wt.to_datetime(last)})
                return
            ready = max(candidates)
        else:   # no one's working days: calendar days
            ready = ends[pred_id] + int(round(lag * 1440))
        if ready >= moment:
            moment, binding = ready, pred_id
    ends[task.id] = moment
    result.dates[task.id] = (wt.to_datetime(moment), wt.to_datetime(moment))
    if task.deadline:
        deadline = _deadline_minute(task, people)
        if moment > deadline:
            if binding is not None:
                params = {"task_id": binding, "end": wt.to_datetime(ends[binding])}
                result.late.append(Late(task.id, task.deadline, wt.to_datetime(moment),
                                        LATE_CHAIN, params))
            else:
                result.late.append(Late(task.id, task.deadline, wt.to_datetime(moment),
                                        LATE_CAPACITY, {"free_from": wt.to_datetime(moment)}))


def _check_deadline(task, lags, people, parts, task_end, ends, result):
    """A missed deadline and why: LATE_CHAIN if the task could not have made it
    even with its assignees' whole working time free after its predecessors
    (the chain ends too late), LATE_CAPACITY if their other work took that time."""
    deadline = _deadline_minute(task, people)
    if task_end <= deadline:
        return
    planned_end = wt.to_datetime(task_end)
    chained = [part for part in parts if part[3] == AFTER_TASK]
    ideal_end = 0
    for user_id, person, earliest, reason, params, pieces in parts:
        minutes = sum(stop - start for start, stop in pieces)
        ideal = person.pristine.take(earliest, minutes)
        ideal_end = max(ideal_end, ideal[-1][1] if ideal else task_end)
    if chained and ideal_end > deadline:
        pred_id = max(chained, key=lambda part: part[2])[4]["task_id"]
        params = {"task_id": pred_id, "end": wt.to_datetime(ends[pred_id])}
        result.late.append(Late(task.id, task.deadline, planned_end, LATE_CHAIN, params))
        return
    user_id, person, earliest, reason, params, pieces = max(parts, key=lambda p: p[5][-1][1])
    params = {"user_id": user_id, "free_from": wt.to_datetime(pieces[0][0]),
              "hours": round(sum(stop - start for start, stop in pieces) / 60.0, 6)}
    result.late.append(Late(task.id, task.deadline, planned_end, LATE_CAPACITY, params))
