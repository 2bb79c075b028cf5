# -*- coding: utf-8 -*-
"""iCalendar (RFC 5545) for the agenda: the subscription feed and the import.

Plain Python (vobject, pytz), no ``odoo`` import; the models translate the
error codes of :class:`IcsError` and map events to ``calendar.event``.

Conventions shared by :func:`build_calendar` and :func:`parse_calendar`:

* Times are exchanged as *naive UTC* ``datetime`` (Odoo's convention).
  The feed writes timed events in local time with ``TZID`` (default
  Europe/Paris) and the matching ``VTIMEZONE``, so that a weekly meeting at
  10:00 stays at 10:00 across daylight-saving changes.
* All-day events are ``date`` values; ``stop`` is the *last day* (inclusive,
  as Odoo stores it); the file has the exclusive ``DTEND`` of RFC 5545.
* Recurrence is passed through, not expanded: the feed writes the event's
  ``RRULE`` (and ``EXDATE`` for occurrences that were moved or deleted); the
  import returns the rule for Odoo to store, after checking that Odoo's
  recurrence model can represent it (:func:`check_rrule`).
* A file's ``UID`` is kept; an event without one gets a UID derived from its
  start and summary, so that re-importing the same file finds it again.
"""
import datetime
import hashlib
import re

import pytz
import vobject

DEFAULT_TZ = "Europe/Paris"
PRODID = "-//CRM Suite//Agenda//FR"
MAX_EVENTS = 20000

# Outlook writes Windows zone names in TZID; the few of our users' region.
WINDOWS_TZ = {
    "romance standard time": "Europe/Paris",
    "w. europe standard time": "Europe/Berlin",
    "central europe standard time": "Europe/Budapest",
    "central european standard time": "Europe/Warsaw",
    "gmt standard time": "Europe/London",
    "greenwich standard time": "Atlantic/Reykjavik",
    "utc": "UTC",
    "coordinated universal time": "UTC",
    "reunion standard time": "Indian/Reunion",
    "sa western standard time": "America/Guadeloupe",
}

PARTSTATS = ("NEEDS-ACTION", "ACCEPTED", "DECLINED", "TENTATIVE")
_SUPPORTED_RRULE_KEYS = {"FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH",
                         "WKST"}
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


class IcsError(Exception):
    """A problem of a file or of one event: ``code`` plus ``params`` for the message.

    Codes: ``not_ics``, ``too_many``, ``unreadable``, ``no_start``, ``bad_date``,
    ``unknown_tz``, ``end_before_start``, ``bad_rrule``, ``unsupported_rrule``.
    """

    def __init__(self, code, **params):
        super(IcsError, self).__init__(code, params)
        self.code = code
        self.params = params


# -- time helpers ---------------------------------------------------------------------

def _zone(tz_name):
    try:
        return pytz.timezone(tz_name or DEFAULT_TZ)
    except pytz.UnknownTimeZoneError:
        return pytz.timezone(DEFAULT_TZ)


def to_local(value, tz_name):
    """Naive UTC datetime -> aware datetime in ``tz_name``."""
    return pytz.utc.localize(value).astimezone(_zone(tz_name))


def to_utc_naive(value, tz_name=DEFAULT_TZ):
    """Aware datetime, or naive local time of ``tz_name`` -> naive UTC."""
    if value.tzinfo is None:
        value = _zone(tz_name).localize(value, is_dst=False)
    return value.astimezone(pytz.utc).replace(tzinfo=None)


def event_uid(event_id, domain):
    """The UID of an event of this database: stable for the life of the event."""
    return "crm-calendar-event-%d@%s" % (int(event_id), domain)


