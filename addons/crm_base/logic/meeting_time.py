# -*- coding: utf-8 -*-
"""Time spent in meetings, per local day. Plain Python, no ``odoo`` import.

Overlapping meetings are not counted twice: the busy time of a day is the
length of the *union* of the meeting intervals cut at local midnight.
All-day meetings (a trade show, a training day) count as a fixed number of
hours per day (``allday_hours``, 7 h by default in the models; 0 excludes them),
which replaces the timed meetings of that day when it is larger: a day spent
at a trade show with a 1 h meeting there is still one worked day.
"""
import datetime

import pytz


def merge_intervals(intervals):
    """Union of ``[(start, stop)]``: sorted, disjoint, empty ones dropped."""
    merged = []
    for start, stop in sorted((s, e) for s, e in intervals if e > s):
        if merged and start <= merged[-1][1]:
            if stop > merged[-1][1]:
                merged[-1] = (merged[-1][0], stop)
        else:
            merged.append((start, stop))
    return merged


def split_by_day(intervals, tz_name="Europe/Paris"):
    """{local date: seconds} of naive-UTC intervals, cut at local midnight."""
    zone = pytz.timezone(tz_name or "UTC")
    result = {}
    for start, stop in merge_intervals(intervals):
        local_start = pytz.utc.localize(start).astimezone(zone)
        local_stop = pytz.utc.localize(stop).astimezone(zone)
        day = local_start.date()
        while day <= local_stop.date():
            midnight = zone.localize(datetime.datetime.combine(day, datetime.time()), is_dst=False)
            next_midnight = zone.localize(
                datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time()),
                is_dst=False)
            seconds = (min(local_stop, next_midnight) - max(local_start, midnight)).total_seconds()
            if seconds > 0:
                result[day] = result.get(day, 0) + seconds
            day += datetime.timedelta(days=1)
    return result


def hours_by_day(intervals, allday_days=(), allday_hours=7.0, tz_name="Europe/Paris",
                 date_from=None, date_to=None):
    """{local date: hours} of one person's meetings.

    ``intervals``: timed meetings as naive UTC ``(start, stop)``;
    ``allday_days``: the local dates covered by all-day meetings;
    ``date_from``/``date_to``: inclusive local dates to keep (None: all).
    Hours are rounded to the minute (2 decimals of an hour would drift).
    """
    seconds = split_by_day(intervals, tz_name)
    hours = {day: value / 3600.0 for day, value in seconds.items()}
    if allday_hours and allday_hours > 0:
        for day in set(allday_days):
            hours[day] = max(hours.get(day, 0.0), float(allday_hours))
    return {
        day: round(value * 60) / 60.0
        for day, value in hours.items()
        if value > 0 and (date_from is None or day >= date_from)
        and (date_to is None or day <= date_to)
    }


def days_between(first, last):
    """The dates from ``first`` to ``last`` included."""
    days, day = [], first
    while day <= last:
        days.append(day)
        day += datetime.timedelta(days=1)
    return days


def iso_week(day):
    """'2026-W09': the ISO week of a date, as French calendars number them."""
    year, week, _weekday = day.isocalendar()
    return "%04d-W%02d" % (year, week)
