# -*- coding: utf-8 -*-
"""Payment reminders (relances) and the age of what customers owe, on plain
values (no odoo import).

A *level* is a dict ``{"id", "sequence", "days"}``: the reminder sent
``days`` days after the due date. Levels are ranked by (days, sequence, id):
the first is the friendly reminder, the last the formal notice.

The rule of the daily run, for one open invoice:

* nothing is sent for an invoice paid in full (nothing left to pay) or not yet
  late;
* nothing is sent while a promise to pay runs: until the promised date has
  passed (the day itself included);
* otherwise the invoice gets the *highest* level it has reached, once: a level
  already sent, or one below it, is never sent again. An invoice found 50 days
  late on its first run gets the formal notice, not the three letters at once.
"""
import datetime

# (key, first day late, last day late or None) of the aged receivables list
AGE_BUCKETS = [
    ("not_due", None, 0),
    ("1_30", 1, 30),
    ("31_60", 31, 60),
    ("61_90", 61, 90),
    ("over_90", 91, None),
]


def _as_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    return value


def days_late(date_due, today):
    """Whole days between the due date and ``today`` (0 or less: not late)."""
    if not date_due:
        return 0
    return (_as_date(today) - _as_date(date_due)).days


def age_bucket(days):
    """The key of AGE_BUCKETS for an invoice ``days`` days late."""
    for key, first, last in AGE_BUCKETS:
        if (first is None or days >= first) and (last is None or days <= last):
            return key
    raise ValueError(days)  # pragma: no cover - the buckets cover every integer


def level_rank(level):
    return (level["days"], level.get("sequence") or 0, level.get("id") or 0)


def promise_holds(promise_date, today):
    """True while a promise to pay stops the reminders (up to its day)."""
    return bool(promise_date) and _as_date(promise_date) >= _as_date(today)


def level_to_send(levels, days, residual, current_level_id=None, promise_date=None,
                  today=None):
    """The level to send now to an invoice ``days`` days late with ``residual``
    left to pay, whose last reminder was ``current_level_id``; None for none."""
    if residual is None or residual <= 0.005 or days <= 0:
        return None
    if today is not None and promise_holds(promise_date, today):
        return None
    reached = [level for level in levels if level["days"] <= days]
    if not reached:
        return None
    target = max(reached, key=level_rank)
    current = [level for level in levels if level["id"] == current_level_id]
    if current and level_rank(target) <= level_rank(current[0]):
        return None
    return target
