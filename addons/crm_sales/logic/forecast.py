# -*- coding: utf-8 -*-
"""Forecast arithmetic on plain rows (no odoo import): month buckets, the
weighted pipeline, won amounts, the cash-in forecast and target achievement.

A *row* is a dict describing one opportunity, with the keys a function needs:

``state``          "open", "won" or "lost"
``budget``         expected revenue excluding VAT
``probability``    in percent (0-100)
``weighted``       budget x probability (computed from the two above when absent)
``close_date``     expected close date (``datetime.date``)
``closed_on``      date it was won or lost (``datetime.date``, local to its owner)
``payment_date``   expected payment date: close date + payment terms

plus any grouping key (``user_id``, ``team_id``, ...).

The definitions, shared by the SQL views of the forecast reports:

* **Weighted pipeline** of a month: the weighted amount of the *open*
  opportunities expected to close in that month.
* **Won** in a month: the budget of the opportunities *won* in that month
  (by the date they were closed).
* **Cash-in forecast** of a month: what should be paid to us that month, by
  expected payment date:

  - an open opportunity brings its weighted amount (budget x probability),
    whatever its payment date (an open deal whose payment date has passed is
    shown in that past month: its close date needs updating);
  - a won opportunity brings its full budget when its payment date is today
    or later; one whose payment date has passed is taken as paid;
  - lost opportunities, and open ones without a close date, bring nothing.
* **Achievement**: won / target, in percent; none without a target.
"""
import datetime


def month_start(day):
    """The first day of the month of ``day`` (a date or a datetime), as a date."""
    if day is None:
        return None
    if isinstance(day, datetime.datetime):
        day = day.date()
    return day.replace(day=1)


def add_months(month, count):
    """The first day of the month ``count`` months after ``month`` (may be negative)."""
    index = month.year * 12 + (month.month - 1) + count
    return datetime.date(index // 12, index % 12 + 1, 1)


def month_buckets(first, count):
    """``count`` consecutive months from the month of ``first``: [date(Y, M, 1), ...]."""
    start = month_start(first)
    return [add_months(start, i) for i in range(count)]


def weighted_amount(budget, probability):
    """Budget x probability (in percent)."""
    return (budget or 0.0) * (probability or 0.0) / 100.0


def _weighted(row):
    if row.get("weighted") is not None:
        return row["weighted"]
    return weighted_amount(row.get("budget"), row.get("probability"))


def _add(totals, month, group, row, amount):
    key = month if group is None else (month, row.get(group))
    totals[key] = totals.get(key, 0.0) + amount


def weighted_pipeline(rows, group=None):
    """{month: weighted amount} of the open rows by month of expected close, or
    {(month, row[group]): amount} with ``group``."""
    totals = {}
    for row in rows:
        if row.get("state") != "open" or not row.get("close_date"):
            continue
        _add(totals, month_start(row["close_date"]), group, row, _weighted(row))
    return totals


def won_by_month(rows, group=None):
    """{month: budget} of the won rows by month of closing (``closed_on``)."""
    totals = {}
    for row in rows:
        if row.get("state") != "won" or not row.get("closed_on"):
            continue
        _add(totals, month_start(row["closed_on"]), group, row, row.get("budget") or 0.0)
    return totals


def cash_in_kind(state, payment_date, today):
    """"open" or "won" when the row counts in the cash-in forecast, else None."""
    if not payment_date:
        return None
    if state == "open":
        return "open"
    if state == "won" and payment_date >= today:
        return "won"
    return None


def cash_in_amount(row, today):
    """What the row brings to the cash-in forecast (0.0 when it does not count)."""
    kind = cash_in_kind(row.get("state"), row.get("payment_date"), today)
    if kind == "open":
        return _weighted(row)
    if kind == "won":
        return row.get("budget") or 0.0
    return 0.0


def cash_in_by_month(rows, today, group=None):
    """{month: amount} of the cash-in forecast by month of expected payment."""
    totals = {}
    for row in rows:
        if cash_in_kind(row.get("state"), row.get("payment_date"), today) is None:
            continue
        _add(totals, month_start(row["payment_date"]), group, row, cash_in_amount(row, today))
    return totals


def achievement(won, target):
    """Won / target in percent, or None without a (positive) target."""
    if not target or target <= 0:
        return None
    return 100.0 * (won or 0.0) / target
