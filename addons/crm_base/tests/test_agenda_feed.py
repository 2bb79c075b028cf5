# -*- coding: utf-8 -*-
"""The secret ICS address of a user: token, lookup, and the feed's content.
(The HTTP route itself is tested end to end in tests/test_calendar_feed_http.py.)"""
import datetime

import vobject

from odoo.exceptions import AccessError

from .agenda_common import AgendaCase

NOW = datetime.datetime(2026, 3, 1, 12, 0)


class TestAgendaFeed(AgendaCase):

    @classmethod
    def setUpClass(cls):
        super(TestAgendaFeed, cls).setUpClass()
        both = cls.bruno.partner_id | cls.alice.partner_id
        cls.lunch = cls.meeting(cls.alice, "2026-03-04 11:30:00", "2026-03-04 13:00:00",
                                partners=cls.alice.partner_id | cls.client,
                                name="Déjeuner – Mercier", location="Tours",
                                description="Point sur le dossier")
        cls.invited = cls.meeting(cls.bruno, "2026-03-05 08:00:00", "2026-03-05 09:00:00",
                                  partners=both, name="Réunion d'équipe")
        cls.declined = cls.meeting(cls.bruno, "2026-03-06 08:00:00", "2026-03-06 09:00:00",
                                   partners=both, name="Refusée")
        alice_attendee = cls.declined.attendee_ids.filtered(
            lambda a: a.partner_id == cls.alice.partner_id)
        alice_attendee.state = "declined"
        cls.other = cls.meeting(cls.bruno, "2026-03-05 13:00:00", "2026-03-05 14:00:00",
                                name="Sans Alice")
        cls.old = cls.meeting(cls.alice, "2025-06-01 08:00:00", "2025-06-01 09:00:00",
                              name="Trop ancienne")
        cls.weekly = cls.meeting(cls.alice, "2026-03-02 08:00:00", "2026-03-02 09:00:00",
                                 name="Hebdo", recurrency=True, rrule_type="weekly", interval=1,
                                 mo=True, end_type="count", count=4)
        cls.salon = cls.meeting(cls.alice, "2026-03-10 08:00:00", "2026-03-11 18:00:00",
                                name="Salon", allday=True)

    def feed(self, user=None):
        data = (user or self.alice)._crm_ics_feed(now=NOW)
        return vobject.readOne(data.decode("utf-8"))

    def test_token_regenerate_and_lookup(self):
        Users = self.env["res.users"]
        self.assertFalse(self.alice.sudo(self.alice).crm_ics_url)
        self.alice.sudo(self.alice).action_crm_ics_regenerate()
        url = self.alice.sudo(self.alice).crm_ics_url
        self.assertRegex(url, r"/crm/calendar/[A-Za-z0-9_-]{40,}\.ics$")
        token = url.rsplit("/", 1)[1][:-4]
        self.assertEqual(Users._crm_ics_user_from_token(token), self.alice)
        # a colleague does not see the address
        self.assertFalse(self.alice.sudo(self.bruno).crm_ics_url)
        self.assertFalse(self.alice.sudo(self.bruno).read(["crm_ics_url"])[0]["crm_ics_url"])
        with self.assertRaises(AccessError):
            self.alice.sudo(self.bruno).read(["crm_ics_token"])
        with self.assertRaises(AccessError):
            self.alice.sudo(self.bruno).action_crm_ics_regenerate()
        # a new address replaces the old one
        self.alice.sudo(self.alice).action_crm_ics_regenerate()
        self.assertFalse(Users._crm_ics_user_from_token(token))
        new_token = self.alice.sudo(self.alice).crm_ics_url.rsplit("/", 1)[1][:-4]
        self.assertNotEqual(new_token, token)
        for bad in ("", "x", new_token[:-1], new_token + "x", "a" * 500):
            self.assertFalse(Users._crm_ics_user_from_token(bad), bad)
        # archived users and revoked addresses get nothing
        self.alice.sudo(self.alice).action_crm_ics_revoke()
        self.assertFalse(Users._crm_ics_user_from_token(new_token))
        self.bruno.sudo(self.bruno).action_crm_ics_regenerate()
        bruno_token = self.bruno.sudo(self.bruno).crm_ics_url.rsplit("/", 1)[1][:-4]
        self.bruno.active = False
        self.assertFalse(Users._crm_ics_user_from_token(bruno_token))

    def test_feed_holds_the_users_meetings(self):
        cal = self.feed()
        events = {e.summary.value: e for e in cal.vevent_list}
        self.assertEqual(set(events), {"Déjeuner – Mercier", "Réunion d'équipe", "Hebdo", "Salon"})
        lunch = events["Déjeuner – Mercier"]
        self.assertEqual(lunch.dtstart.value.replace(tzinfo=None),
                         datetime.datetime(2026, 3, 4, 12, 30))
        self.assertIn(b"DTSTART;TZID=Europe/Paris:20260304T123000",
                      self.alice._crm_ics_feed(now=NOW))
        self.assertEqual(lunch.location.value, "Tours")
        self.assertEqual(lunch.description.value, "Point sur le dossier")
        self.assertEqual({a.value for a in lunch.contents["attendee"]},
                         {"mailto:alice@agenda.test", "mailto:sophie@mercier.test"})
        self.assertEqual(cal.vtimezone.tzid.value, "Europe/Paris")
        self.assertEqual(events["Salon"].dtstart.value, datetime.date(2026, 3, 10))
        self.assertEqual(events["Salon"].dtend.value, datetime.date(2026, 3, 12))
        self.assertIn("FREQ=WEEKLY", events["Hebdo"].rrule.value)
        self.assertEqual(len(list(events["Hebdo"].getrruleset())), 4)

    def test_uid_is_stable_and_unique(self):
        first = [e.uid.value for e in self.feed().vevent_list]
        self.lunch.write({"name": "Déjeuner déplacé", "start": "2026-03-04 12:00:00",
                          "stop": "2026-03-04 13:00:00"})
        second = [e.uid.value for e in self.feed().vevent_list]
        self.assertEqual(sorted(first), sorted(second))
        self.assertEqual(len(set(first)), len(first))

    def test_deleted_occurrence_is_an_exdate(self):
        # virtual ids
        occurrences = self.Event.sudo(self.alice).search([("id", "=", self.weekly.id)]).ids
        second = sorted(occurrences)[1]
        self.Event.sudo(self.alice).browse(second).unlink()
        hebdo = [e for e in self.feed().vevent_list if e.summary.value == "Hebdo"][0]
        self.assertEqual(len(list(hebdo.getrruleset())), 3)

    def test_preferences_show_the_address_to_its_owner(self):
        view = self.env.ref("base.view_users_form_simple_modif")
        arch = self.env["res.users"].sudo(self.alice).fields_view_get(view_id=view.id)["arch"]
        self.assertIn('name="crm_ics_url"', arch)
        self.assertIn('name="action_crm_ics_regenerate"', arch)
        self.alice.sudo(self.alice).action_crm_ics_regenerate()
        row = self.alice.sudo(self.alice).read(["crm_ics_url", "name", "tz"])[0]
        self.assertIn("/crm/calendar/", row["crm_ics_url"])
