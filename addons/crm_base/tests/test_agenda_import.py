# -*- coding: utf-8 -*-
"""Import of an .ics file: creation, dedup by UID, errors, atomicity."""
import base64

from odoo.exceptions import UserError

from .agenda_common import AgendaCase

CALENDAR = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Google Inc//Google Calendar 70.9054//EN
BEGIN:VEVENT
UID:lunch-1@google.com
DTSTART;TZID=Europe/Paris:20260304T123000
DTEND;TZID=Europe/Paris:20260304T140000
SUMMARY:%(summary)s
LOCATION:Tours
DESCRIPTION:Dossier prud'hommes
ATTENDEE;CN=Sophie Perrin;PARTSTAT=ACCEPTED:mailto:SOPHIE@mercier.test
ATTENDEE;CN=Inconnu;PARTSTAT=NEEDS-ACTION:mailto:inconnu@ailleurs.test
ATTENDEE;CN=Alice;PARTSTAT=ACCEPTED:mailto:alice@agenda.test
END:VEVENT
BEGIN:VEVENT
UID:salon-1@google.com
DTSTART;VALUE=DATE:20260310
DTEND;VALUE=DATE:20260312
SUMMARY:Salon
END:VEVENT
BEGIN:VEVENT
UID:weekly-1@google.com
DTSTART;TZID=Europe/Paris:20260302T090000
DTEND;TZID=Europe/Paris:20260302T100000
RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=4
EXDATE;TZID=Europe/Paris:20260309T090000
SUMMARY:Point hebdo
END:VEVENT
BEGIN:VEVENT
UID:weekly-1@google.com
RECURRENCE-ID;TZID=Europe/Paris:20260316T090000
DTSTART;TZID=Europe/Paris:20260317T110000
DTEND;TZID=Europe/Paris:20260317T120000
SUMMARY:Point hebdo (décalé)
END:VEVENT
END:VCALENDAR
"""


class TestAgendaImport(AgendaCase):

    def run_import(self, text, user=None):
        wizard = self.env["crm.ics.import"].sudo(user or self.alice).create({
            "file": base64.b64encode(text.encode("utf-8")), "filename": "agenda.ics"})
        wizard.action_import()
        return wizard

    def imported(self):
        return self.Event.sudo(self.alice).with_context(virtual_id=False).search(
            [("crm_ics_uid", "!=", False), ("user_id", "=", self.alice.id)])

    def test_import_creates_then_updates(self):
        wizard = self.run_import(CALENDAR % {"summary": "Déjeuner avec Sophie"})
        self.assertEqual((wizard.created_count, wizard.updated_count), (4, 0))
        events = {e.crm_ics_uid: e for e in self.imported()}
        lunch = events["lunch-1@google.com"]
        self.assertEqual((lunch.start, lunch.stop), ("2026-03-04 11:30:00", "2026-03-04 13:00:00"))
        self.assertEqual(lunch.partner_ids, self.alice.partner_id | self.client)
        self.assertIn("Inconnu <inconnu@ailleurs.test>", lunch.description)
        self.assertEqual(
            lunch.attendee_ids.filtered(lambda a: a.partner_id == self.alice.partner_id).state,
            "accepted")
        salon = events["salon-1@google.com"]
        self.assertTrue(salon.allday)
        self.assertEqual((salon.start_date, salon.stop_date), ("2026-03-10", "2026-03-11"))
        weekly = events["weekly-1@google.com"]
        self.assertTrue(weekly.recurrency)
        occurrences = self.Event.sudo(self.alice).with_context(tz="Europe/Paris").search(
            [("id", "=", weekly.id)]).read(["start"])
        self.assertEqual(sorted(o["start"] for o in occurrences),
                         ["2026-03-02 08:00:00", "2026-03-23 08:00:00"])
        moved = events["weekly-1@google.com#20260316T080000Z"]
        self.assertEqual(moved.start, "2026-03-17 10:00:00")
        # no invitation went out
        self.assertFalse(
            self.env["mail.mail"].search([("subject", "ilike", "Déjeuner avec Sophie")]))

        wizard = self.run_import(CALENDAR % {"summary": "Déjeuner avec Sophie Perrin"})
        self.assertEqual((wizard.created_count, wizard.updated_count), (0, 4))
        self.assertEqual(len(self.imported()), 4)
        lunch = self.imported().filtered(lambda e: e.crm_ics_uid == "lunch-1@google.com")
        self.assertEqual(lunch.name, "Déjeuner avec Sophie Perrin")

    def test_each_user_imports_their_own_copy(self):
        self.run_import(CALENDAR % {"summary": "Déjeuner"})
        self.run_import(CALENDAR % {"summary": "Déjeuner"}, user=self.bruno)
        self.assertEqual(len(self.imported()), 4)

    def test_cancelled_event_is_archived(self):
        self.run_import(CALENDAR % {"summary": "Déjeuner"})
        cancelled = (CALENDAR % {"summary": "Déjeuner"}).replace(
            "LOCATION:Tours", "LOCATION:Tours\nSTATUS:CANCELLED")
        wizard = self.run_import(cancelled)
        self.assertEqual(wizard.cancelled_count, 1)
        self.assertNotIn("lunch-1@google.com", self.imported().mapped("crm_ics_uid"))

    def test_bad_event_imports_nothing_and_names_it(self):
        bad = (CALENDAR % {"summary": "Déjeuner"}).replace(
            "END:VCALENDAR", "BEGIN:VEVENT\nUID:bad\nSUMMARY:Sans date\nEND:VEVENT\nEND:VCALENDAR")
        with self.assertRaises(UserError) as ctx:
            self.run_import(bad)
        self.assertIn("Sans date", ctx.exception.name)
        self.assertIn("Event 5", ctx.exception.name)
        self.assertFalse(self.imported())

    def test_not_a_calendar(self):
        with self.assertRaises(UserError) as ctx:
            self.run_import("Nom;Prénom\nDupont;Jean\n")
        self.assertIn("not an iCalendar", ctx.exception.name)
        with self.assertRaises(UserError):
            self.run_import("BEGIN:VCALENDAR\nEND:VCALENDAR\n")
