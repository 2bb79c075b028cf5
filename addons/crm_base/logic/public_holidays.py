# -*- coding: utf-8 -*-
"""French public holidays (jours fériés). Plain Python, no ``odoo`` import.

The 11 public holidays of the Code du travail (art. L3133-1), the three that
move with Easter computed by the Gregorian computus, and, as an option, the
two extra days of Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle: Good Friday
and Saint Stephen's day, 26 December). Used by crm_projects (the planner
avoids them) and crm_helpdesk (SLA on business days)::

    french_public_holidays(2027)
    # [(date(2027, 1, 1), "new_year"), (date(2027, 3, 29), "easter_monday"), ...]

Each holiday comes with a code; the models word it in the reader's language
(``NAMES_FR`` gives the French names for the data files).
"""
import datetime

# code -> French name (as printed on French calendars)
NAMES_FR = {
    "new_year": "Jour de l'an",
    "good_friday": "Vendredi saint",
    "easter_monday": "Lundi de Pâques",
    "labour_day": "Fête du Travail",
    "victory_1945": "Victoire 1945",
    "ascension": "Ascension",
    "whit_monday": "Lundi de Pentecôte",
    "bastille_day": "Fête nationale",
    "assumption": "Assomption",
    "all_saints": "Toussaint",
    "armistice_1918": "Armistice 1918",
    "christmas": "Noël",
    "saint_stephen": "Saint-Étienne",
}

# code -> English name
NAMES_EN = {
    "new_year": "New Year's Day",
    "good_friday": "Good Friday",
    "easter_monday": "Easter Monday",
    "labour_day": "Labour Day",
    "victory_1945": "Victory in Europe Day",
    "ascension": "Ascension Day",
    "whit_monday": "Whit Monday",
    "bastille_day": "Bastille Day",
    "assumption": "Assumption Day",
    "all_saints": "All Saints' Day",
    "armistice_1918": "Armistice Day",
    "christmas": "Christmas Day",
    "saint_stephen": "Saint Stephen's Day",
}


def easter_sunday(year):
    """Easter Sunday of ``year`` in the Gregorian calendar (anonymous
    Gregorian algorithm, a.k.a. Meeus/Jones/Butcher)."""
    if year < 1583:
        raise ValueError("The Gregorian computus starts in 1583, not %r." % (year,))
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the algorithm's name)
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def french_public_holidays(year, alsace_moselle=False):
    """``[(date, code)]`` of the French public holidays of ``year``, in date
    order; with ``alsace_moselle``, Good Friday and 26 December too."""
    easter = easter_sunday(year)
    day = datetime.timedelta(days=1)
    holidays = [
        (datetime.date(year, 1, 1), "new_year"),
        (easter + day, "easter_monday"),
        (datetime.date(year, 5, 1), "labour_day"),
        (datetime.date(year, 5, 8), "victory_1945"),
        (easter + 39 * day, "ascension"),
        (easter + 50 * day, "whit_monday"),
        (datetime.date(year, 7, 14), "bastille_day"),
        (datetime.date(year, 8, 15), "assumption"),
        (datetime.date(year, 11, 1), "all_saints"),
        (datetime.date(year, 11, 11), "armistice_1918"),
        (datetime.date(year, 12, 25), "christmas"),
    ]
    if alsace_moselle:
        holidays += [(easter - 2 * day, "good_friday"),
                     (datetime.date(year, 12, 26), "saint_stephen")]
    return sorted(holidays)
