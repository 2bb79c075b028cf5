#!/usr/bin/env python3
"""Benchmark: crm_projects' automatic planner (addons/crm_projects/logic/planner.py).

    .venv/bin/python bench/bench_planner.py [--tasks 2000] [--people 50] [--seed 42]
        [--repeats 5] [--small-seeds 10] [--small-budget 20]

Plain Python, no Odoo, no database.

1. Speed. A reproducible instance (seeded random): ``--tasks`` tasks in about
   one project per 50 tasks, ``--people`` people in Paris on 35, 37 or 39 h
   weeks, each project a team of 3 to 6 of them; in each project, chains
   (a task waits for one of the few before it) and diamonds (a task waits for
   two), some lags of 1-2 working days, a tenth of the tasks shared by two
   people, a few milestones (no hours), priorities and deadlines; three months
   of calendars from Monday 23 March 2026 (the change to summer time is on the
   29th): the French public holidays of 2026, two leaves of 3 to 7 working days
   per person, about 4 meetings of 1 or 2 h a week each. ``plan()`` is called
   with its default horizon (366 days), as the Odoo side calls it.
   Timed: the median of ``--repeats`` calls of ``plan()``, and of a plain
   topological sort of the same tasks (``graphlib.TopologicalSorter``), and
   the ratio.
2. Quality on that instance: the finishing date against lower bounds that no
   plan can beat:
   - chain: each task as early as its predecessors (+ lag) allow in its
     assignees' working time (calendar, holidays, leaves, meetings) as if no
     other task used it: the longest dependency chain, in each person's own
     working hours;
   - person: for each person, the day their own available time from the start
     adds up to all the work assigned to them (the latest of those days);
   - team: the day the whole team's available time adds up to all the work
     (total work / total capacity; weaker than "person", shown for reference).
   Durations are counted in working hours of the standard 35 h Paris week
   (Monday-Friday 9:00-12:30, 13:30-17:00) from the start, so that nights and
   weekends do not count.
3. Quality on small instances (``--small-seeds`` seeds, 20 to 40 tasks, 2 to 4
   people, one project, same kinds of calendars over three weeks): the gap
   between the planner's makespan and the optimum found by a branch and bound
   of our own. The search is exact for the planner's model: each assignee's
   share of a task may be split anywhere in their free time, so the schedule
   that finishes the tasks in the order of an optimal schedule's completion
   times, each as early as possible (the planner's serial placement), is
   preemptive EDF on each person and finishes every task no later than that
   optimum; so the best of all precedence-feasible orders is optimal. The
   search enumerates the orders (one order per class of orders that only swap
   independent tasks: no shared person, no dependency), prunes with the chain
   and person bounds above computed on the free time left, and stops after
   ``--small-budget`` seconds per instance: an instance whose search stopped
   is reported as "not proven" with the best order found (its gap is then an
   upper bound of the planner's true gap... from below: the planner is at most
   that much worse than the best order found, and the optimum may be lower).
"""
import argparse
import graphlib
import os
import random
import statistics
import sys
import time
import types
from datetime import date, datetime, timedelta

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADDONS = os.path.join(REPO, "addons")


def _import_planner():
    """Import crm_projects.logic without the addon's __init__ (which needs Odoo)."""
    for name, path in (("crm_projects", os.path.join(ADDONS, "crm_projects")),):
        module = types.ModuleType(name)
        module.__path__ = [path]
        sys.modules.setdefault(name, module)
    from crm_projects.logic import planner, work_time
    return planner, work_time


planner, wt = _import_planner()
P = planner

START = datetime(2026, 3, 23, 6)          # Monday 23 March 2026, 7:00 in Paris
HOLIDAYS_2026 = [date(2026, 1, 1), date(2026, 4, 6), date(2026, 5, 1), date(2026, 5, 8),
                 date(2026, 5, 14), date(2026, 5, 25), date(2026, 7, 14), date(2026, 8, 15),
                 date(2026, 11, 1), date(2026, 11, 11), date(2026, 12, 25)]