def normalize_rrule(rule, allday, tz_name=DEFAULT_TZ):
    """An Odoo rule made valid for a ``DTSTART`` with ``TZID`` or ``VALUE=DATE``.

    RFC 5545: with a dated start, ``UNTIL`` is a date; with a zoned start it is
    UTC. Odoo writes ``UNTIL=YYYYMMDDT235959Z`` whatever the kind of event.
    """
    rule = (rule or "").strip()
    if rule.upper().startswith("RRULE:"):
        rule = rule[6:]
    if not rule:
        return ""
    parts = []
    for part in rule.split(";"):
        key, _sep, value = part.partition("=")
        if key.upper() == "UNTIL":
            digits = re.sub(r"[^0-9T]", "", value.upper())
            day = digits[:8]
            if allday:
                value = day
            elif len(digits) == 8:  # a date: the end of that local day
                end = datetime.datetime.strptime(day, "%Y%m%d").replace(
                    hour=23, minute=59, second=59)
                value = to_utc_naive(end, tz_name).strftime("%Y%m%dT%H%M%SZ")
            elif not value.upper().endswith("Z"):  # floating time: local
                local = datetime.datetime.strptime(digits[:15], "%Y%m%dT%H%M%S")
                value = to_utc_naive(local, tz_name).strftime("%Y%m%dT%H%M%SZ")
        parts.append("%s=%s" % (key.upper(), value))
    return ";".join(parts)


def check_rrule(rule):
    """Raise IcsError unless Odoo 11's recurrence (calendar.event) can hold ``rule``.

    Odoo keeps one frequency with an interval, a count or an end date, the
    weekdays of a weekly rule, and for a monthly rule either one day of the
    month or one "n-th weekday"; a yearly rule on one date.
    """
    values = {}
    for part in rule.split(";"):
        if not part:
            continue
        key, sep, value = part.partition("=")
        if not sep:
            raise IcsError("bad_rrule", rule=rule)
        values[key.upper()] = value.upper()
    freq = values.get("FREQ")
    if freq not in ("DAILY", "WEEKLY", "MONTHLY", "YEARLY"):
        raise IcsError("unsupported_rrule", rule=rule)
    unknown = set(values) - _SUPPORTED_RRULE_KEYS
    if unknown:
        raise IcsError("unsupported_rrule", rule=rule)
    if "COUNT" in values and "UNTIL" in values:
        raise IcsError("bad_rrule", rule=rule)
    for key in ("INTERVAL", "COUNT"):
        if key in values and not (values[key].isdigit() and int(values[key]) > 0):
            raise IcsError("bad_rrule", rule=rule)
    byday = [d for d in values.get("BYDAY", "").split(",") if d]
    bymonthday = [d for d in values.get("BYMONTHDAY", "").split(",") if d]
    bymonth = [d for d in values.get("BYMONTH", "").split(",") if d]
    nth = [d for d in byday
           if d[-2:] not in _WEEKDAYS or d[:-2] not in ("", "+1", "1", "2", "3", "4", "5", "-1")]
    if nth:
        raise IcsError("bad_rrule", rule=rule)
    numbered = [d for d in byday if d[:-2]]
    if freq == "DAILY" and (byday or bymonthday or bymonth):
        raise IcsError("unsupported_rrule", rule=rule)
    if freq == "WEEKLY" and (numbered or bymonthday or bymonth):
        raise IcsError("unsupported_rrule", rule=rule)
    if freq == "MONTHLY":
        if bymonth or len(bymonthday) > 1 or (bymonthday and byday) or \
                (byday and (len(byday) != 1 or not numbered)):
            raise IcsError("unsupported_rrule", rule=rule)
    if freq == "YEARLY" and (byday or len(bymonthday) > 1 or len(bymonth) > 1):
        raise IcsError("unsupported_rrule", rule=rule)
    return rule


# -- building the feed -------------------------------------------------------------------

def masked(event, label):
    """The event as seen by someone who may not see a private event: busy only."""
    return dict(event, summary=label, location="", description="", attendees=[],
                organizer=None, categories=[], private=True, busy=True)


