# -*- coding: utf-8 -*-
"""Working time as sorted lists of UTC intervals, in whole minutes.

Plain Python (no odoo import), used by ``planner``. A moment is an ``int``:
minutes since 1970-01-01 00:00 UTC, so that the planner compares and adds
integers; ``to_minute`` and ``to_datetime`` convert from and to naive UTC
datetimes, as Odoo stores them.

A person's weekly attendances are in their own time zone: each day's
attendance is turned into UTC with that day's offset, so that a 9:00-17:00
day stays 9:00-17:00 local time on both sides of a change to or from summer
time (``zoneinfo``).
"""
import bisect
from datetime import datetime, time, timedelta, timezone

try:
    from zoneinfo import ZoneInfo
except ImportError:  # pragma: no cover - Python < 3.9
    ZoneInfo = None

EPOCH = datetime(1970, 1, 1)
UTC = timezone.utc
_ZONES = {}
_OFFSETS = {}


def to_minute(value):
    """A naive UTC datetime as minutes since the epoch (seconds dropped)."""
    return int((value - EPOCH).total_seconds() // 60)


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


def local_to_minute(tz_name, day, hour):
    """The UTC minute of ``hour`` (a float, 8.5 = 8:30; 24 = the next midnight) on
    the local date ``day`` in ``tz_name``. A local time that does not exist (in the
    hour skipped in spring) is read with the offset before the change."""
    minutes = int(round(hour * 60))
    local = datetime.combine(day, time()) + timedelta(minutes=minutes)
    key = (tz_name, day.toordinal())
    offsets = _OFFSETS.get(key)
    if offsets is None:
        tzinfo = zone(tz_name)
        start = datetime.combine(day, time()).replace(tzinfo=tzinfo).utcoffset()
        end = (datetime.combine(day, time()) + timedelta(hours=23, minutes=59)).replace(
            tzinfo=tzinfo).utcoffset()
        offsets = _OFFSETS[key] = (start, end)
    if offsets[0] == offsets[1]:
        offset = offsets[0]  # no change of offset on that day
    else:
        offset = local.replace(tzinfo=zone(tz_name)).utcoffset()
    return to_minute(local - offset)


def local_date(tz_name, minute):
    """The local date, in ``tz_name``, of a UTC minute."""
    return to_datetime(minute).replace(tzinfo=UTC).astimezone(zone(tz_name)).date()


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
    ``first`` to ``last`` (dates, inclusive)."""
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
    return merge(found)


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
