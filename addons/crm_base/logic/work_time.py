# -*- coding: utf-8 -*-
"""Working time as sorted lists of UTC intervals, in whole minutes.

Plain Python (no odoo import), shared by crm_projects' planner and
crm_helpdesk's SLA clock. A moment is an ``int``: minutes since 1970-01-01
00:00 UTC, so that callers compare and add integers; ``to_minute`` and
``to_datetime`` convert from and to naive UTC datetimes, as Odoo stores them.

A person's weekly attendances are in their own time zone: each day's
attendance is turned into UTC with that day's offset, so that a 9:00-17:00
day stays 9:00-17:00 local time on both sides of a change to or from summer
time (``zoneinfo``).
"""
import bisect
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

try:
    from zoneinfo import ZoneInfo
except ImportError:  # pragma: no cover - Python < 3.9
    ZoneInfo = None

EPOCH = datetime(1970, 1, 1)
UTC = timezone.utc
_ZONES = {}
_OFFSETS = {}


def to_minute(value):
    """A naive UTC datetime as minutes since the epoch (seconds dropped); an
    aware one is converted to UTC first."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return int((value - EPOCH).total_seconds() // 60)


def as_datetime(value):
    """A naive UTC datetime from what the caller may hold: a datetime (an aware
    one converted to UTC), a date (its midnight), Odoo 11's text
    ("2026-03-02 08:00:00"); None for anything else."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    return None


