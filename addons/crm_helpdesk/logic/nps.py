# -*- coding: utf-8 -*-
"""Net Promoter Score and satisfaction figures, and when to ask a customer.

Plain Python (no odoo import): the models pass scores and dates, store or
show the result.

NPS: on "how likely are you to recommend us?" (0-10), promoters answer 9 or
10, passives 7 or 8, detractors 0 to 6. NPS = % promoters - % detractors,
from -100 to +100, rounded to the unit as it is usually quoted.
"""
import datetime

PROMOTER_MIN = 9
DETRACTOR_MAX = 6


def classify(score):
    """'promoter', 'passive' or 'detractor' for a score of 0 to 10."""
    if not isinstance(score, int) or isinstance(score, bool) or not 0 <= score <= 10:
        raise ValueError("An NPS score is an integer from 0 to 10, not %r" % (score,))
    if score >= PROMOTER_MIN:
        return "promoter"
    if score <= DETRACTOR_MAX:
        return "detractor"
    return "passive"


def nps(scores):
    """The figures of a set of answers: a dict with ``count``, ``promoters``,
    ``passives``, ``detractors`` and ``nps`` (an int, or None without any
    answer: "no NPS" is not an NPS of 0)."""
    counts = {"promoter": 0, "passive": 0, "detractor": 0}
    for score in scores:
        counts[classify(score)] += 1
    total = sum(counts.values())
    value = None
    if total:
        value = int(round(100.0 * (counts["promoter"] - counts["detractor"]) / total))
    return {"count": total, "promoters": counts["promoter"], "passives": counts["passive"],
            "detractors": counts["detractor"], "nps": value}


def nps_by_period(answers, period="month"):
    """NPS per period of ``answers`` [(date or datetime, score)]: a list of
    (period start as a date, figures) in date order. ``period``: 'month',
    'quarter' or 'year'."""
    buckets = {}
    for when, score in answers:
        day = when.date() if isinstance(when, datetime.datetime) else when
        buckets.setdefault(period_start(day, period), []).append(score)
    return [(start, nps(scores)) for start, scores in sorted(buckets.items())]


def period_start(day, period="month"):
    """The first day of the month, quarter or year of ``day``."""
    if period == "month":
        return day.replace(day=1)
    if period == "quarter":
        return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    if period == "year":
        return datetime.date(day.year, 1, 1)
    raise ValueError("Unknown period %r (month, quarter or year)" % (period,))


def satisfaction_percent(ratings):
    """Percent of happy customers among rating values (Odoo's rating: 10
    satisfied, 5 not satisfied, 1 highly dissatisfied; 0 = not answered and
    ignored); None without any answer."""
    answered = [value for value in ratings if value and value >= 1]
    if not answered:
        return None
    happy = sum(1 for value in answered if value >= 7)
    return int(round(100.0 * happy / len(answered)))


def survey_due(rule, interval, closed_since_last, last_sent, now):
    """Whether a customer gets the team's NPS survey now.

    ``rule``: 'tickets' (after every ``interval`` closed tickets: counted
    since the last survey sent) or 'days' (at most every ``interval`` days,
    and only if they had at least one ticket closed since the last one).
    ``last_sent``: a datetime or None (never asked)."""
    if interval < 1:
        raise ValueError("The interval of an NPS survey is at least 1, not %r" % (interval,))
    if closed_since_last < 1:
        return False
    if rule == "tickets":
        return closed_since_last >= interval
    if rule == "days":
        return last_sent is None or now - last_sent >= datetime.timedelta(days=interval)
    raise ValueError("Unknown sending rule %r (tickets or days)" % (rule,))