def build_calendar(events, tz_name=DEFAULT_TZ, name=None, now=None):
    """The iCalendar text (bytes, UTF-8, CRLF) of ``events``.

    An event is a dict: ``uid``, ``summary``, ``start``/``stop`` (naive UTC
    datetimes, or dates with an inclusive ``stop`` when ``allday``),
    ``allday``, and optionally ``location``, ``description`` (plain text),
    ``organizer`` ``(name, email)``, ``attendees`` ``[(name, email, partstat)]``,
    ``rrule``, ``exdates`` (naive UTC datetimes or dates), ``private``,
    ``confidential``, ``busy`` (default True), ``categories``, ``url``,
    ``last_modified``, ``created`` (naive UTC).
    """
    zone = _zone(tz_name)
    now = now or datetime.datetime.utcnow()
    stamp = pytz.utc.localize(now.replace(microsecond=0))
    cal = vobject.iCalendar()
    cal.add("prodid").value = PRODID
    cal.add("calscale").value = "GREGORIAN"
    cal.add("method").value = "PUBLISH"
    if name:
        cal.add("x-wr-calname").value = name
    cal.add("x-wr-timezone").value = zone.zone
    if any(not ev.get("allday") for ev in events):
        cal.add(vobject.icalendar.TimezoneComponent(tzinfo=zone))
    for ev in events:
        vevent = cal.add("vevent")
        vevent.add("uid").value = ev["uid"]
        vevent.add("dtstamp").value = stamp
        if ev.get("allday"):
            start, stop = _as_date(ev["start"]), _as_date(ev["stop"])
            vevent.add("dtstart").value = start
            vevent.add("dtend").value = max(stop, start) + datetime.timedelta(days=1)
        else:
            vevent.add("dtstart").value = to_local(ev["start"], zone.zone)
            vevent.add("dtend").value = to_local(max(ev["stop"], ev["start"]), zone.zone)
        vevent.add("summary").value = ev.get("summary") or ""
        if ev.get("location"):
            vevent.add("location").value = ev["location"]
        if ev.get("description"):
            vevent.add("description").value = ev["description"]
        if ev.get("url"):
            vevent.add("url").value = ev["url"]
        if ev.get("categories"):
            vevent.add("categories").value = list(ev["categories"])
        vevent.add("class").value = "PRIVATE" if ev.get("private") else \
            "CONFIDENTIAL" if ev.get("confidential") else "PUBLIC"
        vevent.add("transp").value = "OPAQUE" if ev.get("busy", True) else "TRANSPARENT"
        vevent.add("status").value = "CONFIRMED"
        for key, prop in (("created", "created"), ("last_modified", "last-modified")):
            if ev.get(key):
                vevent.add(prop).value = pytz.utc.localize(ev[key].replace(microsecond=0))
        organizer = ev.get("organizer")
        if organizer and organizer[1]:
            line = vevent.add("organizer")
            line.value = "mailto:%s" % organizer[1]
            if organizer[0]:
                line.params["CN"] = [organizer[0]]
        for att_name, email, partstat in ev.get("attendees") or []:
            if not email:
                continue
            line = vevent.add("attendee")
            line.value = "mailto:%s" % email
            if att_name:
                line.params["CN"] = [att_name]
            line.params["ROLE"] = ["REQ-PARTICIPANT"]
            line.params["PARTSTAT"] = [partstat if partstat in PARTSTATS else "NEEDS-ACTION"]
        rule = normalize_rrule(ev.get("rrule"), ev.get("allday"), zone.zone)
        if rule:
            vevent.add("rrule").value = rule
            exdates = ev.get("exdates") or []
            if exdates:
                vevent.add("exdate").value = [
                    _as_date(d) if ev.get("allday") else to_local(d, zone.zone) for d in exdates]
    return cal.serialize().encode("utf-8")


def _as_date(value):
    return value.date() if isinstance(value, datetime.datetime) else value


# -- parsing a file ----------------------------------------------------------------------

_UNFOLD_RE = re.compile(r"\r?\n[ \t]")
_BLOCK_RE = re.compile(r"^BEGIN:(VEVENT|VTIMEZONE)\s*$(.*?)^END:\1\s*$",
                       re.MULTILINE | re.DOTALL | re.IGNORECASE)
