# -*- coding: utf-8 -*-
"""The demo database is believable: enough French companies and people,
with relations, meetings and mails, and the saved filters find something."""
import datetime

from odoo import fields
from odoo.tests.common import TransactionCase


class TestDemoData(TransactionCase):

    def setUp(self):
        super(TestDemoData, self).setUp()
        if not self.env.ref("crm_base.crm_demo_person_001", raise_if_not_found=False):
            self.skipTest("database without demo data")
        self.Partner = self.env["res.partner"]
        self.demo = self.env["ir.model.data"].search(
            [("module", "=", "crm_base"), ("model", "=", "res.partner")]).mapped("res_id")

    def test_enough_companies_and_people(self):
        demo = self.Partner.browse(self.demo)
        self.assertGreaterEqual(len(demo.filtered("is_company")), 50)
        self.assertGreaterEqual(len(demo.filtered(lambda p: not p.is_company)), 150)
        self.assertTrue(all(p.siren for p in demo.filtered("is_company")))

    def test_relations_meetings_and_mails(self):
        self.assertGreaterEqual(self.env["crm.partner.relation"].search_count([]), 10)
        meetings = self.env["calendar.event"].search([("partner_ids", "in", self.demo)])
        self.assertGreaterEqual(len(meetings), 30)
        mails = self.env["mail.message"].search([
            ("model", "=", "res.partner"), ("res_id", "in", self.demo),
            ("message_type", "=", "email")])
        self.assertGreaterEqual(len(mails), 40)
        self.assertTrue(mails.filtered(lambda m: m.author_id.id in self.demo), "incoming mails")
        self.assertTrue(mails.filtered(lambda m: m.author_id == self.env.ref("base.partner_root")),
                        "outgoing mails")

    def test_nothing_done_for_30_days_finds_contacts(self):
        cutoff = fields.Datetime.to_string(datetime.datetime.now() - datetime.timedelta(days=30))
        stale = self.Partner.search([("id", "in", self.demo), ("last_activity_date", "<", cutoff)])
        recent = self.Partner.search(
            [("id", "in", self.demo), ("last_activity_date", ">=", cutoff)])
        self.assertTrue(stale, "some demo contacts have had nothing done for 30 days")
        self.assertTrue(recent, "others have recent mails or meetings")
