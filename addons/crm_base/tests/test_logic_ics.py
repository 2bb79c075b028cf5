# -*- coding: utf-8 -*-
"""logic/ics.py: the feed written and the files read, without a database."""
import datetime
import unittest

import vobject

from ..logic import ics

DT = datetime.datetime
D = datetime.date


def _event(**kw):
    values = {"uid": "crm-calendar-event-7@db", "summary": "Rendez-vous client – Octet Solutions",
              "start": DT(2026, 3, 2, 9, 0), "stop": DT(2026, 3, 2, 10, 30), "allday": False}
    values.update(kw)
    return values


class TestBuild(unittest.TestCase):

    def parse(self, events, **kw):
        return vobject.readOne(ics.build_calendar(events, **kw).decode("utf-8"))

    def test_timed_event_in_paris_time_with_vtimezone(self):
        text = ics.build_calendar([_event()]).decode("utf-8")
        self.assertIn("DTSTART;TZID=Europe/Paris:20260302T100000\r\n", text)
        self.assertIn("DTEND;TZID=Europe/Paris:20260302T113000\r\n", text)
        cal = self.parse([_event(location="Rennes", description="Ordre du jour :\n- devis",
                                 attendees=[("Nadia François", "nadia@octet.fr", "ACCEPTED"),
                                            ("Sans email", "", "ACCEPTED")],
                                 organizer=("Admin", "admin@example.com"))])
        self.assertEqual(cal.vtimezone.tzid.value, "Europe/Paris")
        ev = cal.vevent
        # 09:00 UTC in winter is 10:00 in Paris
        self.assertEqual(ev.dtstart.value.replace(tzinfo=None), DT(2026, 3, 2, 10, 0))
        self.assertEqual(ev.dtend.value.astimezone(ics.pytz.utc).replace(tzinfo=None),
                         DT(2026, 3, 2, 10, 30))
        self.assertEqual(ev.summary.value, "Rendez-vous client – Octet Solutions")
        self.assertEqual(ev.description.value, "Ordre du jour :\n- devis")
        self.assertEqual(ev.location.value, "Rennes")
        self.assertEqual(ev.uid.value, "crm-calendar-event-7@db")
        self.assertEqual([a.value for a in ev.contents["attendee"]], ["mailto:nadia@octet.fr"])
        self.assertEqual(ev.attendee.params["PARTSTAT"], ["ACCEPTED"])
        self.assertEqual(ev.organizer.value, "mailto:admin@example.com")

    def test_summer_time(self):
        ev = self.parse([_event(start=DT(2026, 7, 1, 8, 0), stop=DT(2026, 7, 1, 9, 0))]).vevent
        self.assertEqual(ev.dtstart.value.replace(tzinfo=None), DT(2026, 7, 1, 10, 0))

    def test_allday_has_exclusive_end_and_no_timezone(self):
        cal = self.parse([_event(allday=True, start=D(2026, 3, 10), stop=D(2026, 3, 11))])
        self.assertFalse(hasattr(cal, "vtimezone"))
        self.assertEqual(cal.vevent.dtstart.value, D(2026, 3, 10))
        self.assertEqual(cal.vevent.dtend.value, D(2026, 3, 12))

    def test_rrule_passthrough_with_exdates(self):
        ev = self.parse([_event(rrule="FREQ=WEEKLY;BYDAY=MO;INTERVAL=1;UNTIL=20260601T235959Z",
                                exdates=[DT(2026, 3, 9, 9, 0)])]).vevent
        self.assertEqual(ev.rrule.value, "FREQ=WEEKLY;BYDAY=MO;INTERVAL=1;UNTIL=20260601T235959Z")
        self.assertEqual(ev.exdate.value[0].replace(tzinfo=None), DT(2026, 3, 9, 10, 0))
        occurrences = list(ev.getrruleset())
        self.assertEqual(occurrences[0].replace(tzinfo=None), DT(2026, 3, 2, 10, 0))
        self.assertNotIn(DT(2026, 3, 9, 10, 0), [o.replace(tzinfo=None) for o in occurrences])
        # after the switch to summer time, the meeting stays at 10:00 local
        self.assertEqual(occurrences[-1].replace(tzinfo=None), DT(2026, 6, 1, 10, 0))

    def test_normalize_rrule(self):
        self.assertEqual(ics.normalize_rrule("RRULE:FREQ=DAILY;UNTIL=20260310T235959Z", True),
                         "FREQ=DAILY;UNTIL=20260310")
        self.assertEqual(ics.normalize_rrule("FREQ=DAILY;UNTIL=20260310", False),
                         "FREQ=DAILY;UNTIL=20260310T225959Z")
        self.assertEqual(ics.normalize_rrule("FREQ=DAILY;UNTIL=20260310T100000", False),
                         "FREQ=DAILY;UNTIL=20260310T090000Z")
        self.assertEqual(ics.normalize_rrule("", False), "")

    def test_masked_private_event(self):
        event = _event(location="Cabinet médical", description="secret",
                       attendees=[("X", "x@y.fr", "ACCEPTED")])
        ev = self.parse([ics.masked(event, "Occupé")]).vevent
        self.assertEqual(ev.summary.value, "Occupé")
        self.assertEqual(ev.contents.get("location"), None)
        self.assertEqual(ev.contents.get("attendee"), None)
        self.assertEqual(ev.contents.get("description"), None)
        self.assertEqual(ev.getChildValue("class"), "PRIVATE")

    def test_uid_is_stable(self):
        self.assertEqual(ics.event_uid(12, "abc"), ics.event_uid(12, "abc"))
        self.assertNotEqual(ics.event_uid(12, "abc"), ics.event_uid(13, "abc"))

    def test_round_trip(self):
        data = ics.build_calendar([_event(attendees=[("Nadia", "nadia@octet.fr", "TENTATIVE")],
                                          rrule="FREQ=WEEKLY;BYDAY=MO;COUNT=5"),
                                   _event(uid="b", allday=True, start=D(2026, 3, 10),
                                          stop=D(2026, 3, 10))])
        events, problems = ics.parse_calendar(data)
        self.assertEqual(problems, [])
        self.assertEqual([(e["uid"], e["start"], e["stop"], e["allday"]) for e in events], [
            ("crm-calendar-event-7@db", DT(2026, 3, 2, 9, 0), DT(2026, 3, 2, 10, 30), False),
            ("b", D(2026, 3, 10), D(2026, 3, 10), True)])
        self.assertEqual(events[0]["attendees"], [("Nadia", "nadia@octet.fr", "TENTATIVE")])
        self.assertEqual(events[0]["rrule"], "FREQ=WEEKLY;BYDAY=MO;COUNT=5")


