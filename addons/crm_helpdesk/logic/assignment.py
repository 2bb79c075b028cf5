# -*- coding: utf-8 -*-
"""Who may get a new ticket of a team now: plain Python, no ``odoo`` import.

The models turn each member into a ``Member`` (their time zone, their weekly
attendances, their leaves as naive UTC datetimes) and call::

    ids = candidates(members, moment, region="fr", skilled_ids={4, 7})

which keeps the members working at ``moment`` (inside an attendance of that
local day, not on leave, not on a public holiday of the region) and, when
some of those have the skill the ticket's category asks for, only those.
``least_open`` then keeps the ones with the fewest open tickets; the model
breaks the remaining ties by round robin (crm_base's mixin, which also locks
the team's row so that two tickets at the same moment go to two people).
"""
from collections import namedtuple

from odoo.addons.crm_base.logic import work_time as wt

from .sla_clock import REGIONS, holiday_days

# tz: IANA name ("Europe/Paris"); attendances: ((weekday 0=Monday, hour_from,
# hour_to), ...) in that time zone; leaves: ((start, end), ...) naive UTC.
Member = namedtuple("Member", "id tz attendances leaves")


def is_holiday(day, region):
    """Whether the local date ``day`` is a public holiday of ``region``
    ("none", "fr" or "fr_alsace_moselle"; any other: none), as the SLA clock
    counts them (sla_clock.holiday_days)."""
    return region in REGIONS and bool(holiday_days(region, day, day))


def is_working(member, moment, region="none"):
    """Whether ``member`` works at ``moment`` (a naive UTC datetime): within an
    attendance of their local day (the end excluded), on no leave covering
    that moment, on no public holiday of ``region`` in their time zone."""
    minute = wt.to_minute(moment)
    day = wt.local_date(member.tz, minute)
    if is_holiday(day, region):
        return False
    intervals = wt.working_intervals(member.tz, member.attendances, day, day)
    if not any(start <= minute < end for start, end in intervals):
        return False
    for start, end in member.leaves:
        if wt.to_minute(start) <= minute < wt.to_minute(end):
            return False
    return True


def candidates(members, moment, region="none", skilled_ids=None):
    """The ids of ``members`` who may get a ticket at ``moment``, in the order
    given: those working now; when ``skilled_ids`` (the members with the
    category's skill) is not empty and some of them work now, only those."""
    working = [member.id for member in members if is_working(member, moment, region)]
    if skilled_ids:
        skilled = [member_id for member_id in working if member_id in skilled_ids]
        if skilled:
            return skilled
    return working


def fewest_open(member_ids, open_counts):
    """The ids of ``member_ids`` with the fewest open tickets (``open_counts``:
    {member id: count}, a missing member has none), in the order given."""
    if not member_ids:
        return []
    least = min(open_counts.get(member_id, 0) for member_id in member_ids)
    return [member_id for member_id in member_ids if open_counts.get(member_id, 0) == least]
