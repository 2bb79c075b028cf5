# -*- coding: utf-8 -*-
"""The SLA clock of a helpdesk team: time counted in business hours.

Plain Python (no odoo import). Built on crm_base's ``work_time`` (weekly
attendances turned into UTC minute intervals, one day at a time, so that a
9:00-18:00 day stays 9:00-18:00 local time on both sides of a change of summer
time) and ``public_holidays`` (the French public holidays, with Alsace-Moselle's
Good Friday and 26 December as an option).

A moment is an ``int``, minutes since 1970-01-01 00:00 UTC (``work_time``'s
unit). The business time of a team is its weekly attendances in its time zone,
minus its calendar's closures (global leaves, UTC intervals) and the public
holidays of its region (whole local days). A ticket's pauses (the intervals it
waited for the customer) are taken out of the business time too.

The clock numbers the business minutes: ``position(moment)`` is the count of
business minutes from the start of its horizon to ``moment``. Adding business
time is moving forward in that numbering and reading the moment back with a
bisection, so that deadlines for many tickets sharing a calendar cost two
bisections each, once the intervals are built (``deadlines``).

Rule at the edges: a deadline that ends exactly when a working slot ends is
that end (Wednesday 18:00 + 4 working hours on a 9-12/14-18 calendar is
Thursday 12:00, not 13:00 as Odoo 11's ``resource.calendar.plan_hours`` says).
"""
import bisect
from datetime import timedelta

from odoo.addons.crm_base.logic import public_holidays, work_time

REGIONS = ("none", "fr", "fr_alsace_moselle")
# the horizon grows by this many days when a deadline falls beyond it
CHUNK_DAYS = 400
# a calendar with hours but none left in this many years (everything closed):
# no deadline
MAX_YEARS = 10


class EmptyCalendar(ValueError):
    """The calendar has no working hours: the clock cannot count."""


def holiday_days(region, first, last):
    """``[(date, code)]`` of the public holidays of ``region`` ('none', 'fr',
    'fr_alsace_moselle') between the dates ``first`` and ``last`` (inclusive)."""
    if region not in REGIONS:
        raise ValueError("Unknown public holidays region %r." % (region,))
    if region == "none":
        return []
    found = []
    for year in range(first.year, last.year + 1):
        for day, code in public_holidays.french_public_holidays(
                year, alsace_moselle=(region == "fr_alsace_moselle")):
            if first <= day <= last:
                found.append((day, code))
    return found


