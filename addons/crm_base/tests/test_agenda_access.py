# -*- coding: utf-8 -*-
"""Colleagues' calendars: a CRM user adds a colleague to the attendees
sidebar (calendar.contacts) and sees the colleague's meetings; private ones
read as "Busy" and cannot be changed."""
import datetime

from odoo.exceptions import AccessError

from .agenda_common import AgendaCase


class TestAgendaAccess(AgendaCase):

    @classmethod
    def setUpClass(cls):
        super(TestAgendaAccess, cls).setUpClass()
        cls.public = cls.meeting(cls.bruno, "2026-03-03 09:00:00", "2026-03-03 10:00:00",
                                 name="Démo Octet Solutions", location="Rennes")
        cls.private = cls.meeting(cls.bruno, "2026-03-03 14:00:00", "2026-03-03 15:00:00",
                                  name="Rendez-vous médical", privacy="private",
                                  location="Cabinet", description="Dr X")

    def test_add_colleague_and_see_meetings(self):
        contacts = self.env["calendar.contacts"].sudo(self.alice)
        contacts.create({"partner_id": self.bruno.partner_id.id})
        self.assertIn(self.bruno.partner_id,
                      contacts.search([("user_id", "=", self.alice.id)]).mapped("partner_id"))
        domain = [("partner_ids", "in", [self.bruno.partner_id.id]),
                  ("start", "<=", "2026-03-08 00:00:00"), ("stop", ">=", "2026-03-02 00:00:00")]
        events = self.Event.sudo(self.alice).search(domain)
        self.assertEqual(set(events.ids), {self.public.id, self.private.id})
        rows = {
            r["id"]: r for r in events.read(["name", "location", "description", "start", "stop"])}
        self.assertEqual(rows[self.public.id]["name"], "Démo Octet Solutions")
        self.assertEqual(rows[self.private.id]["name"], "Busy")
        self.assertFalse(rows[self.private.id]["location"])
        self.assertFalse(rows[self.private.id]["description"])
        self.assertEqual(rows[self.private.id]["start"], "2026-03-03 14:00:00")

    def test_private_meeting_keeps_its_organizer_for_the_calendar_view(self):
        # the calendar view colours and filters by partner_id: Odoo 11 blanked
        # it on a colleague's private meeting (a 404 for res.partner/false)
        row = self.private.sudo(self.alice).read(["partner_id", "name", "description"])[0]
        self.assertEqual(row["partner_id"][0], self.bruno.partner_id.id)
        self.assertEqual(row["name"], "Busy")
        self.assertFalse(row["description"])

    def test_private_meeting_cannot_be_changed_by_colleague(self):
        with self.assertRaises(AccessError):
            self.private.sudo(self.alice).write({"name": "Vu"})
        # the owner reads the details
        self.assertEqual(self.private.sudo(self.bruno).read(["name"])[0]["name"],
                         "Rendez-vous médical")

    def test_private_meeting_masked_in_ics_values(self):
        values = self.private.sudo()._crm_ics_values(self.alice, "db")[0]
        self.assertEqual(values["summary"], "Busy")
        self.assertEqual((values["location"], values["description"], values["attendees"]),
                         ("", "", []))
        own = self.private.sudo()._crm_ics_values(self.bruno, "db")[0]
        self.assertEqual(own["summary"], "Rendez-vous médical")

    def test_meeting_time_lines_are_personal(self):
        Report = self.env["crm.meeting.time"]
        Report._crm_refresh(datetime.date(2026, 3, 2), datetime.date(2026, 3, 8),
                            users=self.alice | self.bruno)
        self.assertEqual(Report.sudo(self.alice).search([("user_id", "=", self.bruno.id)]), Report)
        self.assertTrue(Report.sudo(self.bruno).search([("user_id", "=", self.bruno.id)]))
        manager = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Chef", "login": "chef.agenda",
            "groups_id": [(6, 0, [self.env.ref("crm_base.group_crm_manager").id])]})
        self.assertTrue(Report.sudo(manager).search([("user_id", "=", self.bruno.id)]))
        with self.assertRaises(AccessError):
            Report.sudo(self.bruno).search([], limit=1).write({"hours": 99})
