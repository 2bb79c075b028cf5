# -*- coding: utf-8 -*-
"""Scheduled follow-ups, on plain values (no odoo import).

**An opportunity without activity for N days** (the reminder of the daily
job): an open opportunity, with an owner, that

* has no planned activity (any ``mail.activity`` on it, reminders included:
  an open reminder is never doubled), and
* in the last N days: was not created, did not change stage, got no message
  in its chatter (email, note, logged change, activity marked done), had
  no meeting linked to it (nor has one planned), and got no reminder.

**Quote follow-ups**: a quote sent and still waiting (state "sent") gets a
follow-up email N days after it was sent, then every N days after the last
follow-up, at most ``limit`` times; never once it is signed, refused or
cancelled, nor when its follow-ups were stopped by hand.
"""
import datetime

DEFAULT_IDLE_DAYS = 14
DEFAULT_FOLLOWUP_DAYS = 7
DEFAULT_FOLLOWUP_LIMIT = 3


def idle_cutoff(now, days):
    """The moment before which nothing must have happened for the record to be idle."""
    return now - datetime.timedelta(days=days)


def last_event(*moments):
    """The latest of the given dates/datetimes (None ignored), or None."""
    known = [m for m in moments if m is not None]
    return max(known) if known else None


def is_idle(moments, cutoff, has_planned_activity=False):
    """True when nothing happened at or after ``cutoff`` and nothing is planned.

    ``moments`` are the datetimes of what happened on the record (creation,
    stage change, last message, last meeting end); None values are ignored.
    """
    if has_planned_activity:
        return False
    latest = last_event(*moments)
    return latest is None or latest < cutoff


def as_date(moment):
    if isinstance(moment, datetime.datetime):
        return moment.date()
    return moment


def next_followup_date(state, sent_on, last_followup_on, count, stopped,
                       interval_days=DEFAULT_FOLLOWUP_DAYS, limit=DEFAULT_FOLLOWUP_LIMIT):
    """The date of the next follow-up of a quote, or None when none is due.

    ``sent_on``/``last_followup_on`` are dates (or datetimes); the next
    follow-up comes ``interval_days`` after the last contact: the last
    follow-up or the sending, whichever is later (a quote sent again by hand
    after a follow-up waits a full interval).
    """
    if state != "sent" or stopped or not limit or limit <= 0 or (count or 0) >= limit:
        return None
    base = last_event(as_date(last_followup_on), as_date(sent_on))
    if base is None:
        return None
    return base + datetime.timedelta(days=max(interval_days or 0, 1))


def followup_due(next_date, today):
    return next_date is not None and next_date <= today