GOOGLE = b"""BEGIN:VCALENDAR\r
PRODID:-//Google Inc//Google Calendar 70.9054//EN\r
VERSION:2.0\r
BEGIN:VTIMEZONE\r
TZID:Europe/Paris\r
BEGIN:STANDARD\r
TZOFFSETFROM:+0200\r
TZOFFSETTO:+0100\r
TZNAME:CET\r
DTSTART:19701025T030000\r
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r
END:STANDARD\r
BEGIN:DAYLIGHT\r
TZOFFSETFROM:+0100\r
TZOFFSETTO:+0200\r
TZNAME:CEST\r
DTSTART:19700329T020000\r
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r
END:DAYLIGHT\r
END:VTIMEZONE\r
BEGIN:VEVENT\r
DTSTART;TZID=Europe/Paris:20260304T143000\r
DTEND;TZID=Europe/Paris:20260304T153000\r
UID:abc123@google.com\r
SUMMARY:D\xc3\xa9jeuner avec Sophie \r
 Perrin\r
LOCATION:Tours\r
ATTENDEE;CN="Perrin, Sophie";PARTSTAT=ACCEPTED:mailto:Sophie.Perrin@Mercier-avocats.fr\r
CLASS:PRIVATE\r
TRANSP:TRANSPARENT\r
END:VEVENT\r
BEGIN:VEVENT\r
DTSTART;VALUE=DATE:20260310\r
DTEND;VALUE=DATE:20260312\r
SUMMARY:Salon\r
END:VEVENT\r
BEGIN:VEVENT\r
DTSTART;TZID=Romance Standard Time:20260305T090000\r
DURATION:PT45M\r
UID:outlook-1\r
SUMMARY:Appel Outlook\r
RRULE:FREQ=WEEKLY;BYDAY=TH;UNTIL=20260430T070000Z\r
EXDATE;TZID=Romance Standard Time:20260312T090000\r
END:VEVENT\r
BEGIN:VEVENT\r
DTSTART:20260306T090000\r
DTEND:20260306T100000\r
UID:floating\r
SUMMARY:Heure flottante\r
STATUS:CANCELLED\r
END:VEVENT\r
END:VCALENDAR\r
"""