_SUMMARY_RE = re.compile(r"^SUMMARY[^:\n]*:(.*)$", re.MULTILINE | re.IGNORECASE)


def decode(data):
    """Text of an uploaded file: UTF-8 (with or without BOM), else Windows-1252."""
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def parse_calendar(data, tz_name=DEFAULT_TZ):
    """The events of an iCalendar file: ``(events, problems)``.

    ``events`` are dicts like those of :func:`build_calendar`, plus
    ``recurrence_id`` (the original start of a moved occurrence, or None),
    ``cancelled`` and ``key`` (UID, with the recurrence id for an occurrence).
    ``problems`` is a list of ``(index, summary, IcsError)``: one per event that
    cannot be read, the others are still returned (the caller decides whether
    to import anything). A file that is not iCalendar raises IcsError.
    Floating times (no zone) are read in ``tz_name``.
    """
    text = _UNFOLD_RE.sub("", decode(data)).replace("\r\n", "\n").replace("\r", "\n")
    if "BEGIN:VCALENDAR" not in text.upper():
        raise IcsError("not_ics")
    blocks = list(_BLOCK_RE.finditer(text))
    timezones = "".join(m.group(0) + "\n" for m in blocks if m.group(1).upper() == "VTIMEZONE")
    vevents = [m.group(0) for m in blocks if m.group(1).upper() == "VEVENT"]
    if len(vevents) > MAX_EVENTS:
        raise IcsError("too_many", count=len(vevents), limit=MAX_EVENTS)
    events, problems, keys = [], [], {}
    for index, block in enumerate(vevents, 1):
        summary_match = _SUMMARY_RE.search(block)
        summary = summary_match.group(1).strip() if summary_match else ""
        try:
            wrapper = "BEGIN:VCALENDAR\nVERSION:2.0\n%s%s\nEND:VCALENDAR\n" % (timezones, block)
            try:
                component = vobject.readOne(wrapper).vevent
            except Exception as e:  # vobject raises many kinds on broken lines
                error = str(e).strip()
                raise IcsError("unreadable",
                               reason=error.splitlines()[0] if error else type(e).__name__)
            event = _read_vevent(component, tz_name)
        except IcsError as e:
            problems.append((index, summary, e))
            continue
        if event["key"] in keys:  # the same event twice: the last one wins
            events[keys[event["key"]]] = event
        else:
            keys[event["key"]] = len(events)
            events.append(event)
    return events, problems


def _value(component, name, default=None):
    line = getattr(component, name.replace("-", "_"), None)
    if line is None:
        return default
    value = line.value
    if isinstance(value, str):
        value = value.strip()
    return value


def _read_time(line, tz_name):
    """(value, allday) of a DTSTART/DTEND/RECURRENCE-ID/EXDATE value."""
    value = line.value
    values = value if isinstance(value, list) else [value]
    result = []
    for item in values:
        if isinstance(item, datetime.datetime):
            if item.tzinfo is None:
                tzid = (line.params.get("X-VOBJ-ORIGINAL-TZID") or line.params.get("TZID")
                        or [None])[0]
                if tzid:
                    zone_name = _known_zone(tzid)
                    if not zone_name:
                        raise IcsError("unknown_tz", tz=tzid)
                    item = to_utc_naive(item, zone_name)
                else:
                    item = to_utc_naive(item, tz_name)
            else:
                item = to_utc_naive(item)
            result.append((item, False))
        elif isinstance(item, datetime.date):
            result.append((item, True))
        else:
            raise IcsError("bad_date", value=str(item))
    return result


def _known_zone(tzid):
    tzid = tzid.strip().strip('"')
    if tzid.lower() in WINDOWS_TZ:
        return WINDOWS_TZ[tzid.lower()]
    # "/mozilla.org/20050126_1/Europe/Paris" and similar prefixes
    for candidate in (tzid, "/".join(tzid.split("/")[-2:])):
        try:
            return pytz.timezone(candidate).zone
        except (pytz.UnknownTimeZoneError, ValueError, AttributeError):
            continue
    return None