def week(hours):
    """A Paris week of ``hours`` (35, 37 or 39) as attendances."""
    if hours == 39:   # 8 h Monday-Thursday, 7 h Friday
        return tuple((day, h_from, h_to) for day in range(5)
                     for h_from, h_to in ((8.5, 12.5), (13.5, 17.5 if day < 4 else 16.5)))
    end = 17.0 + (hours - 35) / 5.0
    return tuple((day, h_from, h_to) for day in range(5)
                 for h_from, h_to in ((9.0, 12.5), (13.5, end)))


REFERENCE = week(35)


def local_day(day):
    """The UTC interval of a whole local day in Paris."""
    return (wt.to_datetime(wt.local_to_minute("Europe/Paris", day, 0)),
            wt.to_datetime(wt.local_to_minute("Europe/Paris", day, 24)))


def working_days(first, count):
    """``count`` French working days (Monday-Friday, no public holiday) from ``first``."""
    days, day = [], first
    while len(days) < count:
        if day.weekday() < 5 and day not in HOLIDAYS_2026:
            days.append(day)
        day += timedelta(days=1)
    return days


def make_people(rng, count, weeks, first_id=1, leaves=(3, 7)):
    """People in Paris with holidays, two leaves and about 4 meetings a week."""
    people = []
    first_day = START.date()
    all_days = working_days(first_day, weeks * 5)
    for number in range(count):
        hours = rng.choice((35, 37, 39))
        unavailable = [local_day(day) for day in HOLIDAYS_2026]
        for _leave in range(2 if leaves else 0):
            length = rng.randint(*leaves)
            begin = rng.randrange(0, max(1, len(all_days) - length))
            unavailable.extend(local_day(day) for day in all_days[begin:begin + length])
        for day in all_days:
            for _meeting in range(rng.choice((0, 1, 1, 1, 2))):
                hour = rng.choice((9, 10, 11, 14, 15, 16))
                length = rng.choice((1, 1, 2)) if hour not in (11, 16) else 1
                begin = wt.local_to_minute("Europe/Paris", day, hour)
                unavailable.append((wt.to_datetime(begin),
                                    wt.to_datetime(begin + 60 * length)))
        people.append(P.Person(first_id + number, "Personne %d" % (first_id + number),
                               attendances=week(hours), unavailable=tuple(unavailable)))
    return people


HOURS = (1, 2, 2, 3, 4, 4, 6, 7, 8, 8, 12, 14)


def make_project(rng, first_id, count, team, deadlines=True, extras=True, load=None):
    """One project's tasks: chains and diamonds over the tasks before. ``load``:
    hours given to each person so far; each task goes to the less busy of two
    members of the team (a manager spreads the work)."""
    load = {} if load is None else load
    tasks = []
    for number in range(count):
        task_id = first_id + number
        predecessors = []
        if number and rng.random() < 0.75:
            back = rng.randint(1, min(number, 5))
            predecessors.append((task_id - back, rng.choice((0, 0, 0, 0, 1, 2))))
            if number > 2 and rng.random() < 0.2:   # a diamond closes
                other = task_id - rng.randint(1, min(number, 8))
                if other not in (pred for pred, _lag in predecessors):
                    predecessors.append((other, 0))
        if extras and number and rng.random() < 0.04:
            hours, users = 0.0, ()                  # a milestone
        else:
            hours = rng.choice(HOURS)
            if rng.random() < 0.1:
                users = tuple(rng.sample(team, 2))
            else:
                users = (min(rng.sample(team, 2), key=lambda user: load.get(user, 0)),)
            for user in users:
                load[user] = load.get(user, 0) + hours / len(users)
        deadline = None
        if deadlines and rng.random() < 0.15:
            deadline = (START + timedelta(days=rng.randint(14, 100))).date()
        tasks.append(P.Task(task_id, "Tâche %d" % task_id, hours, users,
                            tuple(predecessors),
                            priority=1 if extras and rng.random() < 0.1 else 0,
                            deadline=deadline, sequence=number))
    return tasks


