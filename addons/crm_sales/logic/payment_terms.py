# -*- coding: utf-8 -*-
"""Due dates of French payment terms (Code de commerce L441-10: at most
60 days after the invoice, or 45 days end of month)."""
import calendar
import datetime


def end_of_month(day):
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def due_date(invoice_date, days, at_end_of_month=False):
    """``invoice_date`` + ``days``; with ``at_end_of_month``, the last day of
    the month reached ("45 jours fin de mois": 45 days, then end of month).

    >>> due_date(datetime.date(2026, 1, 20), 45, True)
    datetime.date(2026, 3, 31)
    """
    if invoice_date is None:
        return None
    due = invoice_date + datetime.timedelta(days=days or 0)
    return end_of_month(due) if at_end_of_month else due
