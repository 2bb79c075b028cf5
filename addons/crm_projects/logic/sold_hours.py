# -*- coding: utf-8 -*-
"""What a signed quote becomes in a project: hours to plan, phases, tasks.

Plain Python (no odoo import). The model hands in the quote's lines and the
company calendar's attendances as plain values and creates the records.

Units (crm_sales' ``crm.quote.line.unit``):
    hour   1 h
    day    the calendar's hours per day: its weekly hours / its working days
           (35 h over 5 days: 7 h)
    week   5 days
    month  the calendar's month: weekly hours x 52 / 12 (35 h: 151.67 h)
    unit   not convertible: a thing, not time; its hours are set by hand
Any other unit is not convertible either. A calendar with no working hours
converts hours only.

Phases: each section of the quote starts a phase; the lines below it are its
tasks; notes are skipped; the lines above the first section have no phase.
Dependencies: what a French artisan expects from a quote in sections
("Dépose", "Pose", "Finitions") is that a section starts when the one before
is done. So, when the quote has two phases or more, every task of a phase
waits for every task of the phase before it (finish-to-start, no lag); the
tasks of one phase do not wait for each other. They are plain dependencies,
deleted on the task form like any other.
"""
from collections import namedtuple

HOUR = "hour"
DAY = "day"
WEEK = "week"
MONTH = "month"
UNIT = "unit"

DAYS_PER_WEEK = 5
WEEKS_PER_YEAR = 52
MONTHS_PER_YEAR = 12

# Why a line's hours cannot be computed (Conversion.reason)
IN_UNITS = "units"                  # sold in units: a thing, not time
UNKNOWN_UNIT = "unknown_unit"       # a unit this module does not know
NO_CALENDAR_HOURS = "no_calendar"   # days/weeks/months, but the calendar has no hours

Conversion = namedtuple("Conversion", "hours reason")


def calendar_week(attendances):
    """(weekly hours, number of working days) of a calendar given as
    ``(weekday, hour_from, hour_to)`` attendances (a day counts once however
    many attendances it has)."""
    hours = 0.0
    days = set()
    for weekday, hour_from, hour_to in attendances:
        if hour_to > hour_from:
            hours += hour_to - hour_from
            days.add(int(weekday))
    return hours, len(days)


def hours_per_day(attendances):
    weekly, days = calendar_week(attendances)
    return weekly / days if days else 0.0


def hours_per_month(attendances):
    weekly, _days = calendar_week(attendances)
    return weekly * WEEKS_PER_YEAR / MONTHS_PER_YEAR


def to_hours(quantity, unit, attendances):
    """A quote line's quantity in ``unit`` as hours to plan: a Conversion
    (hours rounded to the hundredth, reason None) or (None, reason)."""
    quantity = quantity or 0.0
    if unit == HOUR:
        return Conversion(round(quantity, 2), None)
    if unit in (DAY, WEEK, MONTH):
        per_day = hours_per_day(attendances)
        if not per_day:
            return Conversion(None, NO_CALENDAR_HOURS)
        per_unit = {
            DAY: per_day,
            WEEK: per_day * DAYS_PER_WEEK,
            MONTH: hours_per_month(attendances),
        }[unit]
        return Conversion(round(quantity * per_unit, 2), None)
    if unit == UNIT:
        return Conversion(None, IN_UNITS)
    return Conversion(None, UNKNOWN_UNIT)


def project_outline(lines, attendances):
    """The phases and tasks of a project made from a quote.

    ``lines``: dicts with ``id``, ``sequence``, ``display_type`` (False,
    "line_section" or "line_note"), ``name``, ``quantity``, ``unit``, in the
    quote's order. Returns a dict:

    ``phases``: [{"line_id", "name", "sequence"}] in order;
    ``tasks``: [{"line_id", "name", "sequence", "phase" (index in phases or
    None), "hours" (0.0 when not convertible), "reason" (None or a reason
    code), "unit"}] in order;
    ``dependencies``: [(task index, predecessor task index)], see the module
    docstring.
    """
    phases, tasks = [], []
    for line in lines:
        kind = line.get("display_type")
        if kind == "line_section":
            phases.append({"line_id": line["id"], "name": line["name"],
                           "sequence": line.get("sequence", 0)})
            continue
        if kind:  # a note, or whatever else is not a priced line
            continue
        conversion = to_hours(line.get("quantity"), line.get("unit"), attendances)
        tasks.append({
            "line_id": line["id"],
            "name": line["name"],
            "sequence": line.get("sequence", 0),
            "phase": len(phases) - 1 if phases else None,
            "hours": conversion.hours or 0.0,
            "reason": conversion.reason,
            "unit": line.get("unit"),
        })
    return {"phases": phases, "tasks": tasks,
            "dependencies": phase_dependencies([task["phase"] for task in tasks])}


def phase_dependencies(task_phases):
    """Finish-to-start pairs (task index, predecessor index): every task of a
    phase waits for every task of the nearest earlier phase that has tasks.
    Tasks without a phase neither wait nor are waited for."""
    by_phase = {}
    for index, phase in enumerate(task_phases):
        if phase is not None:
            by_phase.setdefault(phase, []).append(index)
    pairs = []
    previous = None
    for phase in sorted(by_phase):
        if previous is not None:
            pairs.extend((task, before) for task in by_phase[phase]
                         for before in by_phase[previous])
        previous = phase
    return pairs