def _mail(value):
    value = (value or "").strip()
    if value.lower().startswith("mailto:"):
        value = value[7:]
    return value.strip().lower() if "@" in value else ""


def _read_vevent(component, tz_name):
    summary = _value(component, "summary", "") or ""
    if not hasattr(component, "dtstart"):
        raise IcsError("no_start")
    try:
        (start, allday), = _read_time(component.dtstart, tz_name)[:1]
    except ValueError:
        raise IcsError("no_start")
    stop = None
    if hasattr(component, "dtend"):
        (stop, stop_allday), = _read_time(component.dtend, tz_name)[:1]
        if allday:
            stop = _as_date(stop) - datetime.timedelta(days=1)  # DTEND is exclusive
            stop = max(stop, start)
        elif stop_allday:
            raise IcsError("bad_date", value=str(component.dtend.value))
    elif hasattr(component, "duration"):
        duration = component.duration.value
        if not isinstance(duration, datetime.timedelta):
            raise IcsError("bad_date", value=str(duration))
        stop = start + duration
        if allday:
            stop = max(start, stop - datetime.timedelta(days=1))
    else:
        stop = start
    if stop < start:
        raise IcsError("end_before_start")

    rrule = ""
    rules = component.contents.get("rrule", [])
    if len(rules) > 1:
        raise IcsError("unsupported_rrule", rule=" / ".join(r.value for r in rules))
    if rules:
        rrule = check_rrule(normalize_rrule(rules[0].value, allday, tz_name))
    exdates = []
    for line in component.contents.get("exdate", []):
        exdates += [value for value, _allday in _read_time(line, tz_name)]
    recurrence_id = None
    if hasattr(component, "recurrence_id"):
        recurrence_id = _read_time(component.recurrence_id, tz_name)[0][0]

    attendees = []
    for line in component.contents.get("attendee", []):
        email = _mail(line.value)
        name = (line.params.get("CN") or [""])[0].strip().strip('"')
        partstat = (line.params.get("PARTSTAT") or ["NEEDS-ACTION"])[0].upper()
        if email or name:
            attendees.append((name, email, partstat if partstat in PARTSTATS else "NEEDS-ACTION"))
    organizer = None
    if hasattr(component, "organizer"):
        organizer = ((component.organizer.params.get("CN") or [""])[0].strip().strip('"'),
                     _mail(component.organizer.value))

    uid = _value(component, "uid") or ""
    if not uid:
        seed = "%s|%s|%s" % (start, stop, summary)
        uid = "crm-import-%s" % hashlib.sha1(seed.encode("utf-8")).hexdigest()
    key = uid if recurrence_id is None else "%s#%s" % (uid, _key_time(recurrence_id))
    klass = (_value(component, "class", "") or "").upper()
    categories = []
    for line in component.contents.get("categories", []):
        value = line.value if isinstance(line.value, list) else [line.value]
        categories += [c.strip() for c in value if c and c.strip()]
    return {
        "uid": uid,
        "key": key,
        "summary": summary,
        "start": start,
        "stop": stop,
        "allday": allday,
        "location": _value(component, "location", "") or "",
        "description": _value(component, "description", "") or "",
        "url": _value(component, "url", "") or "",
        "attendees": attendees,
        "organizer": organizer,
        "rrule": rrule,
        "exdates": exdates,
        "recurrence_id": recurrence_id,
        "private": klass == "PRIVATE",
        "confidential": klass == "CONFIDENTIAL",
        "busy": (_value(component, "transp", "") or "").upper() != "TRANSPARENT",
        "cancelled": (_value(component, "status", "") or "").upper() == "CANCELLED",
        "categories": categories,
    }


def _key_time(value):
    return value.strftime("%Y%m%dT%H%M%SZ") if isinstance(value, datetime.datetime) \
        else value.strftime("%Y%m%d")