def as_date(value):
    """A date from a date, a datetime (its date) or Odoo 11's text
    ("2026-03-02"); None for anything else."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def to_datetime(minute):
    """Minutes since the epoch as a naive UTC datetime."""
    return EPOCH + timedelta(minutes=minute)


def zone(tz_name):
    """The ``ZoneInfo`` of ``tz_name``; UTC when the name is empty or unknown."""
    if tz_name not in _ZONES:
        found = UTC
        if tz_name and ZoneInfo is not None:
            try:
                found = ZoneInfo(tz_name)
            except (KeyError, ValueError, OSError):
                found = UTC
        _ZONES[tz_name] = found
    return _ZONES[tz_name]


EPOCH_ORDINAL = EPOCH.toordinal()


def _day_offsets(tz_name, ordinal):
    """The UTC offsets, in minutes, of ``tz_name`` at the start and at the end of
    the local date ``ordinal`` (equal unless the clocks change that day)."""
    key = (tz_name, ordinal)
    offsets = _OFFSETS.get(key)
    if offsets is None:
        tzinfo = zone(tz_name)
        midnight = datetime.fromordinal(ordinal)
        start = midnight.replace(tzinfo=tzinfo).utcoffset()
        end = (midnight + timedelta(hours=23, minutes=59)).replace(tzinfo=tzinfo).utcoffset()
        offsets = _OFFSETS[key] = (int(start.total_seconds() // 60),
                                   int(end.total_seconds() // 60))
    return offsets


def local_to_minute(tz_name, day, hour):
    """The UTC minute of ``hour`` (a float, 8.5 = 8:30; 24 = the next midnight) on
    the local date ``day`` in ``tz_name``. A local time that does not exist (in the
    hour skipped in spring) is read with the offset before the change."""
    days, minutes = divmod(int(round(hour * 60)), 1440)   # 24:00 is the next day's 0:00
    ordinal = day.toordinal() + days
    local = (ordinal - EPOCH_ORDINAL) * 1440 + minutes
    start, end = _day_offsets(tz_name, ordinal)
    if start == end:
        return local - start   # no change of offset that day
    moment = datetime.fromordinal(ordinal) + timedelta(minutes=minutes)
    offset = moment.replace(tzinfo=zone(tz_name)).utcoffset()
    return local - int(offset.total_seconds() // 60)


def local_date(tz_name, minute):
    """The local date, in ``tz_name``, of a UTC minute."""
    return date.fromordinal(local_ordinal(tz_name, minute))


def local_ordinal(tz_name, minute):
    """The ordinal of the local date, in ``tz_name``, of a UTC minute."""
    utc_day = minute // 1440 + EPOCH_ORDINAL
    start, end = _day_offsets(tz_name, utc_day)
    if start == end:
        ordinal = (minute + start) // 1440 + EPOCH_ORDINAL
        if ordinal == utc_day or _day_offsets(tz_name, ordinal) == (start, start):
            return ordinal
    moment = to_datetime(minute).replace(tzinfo=UTC).astimezone(zone(tz_name))
    return moment.date().toordinal()


def merge(intervals):
    """Sorted union of ``(start, end)`` pairs; touching intervals are joined,
    empty ones dropped."""
    result = []
    for start, end in sorted(intervals):
        if end <= start:
            continue
        if result and start <= result[-1][1]:
            if end > result[-1][1]:
                result[-1][1] = end
        else:
            result.append([start, end])
    return [(start, end) for start, end in result]


def subtract(intervals, removed):
    """``intervals`` minus ``removed``; both sorted, disjoint (see ``merge``)."""
    result = []
    j = 0
    for start, end in intervals:
        while j < len(removed) and removed[j][1] <= start:
            j += 1
        k = j
        cursor = start
        while k < len(removed) and removed[k][0] < end:
            if removed[k][0] > cursor:
                result.append((cursor, removed[k][0]))
            cursor = max(cursor, removed[k][1])
            k += 1
        if cursor < end:
            result.append((cursor, end))
    return result


def working_intervals(tz_name, attendances, first, last):
    """The weekly ``attendances`` ``(weekday, hour_from, hour_to)`` of a person in
    ``tz_name`` as merged UTC minute intervals, for every local date from
    ``first`` to ``last`` (dates, inclusive). People often share a calendar: the
    last results are kept."""
    return list(_working_intervals(tz_name, tuple(attendances), first, last))


@lru_cache(maxsize=64)
def _working_intervals(tz_name, attendances, first, last):
    by_weekday = {}
    for weekday, hour_from, hour_to in attendances:
        if hour_to > hour_from:
            by_weekday.setdefault(int(weekday) % 7, []).append((hour_from, hour_to))
    found = []
    day = first
    one = timedelta(days=1)
    while day <= last:
        for hour_from, hour_to in by_weekday.get(day.weekday(), ()):
            found.append((local_to_minute(tz_name, day, hour_from),
                          local_to_minute(tz_name, day, hour_to)))
        day += one
    return tuple(merge(found))


def clip(intervals, start, end):
    """The parts of sorted ``intervals`` between ``start`` and ``end``."""
    return [(max(s, start), min(e, end)) for s, e in intervals if e > start and s < end]


class FreeTime(object):
    """A person's free time: sorted, disjoint intervals, consumed as work is placed."""
    __slots__ = ("starts", "ends")

    def __init__(self, intervals):
        self.starts = [start for start, _end in intervals]
        self.ends = [end for _start, end in intervals]

    def first_free(self, moment):
        """The first free minute at or after ``moment``, or None."""
        i = bisect.bisect_right(self.ends, moment)
        if i >= len(self.starts):
            return None
        return max(self.starts[i], moment)

    def take(self, moment, minutes):
        """The pieces ``[(start, end), ...]`` of the first ``minutes`` free minutes
        from ``moment``, without consuming them; None if there are not enough."""
        pieces = []
        starts, ends = self.starts, self.ends
        i = bisect.bisect_right(ends, moment)
        left = minutes
        while left > 0:
            if i >= len(starts):
                return None
            start = max(starts[i], moment)
            end = min(ends[i], start + left)
            pieces.append((start, end))
            left -= end - start
            i += 1
        return pieces

    def consume(self, pieces):
        """Remove ``pieces`` (each within one free interval) from the free time."""
        starts, ends = self.starts, self.ends
        for start, end in reversed(pieces):
            i = bisect.bisect_right(ends, start)
            if i >= len(starts) or starts[i] > start or ends[i] < end:
                raise ValueError("not free: %s-%s" % (start, end))
            new_starts, new_ends = [], []
            if starts[i] < start:
                new_starts.append(starts[i])
                new_ends.append(start)
            if end < ends[i]:
                new_starts.append(end)
                new_ends.append(ends[i])
            starts[i:i + 1] = new_starts
            ends[i:i + 1] = new_ends