def large_instance(seed, task_count, people_count):
    rng = random.Random(seed)
    people = make_people(rng, people_count, 13)
    ids = [person.id for person in people]
    tasks = []
    projects = []
    load = {}
    count_of_projects = max(1, task_count // 50)
    for project in range(count_of_projects):
        count = task_count // count_of_projects + (
            1 if project < task_count % count_of_projects else 0)
        # the team: among the 15 least busy people
        free_most = sorted(ids, key=lambda user: (load.get(user, 0), rng.random()))[:15]
        team = rng.sample(free_most, rng.randint(3, 6))
        made = make_project(rng, len(tasks) + 1, count, team, load=load)
        projects.append(made)
        tasks.extend(made)
    return people, tasks, projects


def small_instance(seed):
    rng = random.Random(1000 + seed)
    people = make_people(rng, rng.randint(2, 4), 4, leaves=(1, 2))
    tasks = make_project(rng, 1, rng.randint(20, 40), [person.id for person in people],
                         deadlines=False, extras=False)
    return people, tasks


# --------------------------------------------------------------------------
# measures

def median_time(function, repeats):
    times = []
    for _repeat in range(repeats):
        begin = time.perf_counter()
        function()
        times.append(time.perf_counter() - begin)
    return statistics.median(times)


def topological_sort(tasks):
    graph = {task.id: [pred for pred, _lag in task.predecessors] for task in tasks}
    return list(graphlib.TopologicalSorter(graph).static_order())


REFERENCE_FREE = None


def working_hours_since_start(moment):
    """Working hours of the standard 35 h Paris week from START to ``moment``."""
    global REFERENCE_FREE
    if REFERENCE_FREE is None:
        REFERENCE_FREE = wt.working_intervals("Europe/Paris", REFERENCE, START.date(),
                                              START.date() + timedelta(days=800))
    first, last = wt.to_minute(START), wt.to_minute(moment)
    return sum(max(0, min(end, last) - max(start, first))
               for start, end in REFERENCE_FREE) / 60.0


def people_state(people, tasks, start, horizon_days=366):
    wanted = {user for task in tasks for user in task.user_ids}
    first = wt.to_minute(start)
    last = wt.to_minute(start + timedelta(days=horizon_days))
    return {person.id: P._Person(person, first, last) for person in people
            if person.id in wanted}, first


_SHARES = {}


def shares(task):
    """[(person id, minutes)] of a task, as the planner shares it."""
    found = _SHARES.get(task)
    if found is None:
        found = _SHARES[task] = list(zip(task.user_ids, P._minutes_shares(
            task.hours, len(task.user_ids)))) if task.user_ids else []
    return found


def topological(tasks):
    by_id = {task.id: task for task in tasks}
    order = topological_sort(tasks)
    return [by_id[task_id] for task_id in order if task_id in by_id]


def chain_bound(tasks, state, first, free_of, ends=None, topo=None, releases=None):
    """The chain lower bound: every task as early as possible in its assignees'
    time given by ``free_of(person)``, as if nothing else used it. ``ends``: the
    tasks already placed. Returns the latest end (minutes); fills ``releases``
    (person -> [(earliest start, minutes)]) with the parts not placed."""
    placed = ends or {}
    ends = dict(placed)
    latest = first
    for task in topo or topological(tasks):
        if task.id in ends:
            latest = max(latest, ends[task.id])
            continue
        earliest = {}
        for user_id, minutes in shares(task) or [(None, 0)]:
            moment = first
            person = state.get(user_id)
            for pred_id, lag in task.predecessors:
                if pred_id in ends:
                    if person is not None:
                        moment = max(moment, person.after_lag(ends[pred_id], lag))
                    else:
                        moment = max(moment, ends[pred_id] + int(round(lag * 1440)))
            earliest[user_id] = (moment, minutes)
            if releases is not None and user_id is not None and minutes > 0:
                releases.setdefault(user_id, []).append((moment, minutes))
        end = first
        for user_id, (moment, minutes) in earliest.items():
            if user_id is None or minutes <= 0:
                end = max(end, moment)
                continue
            pieces = free_of(state[user_id]).take(moment, minutes)
            end = max(end, pieces[-1][1] if pieces else 10 ** 12)
        ends[task.id] = end
        latest = max(latest, end)
    return latest


