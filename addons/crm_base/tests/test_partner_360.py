# -*- coding: utf-8 -*-
"""The 360° contact record: smart buttons, the Activity timeline and its hook."""
import base64
import time

from lxml import etree

from odoo import api, models
from odoo.tests.common import SavepointCase

from .registration import registered


class UsersTimelineProvider(models.AbstractModel):
    """A provider another addon would write: the logins of a contact's people.

    ``_register = False``: not part of crm_base, the test builds it into the
    registry itself (see ``registered``) and removes it afterwards."""
    _name = "crm.timeline.test.provider"
    _inherit = "crm.timeline.mixin"
    _register = False
    _module = "crm_base"

    @api.model
    def _crm_timeline_sources(self):
        return [{"key": "test_logins", "label": "Logins", "icon": "fa-user", "sequence": 70,
                 "model": "res.users", "date_field": "create_date"}]

    @api.model
    def _crm_timeline_domain(self, key, partners):
        return [("partner_id", "in", partners.ids)]


class TestPartner360(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestPartner360, cls).setUpClass()
        Partner = cls.env["res.partner"].with_context(tracking_disable=True)
        cls.company = Partner.create({"name": "Boulangerie Martin", "is_company": True})
        cls.alice = Partner.create({"name": "Alice Martin", "parent_id": cls.company.id,
                                    "email": "alice@boulangerie-martin.test"})
        cls.bob = Partner.create({"name": "Bob Martin", "parent_id": cls.company.id})
        cls.other = Partner.create({"name": "Someone Else", "is_company": True})
        Message = cls.env["mail.message"]
        cls.note_type = cls.env.ref("mail.mt_note")

        def message(partner, date, **values):
            values.update(model="res.partner", res_id=partner.id, date=date)
            return Message.create(values)

        cls.email_in = message(cls.alice, "2024-03-01 09:00:00", message_type="email",
                               subject="Devis pour les croissants",
                               body="<p>Bonjour, pouvez-vous…</p>", author_id=cls.alice.id)
        cls.email_out = message(cls.company, "2024-03-02 10:00:00", message_type="comment",
                                subtype_id=cls.env.ref("mail.mt_comment").id,
                                subject="Re: Devis", body="<p>Voici notre devis.</p>")
        cls.note = message(cls.bob, "2024-03-03 11:00:00", message_type="comment",
                           subtype_id=cls.note_type.id,
                           body="<p>Prefers <b>morning</b> deliveries</p>")
        message(cls.other, "2024-03-04 11:00:00", message_type="comment",
                subtype_id=cls.note_type.id, body="<p>not about Martin</p>")
        # a planned call marked as done becomes a message with the call type
        call_type = cls.env.ref("mail.mail_activity_data_call")
        partner_model = cls.env["ir.model"]._get("res.partner")
        done = cls.env["mail.activity"].create({
            "res_model_id": partner_model.id, "res_id": cls.company.id,
            "activity_type_id": call_type.id, "summary": "Call about the order",
            "date_deadline": "2024-03-05"})
        cls.call = Message.browse(done.action_feedback("Ordered 200 croissants"))
        cls.call.date = "2024-03-05 16:00:00"
        cls.todo = cls.env["mail.activity"].create({
            "res_model_id": partner_model.id, "res_id": cls.alice.id,
            "activity_type_id": cls.env.ref("mail.mail_activity_data_todo").id,
            "summary": "Send the price list", "date_deadline": "2030-01-15"})
        cls.meeting = cls.env["calendar.event"].create({
            "name": "Tasting at the bakery", "start": "2024-03-06 14:00:00",
            "stop": "2024-03-06 15:00:00", "location": "Rennes",
            "partner_ids": [(6, 0, [cls.alice.id, cls.env.user.partner_id.id])]})
        cls.document = cls.env["ir.attachment"].create({
            "name": "kbis.pdf", "datas_fname": "kbis.pdf", "res_model": "res.partner",
            "res_id": cls.bob.id, "datas": base64.b64encode(b"%PDF-1.4 kbis")})
        # as if it had been attached on that day
        cls.env.cr.execute("UPDATE ir_attachment SET create_date = %s WHERE id = %s",
                           ("2024-03-04 08:00:00", cls.document.id))
        cls.document.invalidate_cache()

    def test_smart_button_counts_gather_the_company_and_its_contacts(self):
        company = self.company
        self.assertEqual(company.crm_email_count, 2)      # received + sent from the chatter
        self.assertEqual(company.crm_meeting_count, 1)
        self.assertEqual(company.crm_call_count, 1)
        self.assertEqual(company.crm_note_count, 1)
        self.assertEqual(company.crm_document_count, 1)
        self.assertEqual(company.crm_planned_count, 1)
        # a person only sees what concerns them
        self.assertEqual((self.alice.crm_email_count, self.alice.crm_note_count,
                          self.alice.crm_meeting_count), (1, 0, 1))
        self.assertEqual((self.bob.crm_note_count, self.bob.crm_document_count), (1, 1))
        self.assertEqual(self.other.crm_email_count, 0)

    def test_smart_buttons_are_in_the_form_and_open_the_right_lists(self):
        view = self.env["res.partner"].fields_view_get(
            view_id=self.env.ref("base.view_partner_form").id, view_type="form")
        doc = etree.fromstring(view["arch"])
        buttons = doc.xpath("//div[@name='button_box']/button[@name='action_crm_timeline_open']")
        sources = [eval(b.get("context"))["crm_timeline_source"] for b in buttons]
        # crm_base's sources in their order (other addons add theirs among them)
        own = ["emails", "meetings", "calls", "notes", "documents", "planned"]
        self.assertEqual([key for key in sources if key in own], own)
        self.assertEqual(buttons[0].xpath("field/@name"), ["crm_email_count"])
        self.assertIn("crm_email_count", view["fields"])
        self.assertTrue(
            doc.xpath("//page[@name='crm_timeline']/widget[@name='crm_partner_timeline']"))

        def open_list(key):
            action = self.company.with_context(crm_timeline_source=key).action_crm_timeline_open()
            return self.env[action["res_model"]].search(action["domain"]), action

        emails, action = open_list("emails")
        self.assertEqual(action["res_model"], "mail.message")
        self.assertEqual(emails, self.email_in | self.email_out)
        meetings, action = open_list("meetings")
        self.assertEqual(meetings, self.meeting)
        self.assertEqual(action["views"][0][1], "calendar")
        self.assertEqual(open_list("calls")[0], self.call)
        self.assertEqual(open_list("notes")[0], self.note)
        self.assertEqual(open_list("documents")[0], self.document)
        self.assertEqual(open_list("planned")[0], self.todo)

    def test_timeline_is_chronological_and_complete(self):
        data = self.company.crm_timeline_get()
        items = data["items"]
        self.assertFalse(data["has_more"])
        self.assertEqual([(i["kind"], i["model"], i["res_id"]) for i in items], [
            ("planned", "mail.activity", self.todo.id),          # 2030: planned, on top
            ("meeting", "calendar.event", self.meeting.id),
            ("call", "mail.message", self.call.id),
            ("document", "ir.attachment", self.document.id),
            ("note", "mail.message", self.note.id),
            ("email", "mail.message", self.email_out.id),
            ("email", "mail.message", self.email_in.id),
        ])
        by_kind = {item["kind"]: item for item in items}
        self.assertEqual(by_kind["note"]["summary"], "Prefers morning deliveries")
        self.assertIn("Ordered 200 croissants", by_kind["call"]["summary"])
        self.assertEqual(by_kind["call"]["title"], "Call")
        self.assertEqual(by_kind["call"]["icon"], "fa-phone")
        self.assertEqual(items[-2]["title"], "Re: Devis")
        self.assertEqual(items[-1]["title"], "Devis pour les croissants")
        self.assertEqual(items[-1]["author"], "Alice Martin")
        self.assertEqual(by_kind["meeting"]["title"], "Tasting at the bakery")
        self.assertTrue(by_kind["planned"]["planned"])
        self.assertTrue(by_kind["document"]["url"].startswith("/web/content/%d" % self.document.id))
        for item in items:
            self.assertTrue(item["label"], item)
        # a contact's timeline holds only its own items
        alice = [(i["model"], i["res_id"]) for i in self.alice.crm_timeline_get()["items"]]
        self.assertEqual(sorted(alice), sorted([
            ("mail.activity", self.todo.id), ("calendar.event", self.meeting.id),
            ("mail.message", self.email_in.id)]))

    def test_timeline_pages_and_stays_fast_with_many_messages(self):
        Message = self.env["mail.message"]
        for n in range(200):
            Message.create({"model": "res.partner", "res_id": self.bob.id,
                            "message_type": "comment", "subtype_id": self.note_type.id,
                            "date": "2025-01-01 %02d:%02d:00" % (n // 60, n % 60),
                            "body": "<p>note %d</p>" % n})
        self.company.invalidate_cache()
        self.assertEqual(self.company.crm_note_count, 201)
        started = time.time()
        data = self.company.crm_timeline_get(limit=40)
        elapsed = time.time() - started
        self.assertEqual(len(data["items"]), 40)
        self.assertTrue(data["has_more"])
        notes = [i for i in data["items"] if i["kind"] == "note"]
        self.assertEqual(notes[0]["summary"], "note 199")         # newest note first
        dates = [i["date"] for i in data["items"]]
        self.assertEqual(dates, sorted(dates, reverse=True))
        self.assertLess(elapsed, 2.0)
        self.assertEqual(len(self.company.crm_timeline_get(limit=500)["items"]), 207)

    def test_another_addon_adds_its_source_without_touching_crm_base(self):
        user = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Alice Martin", "login": "alice.martin.timeline",
            "partner_id": self.alice.id})
        with registered(self.env, UsersTimelineProvider):
            self.assertIn("crm.timeline.test.provider",
                          self.env["res.partner"]._crm_timeline_providers())
            items = self.company.crm_timeline_get()["items"]
            logins = [i for i in items if i["source"] == "test_logins"]
            self.assertEqual([(i["model"], i["res_id"], i["icon"]) for i in logins],
                             [("res.users", user.id, "fa-user")])
            # its smart button, with the label only as it declares no count field
            view = self.env["res.partner"].fields_view_get(
                view_id=self.env.ref("base.view_partner_form").id, view_type="form")
            doc = etree.fromstring(view["arch"])
            [button] = [b for b in doc.xpath("//button[@name='action_crm_timeline_open']")
                        if "test_logins" in b.get("context")]
            self.assertEqual(button.get("string"), "Logins")
            action = self.company.with_context(
                crm_timeline_source="test_logins").action_crm_timeline_open()
            self.assertEqual(self.env[action["res_model"]].search(action["domain"]), user)
        self.assertNotIn("crm.timeline.test.provider",
                         self.env["res.partner"]._crm_timeline_providers())
        self.assertFalse([i for i in self.company.crm_timeline_get()["items"]
                          if i["source"] == "test_logins"])