class BusinessClock(object):
    """The business hours of one calendar (``attendances``: ``(weekday,
    hour_from, hour_to)`` in ``tz_name``), minus ``closures`` (UTC minute
    intervals) and the public holidays of ``region``.

    ``since``: the minute from which it counts (it grows backwards if asked
    about an earlier moment); the horizon grows forwards by itself.
    """

    def __init__(self, tz_name, attendances, closures=(), region="none", since=0):
        if region not in REGIONS:
            raise ValueError("Unknown public holidays region %r." % (region,))
        self.tz_name = tz_name or "UTC"
        self.attendances = tuple(sorted(
            (int(weekday) % 7, float(hour_from), float(hour_to))
            for weekday, hour_from, hour_to in attendances if hour_to > hour_from))
        self.closures = work_time.merge(closures)
        self.region = region
        self._build(since)

    @property
    def has_hours(self):
        """False for a calendar without working hours: no deadline can be given."""
        return bool(self.attendances)

    # ------------------------------------------------------------ intervals

    def _intervals(self, first, last):
        """The business intervals of the local dates ``first`` to ``last``."""
        intervals = work_time.working_intervals(self.tz_name, self.attendances, first, last)
        removed = list(self.closures)
        for day, _code in holiday_days(self.region, first, last):
            removed.append((work_time.local_to_minute(self.tz_name, day, 0),
                            work_time.local_to_minute(self.tz_name, day, 24)))
        return work_time.subtract(intervals, work_time.merge(removed))

    def _build(self, since):
        # a day early: the local date of ``since`` may be the day before in UTC
        self.first = work_time.local_date(self.tz_name, since) - timedelta(days=1)
        self.last = self.first - timedelta(days=1)
        self.starts, self.ends, self.cum_start, self.cum_end = [], [], [], []
        self.horizon = work_time.local_to_minute(self.tz_name, self.first, 0)
        self._extend()

    def _extend(self):
        """Add the next CHUNK_DAYS days to the horizon."""
        first = self.last + timedelta(days=1)
        last = self.last + timedelta(days=CHUNK_DAYS)
        total = self.cum_end[-1] if self.cum_end else 0
        for start, end in self._intervals(first, last):
            self.starts.append(start)
            self.ends.append(end)
            self.cum_start.append(total)
            total += end - start
            self.cum_end.append(total)
        self.last = last
        self.end = work_time.local_to_minute(self.tz_name, last, 24)

    def _cover(self, moment):
        """Make sure the horizon holds ``moment``."""
        if moment < self.horizon:
            self._build(moment)
        while moment >= self.end:
            self._extend()

    # -------------------------------------------------------------- counting

    def position(self, moment):
        """Business minutes from the horizon's start to ``moment``."""
        self._cover(moment)
        i = bisect.bisect_right(self.ends, moment)
        if i >= len(self.starts):
            return self.cum_end[-1] if self.cum_end else 0
        return self.cum_start[i] + max(0, moment - self.starts[i])

    def moment(self, position):
        """The first moment at which ``position`` business minutes have passed
        since the horizon's start (the end of a slot, not the next one's start,
        when it ends exactly there); None if there are no hours to get there."""
        if not self.attendances:
            return None
        limit = work_time.local_to_minute(
            self.tz_name, self.last + timedelta(days=366 * MAX_YEARS), 0)
        while not self.cum_end or self.cum_end[-1] < position:
            if self.end > limit:
                return None
            self._extend()
        j = bisect.bisect_left(self.cum_end, position)
        return self.starts[j] + (position - self.cum_start[j])

    def add(self, start, minutes, pauses=()):
        """The moment ``minutes`` business minutes after ``start``, not counting
        the business time inside ``pauses`` (UTC minute intervals, each ended);
        ``start`` itself for 0 minutes; None when the calendar has no hours."""
        if not self.attendances:
            return None
        if minutes <= 0:
            return start
        target = self.position(start) + minutes
        deadline = self.moment(target)
        for pause_start, pause_end in work_time.merge(pauses):
            if deadline is None or pause_start >= deadline:
                break
            if pause_end <= start:
                continue
            # the clock stopped during the pause: the deadline moves by the
            # business time it lasted (from the start, if it began before)
            target += self.position(pause_end) - self.position(max(pause_start, start))
            deadline = self.moment(target)
        return deadline

    def elapsed(self, start, end, pauses=()):
        """Business minutes from ``start`` to ``end``, minus the business time
        of ``pauses``; 0 if ``end`` is not after ``start``."""
        if end <= start:
            return 0
        self._cover(start)   # first: an earlier start renumbers the minutes
        total = self.position(end) - self.position(start)
        for pause_start, pause_end in work_time.clip(work_time.merge(pauses), start, end):
            total -= self.position(pause_end) - self.position(pause_start)
        return total

    def deadlines(self, starts, minutes):
        """Batch ``add`` without pauses: for each ``(start, minutes)`` pair of the
        two sequences, the deadline (or None without hours). The intervals are
        built once for the whole batch's horizon; each deadline is then two
        bisections."""
        if not self.attendances:
            return [None] * len(starts)
        if not starts:
            return []
        self._cover(min(starts))
        self._cover(max(starts))
        ends, cum_start, cum_end = self.ends, self.cum_start, self.cum_end
        interval_starts = self.starts
        right, left = bisect.bisect_right, bisect.bisect_left
        result = []
        append = result.append
        for start, wanted in zip(starts, minutes):
            if wanted <= 0:
                append(start)
                continue
            i = right(ends, start)
            if i < len(interval_starts):
                begin = interval_starts[i]
                target = cum_start[i] + (start - begin if start > begin else 0) + wanted
            else:
                target = cum_end[-1] + wanted
            if target > cum_end[-1]:
                append(self.moment(target))
                ends, cum_start, cum_end = self.ends, self.cum_start, self.cum_end
                interval_starts = self.starts
                continue
            j = left(cum_end, target)
            append(interval_starts[j] + (target - cum_start[j]))
        return result