def person_bound(tasks, state, first, free_of, placed=()):
    """The person lower bound: the latest day a person's free time from the start
    adds up to the work assigned to them and not placed yet."""
    work = {}
    for task in tasks:
        if task.id not in placed:
            for user_id, minutes in shares(task):
                work[user_id] = work.get(user_id, 0) + minutes
    latest = first
    for user_id, minutes in work.items():
        if minutes > 0:
            pieces = free_of(state[user_id]).take(first, minutes)
            latest = max(latest, pieces[-1][1] if pieces else 10 ** 12)
    return latest


def team_bound(tasks, state, first):
    """Total work / total capacity: the first minute when the whole team's
    available time from the start adds up to all the work."""
    total = sum(minutes for task in tasks for _user, minutes in shares(task))
    events = []
    for person in state.values():
        events.extend(person.avail)
    # sweep: capacity accumulates at (number of people working) per minute
    points = sorted([(start, 1) for start, _end in events] + [(end, -1) for _start, end in events])
    done, working, previous = 0, 0, first
    for moment, change in points:
        if working and done + working * (moment - previous) >= total:
            return previous + -(-(total - done) // working)
        done += working * (moment - previous)
        working += change
        previous = moment
    return previous


def quality(people, tasks, result):
    state, first = people_state(people, tasks, START)
    finish = max(end for _start, end in result.dates.values())
    bounds = {
        "chain": chain_bound(tasks, state, first, lambda person: person.pristine),
        "person": person_bound(tasks, state, first, lambda person: person.pristine),
        "team": team_bound(tasks, state, first),
    }
    return finish, {name: wt.to_datetime(value) for name, value in bounds.items()}


# --------------------------------------------------------------------------
# the exact search on small instances

class Search(object):
    """Branch and bound over the planner's placement orders (see the module docstring)."""

    def __init__(self, people, tasks, budget):
        self.tasks = {task.id: task for task in tasks}
        self.topo = topological(tasks)
        # the small projects end within a few weeks: 60 days of calendar is enough
        # (checked: the search asserts that the best order ends before)
        self.state, self.first = people_state(people, tasks, START, horizon_days=60)
        self.succs = {task.id: [] for task in tasks}
        for task in tasks:
            for pred_id, _lag in task.predecessors:
                self.succs[pred_id].append(task.id)
        self.users = {task.id: set(task.user_ids) for task in tasks}
        self.preds = {task.id: {pred for pred, _lag in task.predecessors} for task in tasks}
        self.tail = {}
        for task in reversed(self.topo):
            self.tail[task.id] = task.hours / max(1, len(task.user_ids)) + max(
                [self.tail[succ] for succ in self.succs[task.id]] or [0])
        self.deadline = time.perf_counter() + budget
        self.best = None
        self.best_order = None
        self.nodes = 0
        self.complete = True
        self.seen = set()

    def independent(self, one, other):
        return (not self.users[one] & self.users[other] and other not in self.preds[one]
                and one not in self.preds[other])

    def parts(self, task, ends):
        """Where the planner would put ``task`` now: [(person, pieces)] and its end."""
        parts = []
        end = self.first
        for user_id, minutes in shares(task):
            person = self.state[user_id]
            moment = self.first
            for pred_id, lag in task.predecessors:
                moment = max(moment, person.after_lag(ends[pred_id], lag))
            if minutes <= 0:
                continue
            pieces = person.free.take(moment, minutes)
            if pieces is None:
                return None, None
            parts.append((person, pieces))
            end = max(end, pieces[-1][1])
        if not parts:
            for pred_id, _lag in task.predecessors:
                end = max(end, ends[pred_id])
        return parts, end

    def lower_bound(self, ends):
        """The chain bound on the free time left, and for each person the end of
        their remaining parts, each from its chain-bound release, preemptive and
        as early as possible (the best one person could do)."""
        releases = {}
        bound = max(chain_bound(self.topo, self.state, self.first, lambda p: p.free, ends,
                                self.topo, releases),
                    max(ends.values()) if ends else self.first)
        for user_id, parts in releases.items():
            free = wt.FreeTime([])
            free.starts = list(self.state[user_id].free.starts)
            free.ends = list(self.state[user_id].free.ends)
            for release, minutes in sorted(parts):
                pieces = free.take(release, minutes)
                if pieces is None:
                    return 10 ** 12
                free.consume(pieces)
                bound = max(bound, pieces[-1][1])
        return bound

    def run(self, upper=None):
        self.best = upper
        waiting = {task_id: len(task.predecessors) for task_id, task in self.tasks.items()}
        self._search({}, [], waiting, None, self.first)
        return self.best

    def _search(self, ends, order, waiting, last, last_end):
        self.nodes += 1
        if len(ends) == len(self.tasks):
            makespan = max(ends.values())
            if self.best is None or makespan < self.best:
                self.best, self.best_order = makespan, list(order)
            return
        if time.perf_counter() > self.deadline:
            self.complete = False
            return
        key = (frozenset(ends.items()), last, last_end,
               tuple(tuple(person.free.starts) for person in self.state.values()))
        if key in self.seen:
            return      # reached before by another order: the same placements
        self.seen.add(key)
        if self.best is not None and self.lower_bound(ends) >= self.best:
            return
        children = []
        for task_id, count in waiting.items():
            if count or task_id in ends:
                continue
            parts, end = self.parts(self.tasks[task_id], ends)
            if end is None or end < last_end:
                continue    # an optimal order never finishes a task before the one before
            if end == last_end and last is not None and task_id < last \
                    and self.independent(task_id, last):
                continue    # the same schedule as placing them the other way round
            children.append((end, -self.tail[task_id], task_id, parts))
        children.sort(key=lambda child: child[:3])
        for end, _tail, task_id, parts in children:
            if self.best is not None and end >= self.best:
                break
            undo = []
            for person, pieces in parts:
                undo.append((person, list(person.free.starts), list(person.free.ends)))
                person.free.consume(pieces)
            ends[task_id] = end
            order.append(task_id)
            for succ in self.succs[task_id]:
                waiting[succ] -= 1
            self._search(ends, order, waiting, task_id, end)
            for succ in self.succs[task_id]:
                waiting[succ] += 1
            order.pop()
            del ends[task_id]
            for person, starts, finishes in undo:
                person.free.starts[:] = starts
                person.free.ends[:] = finishes
            if not self.complete:
                return


# --------------------------------------------------------------------------

def fmt(moment):
    return moment.strftime("%a %d/%m/%Y %H:%M")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=2000)
    parser.add_argument("--people", type=int, default=50)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--small-seeds", type=int, default=10)
    parser.add_argument("--small-budget", type=float, default=20.0,
                        help="seconds of exact search per small instance")
    args = parser.parse_args()
    load = "%.1f" % os.getloadavg()[0]

    people, tasks, projects = large_instance(args.seed, args.tasks, args.people)
    edges = sum(len(task.predecessors) for task in tasks)
    meetings = sum(len(person.unavailable) for person in people)
    print("instance: %d tasks in %d projects (%d dependencies, %d milestones, %d shared), "
          "%d people, %d unavailable intervals, %.0f h of work, seed %d; load average %s"
          % (len(tasks), len(projects), edges, sum(1 for task in tasks if task.hours <= 0),
             sum(1 for task in tasks if len(task.user_ids) > 1), len(people), meetings,
             sum(task.hours for task in tasks), args.seed, load))
    topo_time = median_time(lambda: topological_sort(tasks), args.repeats)
    state, first = people_state(people, tasks, START)
    project_bounds = [working_hours_since_start(wt.to_datetime(chain_bound(
        project, state, first, lambda person: person.pristine))) for project in projects]

    print("\n| order | plan() median of %d | ratio to topological sort | slots "
          "| planned / unplanned / late (chain, capacity) | overlaps | finish "
          "| finish (working h) | mean project end (working h) | mean project end / its "
          "chain bound |" % args.repeats)
    print("|---|---:|---:|---:|---|---:|---|---:|---:|---:|")
    results = {}
    for order in (P.ORDER_SEQUENCE, P.ORDER_CRITICAL):
        def cold_plan():
            # what plan() keeps between calls (calendars, UTC offsets) is cleared:
            # each call starts as the first call of a new process
            wt._working_intervals.cache_clear()
            wt._OFFSETS.clear()
            return P.plan(people, tasks, START, order=order)

        result = results[order] = cold_plan()
        plan_time = median_time(cold_plan, args.repeats)
        overlaps = 0
        by_person = {}
        for slot in result.slots:
            by_person.setdefault(slot.user_id, []).append((slot.start, slot.stop))
        for spans in by_person.values():
            spans.sort()
            overlaps += sum(1 for one, two in zip(spans, spans[1:]) if one[1] > two[0])
        chain = sum(1 for late in result.late if late.reason == P.LATE_CHAIN)
        finish = max(end for _start, end in result.dates.values())
        project_ends = [working_hours_since_start(max(result.dates[task.id][1]
                                                      for task in project))
                        for project in projects]
        print("| %s | %.3f s | %.0fx | %d | %d / %d / %d (%d, %d) | %d | %s | %.1f | %.1f "
              "| %.2f |" % (order, plan_time, plan_time / topo_time, len(result.slots),
                            len(result.dates), len(result.unplanned), len(result.late), chain,
                            len(result.late) - chain, overlaps, fmt(finish),
                            working_hours_since_start(finish), statistics.mean(project_ends),
                            statistics.mean(end / bound for end, bound
                                            in zip(project_ends, project_bounds))))
    print("\ngraphlib.TopologicalSorter.static_order(), median of %d: %.4f s"
          % (args.repeats, topo_time))

    finish, bounds = quality(people, tasks, results[P.ORDER_SEQUENCE])
    lower = max(bounds.values())
    print("\n| lower bound of the finishing date | date | working hours from the start |")
    print("|---|---|---:|")
    for name, label in (("chain", "longest chain in the assignees' time"),
                        ("person", "busiest person's work in their time"),
                        ("team", "(total work / total capacity)")):
        print("| %s | %s | %.1f |" % (label, fmt(bounds[name]),
                                      working_hours_since_start(bounds[name])))
    for order, result in results.items():
        finish = max(end for _start, end in result.dates.values())
        span, bound = working_hours_since_start(finish), working_hours_since_start(lower)
        print("order=%s: gap to the lower bound %.1f %% (%.1f working hours)"
              % (order, 100.0 * (span - bound) / bound, span - bound))
    print("mean chain bound of a project alone: %.1f working hours"
          % statistics.mean(project_bounds))

    if args.small_seeds:
        print("\nsmall instances: planner against the exact search (%.0f s budget each)\n"
              % args.small_budget)
        print("| seed | tasks | people | planner, sequence (h) | planner, critical (h) "
              "| best order (h) | lower bound (h) | gap, sequence | gap, critical | proven "
              "| nodes | search (s) |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|")
        gaps = []
        for seed in range(args.small_seeds):
            people, tasks = small_instance(seed)
            finish = {}
            for order in (P.ORDER_SEQUENCE, P.ORDER_CRITICAL):
                result = P.plan(people, tasks, START, order=order)
                finish[order] = wt.to_minute(max(end for _start, end in result.dates.values()))
            search = Search(people, tasks, args.small_budget)
            root_bound = search.lower_bound({})
            begin = time.perf_counter()
            best = search.run(min(finish.values()) + 1)
            elapsed = time.perf_counter() - begin
            if search.best_order is None:   # the planner's plan was the best
                best = min(finish.values())
            values = (finish[P.ORDER_SEQUENCE], finish[P.ORDER_CRITICAL], best, root_bound)
            hours = [working_hours_since_start(wt.to_datetime(value)) for value in values]
            assert best <= min(finish.values()) and root_bound <= best, "the search is wrong"
            gap = [100.0 * (hours[i] - hours[2]) / hours[2] for i in (0, 1)]
            gaps.append(gap)
            print("| %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f %% | %.1f %% | %s | %d "
                  "| %.1f |" % (seed, len(tasks), len(search.state), hours[0], hours[1],
                                hours[2], hours[3], gap[0], gap[1],
                                "yes" if search.complete else "no", search.nodes, elapsed))
        for i, name in enumerate(("sequence", "critical")):
            print("\norder=%s: mean gap %.1f %%, worst %.1f %%, optimal in %d of %d"
                  % (name, statistics.mean(gap[i] for gap in gaps),
                     max(gap[i] for gap in gaps), sum(1 for gap in gaps if gap[i] < 0.05),
                     len(gaps)))
    print("load average at the end: %.1f" % os.getloadavg()[0])


if __name__ == "__main__":
    main()
