# -*- coding: utf-8 -*-
"""Meetings: types with a default duration, the link to any record, and
"Schedule a meeting" from a contact (attendees pre-filled)."""
from odoo.exceptions import ValidationError

from .agenda_common import AgendaCase


class TestAgendaMeetings(AgendaCase):

    def test_type_sets_duration_on_create(self):
        demo_type = self.env.ref("crm_base.crm_meeting_type_demo")
        event = self.Event.sudo(self.alice).create({
            "name": "Démo", "start": "2026-03-02 09:00:00", "crm_meeting_type_id": demo_type.id})
        self.assertEqual(event.duration, 1.5)
        self.assertEqual(event.stop, "2026-03-02 10:30:00")
        # an explicit end wins over the type
        event = self.Event.sudo(self.alice).create({
            "name": "Démo courte", "start": "2026-03-02 09:00:00", "stop": "2026-03-02 09:45:00",
            "crm_meeting_type_id": demo_type.id})
        self.assertEqual(event.stop, "2026-03-02 09:45:00")

    def test_type_onchange_sets_stop_and_tags(self):
        visit = self.env.ref("crm_base.crm_meeting_type_site_visit")
        event = self.Event.new({"name": "Visite", "start_datetime": "2026-03-02 13:00:00",
                                "start": "2026-03-02 13:00:00", "duration": 1.0})
        event.crm_meeting_type_id = visit
        event._onchange_crm_meeting_type_id()
        self.assertEqual(event.duration, 2.0)
        self.assertEqual(event.stop, "2026-03-02 15:00:00")
        self.assertIn(self.env.ref("calendar.categ_meet3"), event.categ_ids)

    def test_default_types_and_durations(self):
        durations = {t.name: t.default_duration for t in self.env["crm.meeting.type"].search([])}
        self.assertEqual(durations.get("Customer meeting"), 1.0)
        self.assertEqual(durations.get("Discovery call"), 0.5)
        self.assertEqual(durations.get("Demo"), 1.5)
        self.assertEqual(durations.get("Business lunch"), 1.5)
        self.assertEqual(durations.get("Site visit"), 2.0)

    def test_type_duration_must_be_sensible(self):
        with self.assertRaises(ValidationError):
            self.env["crm.meeting.type"].create({"name": "Trop long", "default_duration": 30})

    def test_type_is_manager_only(self):
        from odoo.exceptions import AccessError
        with self.assertRaises(AccessError):
            self.env["crm.meeting.type"].sudo(self.alice).create(
                {"name": "Mine", "default_duration": 1})

    def test_schedule_from_contact_prefills_attendees_and_link(self):
        action = self.client.sudo(self.alice).action_crm_schedule_meeting()
        self.assertEqual(action["res_model"], "calendar.event")
        # the action's own context, as it is (replaces the test's)
        # pylint: disable-next=context-overridden
        Event = self.Event.sudo(self.alice).with_context(action["context"])
        defaults = Event.default_get(["partner_ids", "res_model_id", "res_id", "name"])
        self.assertEqual(set(defaults["partner_ids"][0][2]),
                         {self.client.id, self.alice.partner_id.id})
        values = dict(defaults, start="2026-03-02 09:00:00", stop="2026-03-02 10:00:00")
        event = Event.create(values)
        self.assertEqual(event.crm_linked_record, self.client)
        self.assertEqual(self.client.crm_linked_meeting_count, 1)
        meetings = self.client.sudo(self.alice).action_crm_linked_meetings()
        self.assertEqual(
            self.Event.with_context(virtual_id=False).search(meetings["domain"]), event)

    def test_360_meetings_button_adds_the_user(self):
        # the 360° "Meetings" action passes only the contact: the user is added
        Event = self.Event.sudo(self.bruno).with_context(
            default_partner_ids=[(6, 0, [self.client.id])])
        partner_ids = Event.default_get(["partner_ids"])["partner_ids"][0][2]
        self.assertEqual(set(partner_ids), {self.client.id, self.bruno.partner_id.id})
        Event = Event.with_context(crm_meeting_without_me=True)
        self.assertEqual(Event.default_get(["partner_ids"])["partner_ids"],
                         [(6, 0, [self.client.id])])

    def test_linked_record_reference(self):
        event = self.meeting(self.alice, "2026-03-02 09:00:00", "2026-03-02 10:00:00")
        self.assertFalse(event.crm_linked_record)
        self.assertIn("res.partner", dict(self.Event._crm_linkable_models()))
        event.crm_linked_record = self.client
        self.assertEqual((event.res_model, event.res_id), ("res.partner", self.client.id))
        event.crm_linked_record = False
        self.assertFalse(event.res_model_id)