class TestParse(unittest.TestCase):

    def test_google_and_outlook_events(self):
        events, problems = ics.parse_calendar(GOOGLE)
        self.assertEqual(problems, [])
        lunch, salon, call, floating = events
        self.assertEqual(lunch["summary"], "Déjeuner avec Sophie Perrin")
        self.assertEqual((lunch["start"], lunch["stop"]),
                         (DT(2026, 3, 4, 13, 30), DT(2026, 3, 4, 14, 30)))
        self.assertEqual(lunch["attendees"],
                         [("Perrin, Sophie", "sophie.perrin@mercier-avocats.fr", "ACCEPTED")])
        self.assertTrue(lunch["private"])
        self.assertFalse(lunch["busy"])
        # all-day: DTEND is exclusive, stop is the last day
        self.assertEqual((salon["start"], salon["stop"], salon["allday"]),
                         (D(2026, 3, 10), D(2026, 3, 11), True))
        self.assertTrue(salon["uid"].startswith("crm-import-"))
        # Windows zone name, DURATION, RRULE and EXDATE
        self.assertEqual((call["start"], call["stop"]),
                         (DT(2026, 3, 5, 8, 0), DT(2026, 3, 5, 8, 45)))
        self.assertEqual(call["rrule"], "FREQ=WEEKLY;BYDAY=TH;UNTIL=20260430T070000Z")
        self.assertEqual(call["exdates"], [DT(2026, 3, 12, 8, 0)])
        # floating time is read in the user's zone
        self.assertEqual(floating["start"], DT(2026, 3, 6, 8, 0))
        self.assertTrue(floating["cancelled"])

    def test_uid_of_an_event_without_one_is_stable(self):
        first = ics.parse_calendar(GOOGLE)[0][1]["uid"]
        self.assertEqual(first, ics.parse_calendar(GOOGLE)[0][1]["uid"])

    def test_bad_events_are_reported_one_by_one(self):
        data = b"""BEGIN:VCALENDAR
VERSION:2.0
BEGIN:VEVENT
UID:ok
DTSTART:20260302T090000Z
DTEND:20260302T100000Z
SUMMARY:Bon
END:VEVENT
BEGIN:VEVENT
UID:nostart
SUMMARY:Sans date
END:VEVENT
BEGIN:VEVENT
UID:reversed
DTSTART:20260302T100000Z
DTEND:20260302T090000Z
SUMMARY:A l'envers
END:VEVENT
BEGIN:VEVENT
UID:baddate
DTSTART:2026-13-45
SUMMARY:Date fausse
END:VEVENT
BEGIN:VEVENT
UID:tz
DTSTART;TZID=Mars/Olympus:20260302T100000
SUMMARY:Fuseau inconnu
END:VEVENT
BEGIN:VEVENT
UID:rule
DTSTART:20260302T100000Z
RRULE:FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=1
SUMMARY:Regle
END:VEVENT
END:VCALENDAR
"""
        events, problems = ics.parse_calendar(data)
        self.assertEqual([e["uid"] for e in events], ["ok"])
        self.assertEqual([(i, s, e.code) for i, s, e in problems], [
            (2, "Sans date", "no_start"), (3, "A l'envers", "end_before_start"),
            (4, "Date fausse", "unreadable"), (5, "Fuseau inconnu", "unknown_tz"),
            (6, "Regle", "unsupported_rrule")])

    def test_not_a_calendar(self):
        with self.assertRaises(ics.IcsError) as ctx:
            ics.parse_calendar(b"\x89PNG\r\n\x1a\n binary")
        self.assertEqual(ctx.exception.code, "not_ics")

    def test_latin1_file(self):
        data = ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nDTSTART:20260302T090000Z\n"
                "SUMMARY:Réunion\nEND:VEVENT\nEND:VCALENDAR\n")
        events, problems = ics.parse_calendar(data.encode("cp1252"))
        self.assertEqual(events[0]["summary"], "Réunion")

    def test_check_rrule(self):
        for good in ("FREQ=DAILY;COUNT=3", "FREQ=WEEKLY;BYDAY=MO,WE", "FREQ=MONTHLY;BYDAY=2TU",
                     "FREQ=MONTHLY;BYMONTHDAY=15", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15",
                     "FREQ=MONTHLY;BYDAY=-1FR"):
            self.assertEqual(ics.check_rrule(good), good)
        for bad, code in (("FREQ=HOURLY", "unsupported_rrule"), ("FREQ=DAILY;COUNT=0", "bad_rrule"),
                          ("FREQ=WEEKLY;BYSETPOS=1", "unsupported_rrule"),
                          ("FREQ=MONTHLY;BYDAY=MO", "unsupported_rrule"), ("FREQ", "bad_rrule"),
                          ("FREQ=DAILY;COUNT=2;UNTIL=20260101", "bad_rrule")):
            with self.assertRaises(ics.IcsError) as ctx:
                ics.check_rrule(bad)
            self.assertEqual(ctx.exception.code, code, bad)

    def test_same_uid_twice_keeps_the_last(self):
        data = ("BEGIN:VCALENDAR\n" + "".join(
            "BEGIN:VEVENT\nUID:same\nDTSTART:20260302T0%d0000Z\nSUMMARY:v%d\nEND:VEVENT\n" % (i, i)
            for i in (8, 9))
            + "END:VCALENDAR\n").encode()
        events, _problems = ics.parse_calendar(data)
        self.assertEqual([e["summary"] for e in events], ["v9"])
