# -*- coding: utf-8 -*-
"""The contact as the CRM shows it: relationship types, owner, company
profile, last activity, and the saved filters of the CRM app's search view."""
import datetime

from lxml import etree

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests.common import TransactionCase


class TestContactsFields(TransactionCase):

    def setUp(self):
        super(TestContactsFields, self).setUp()
        self.Partner = self.env["res.partner"]
        self.client_type = self.env.ref("crm_base.relationship_type_client")
        self.prospect_type = self.env.ref("crm_base.relationship_type_prospect")
        self.company = self.Partner.create({
            "name": "Menuiserie Test", "is_company": True,
            "crm_relationship_type_ids": [(6, 0, [self.client_type.id])]})
        self.person = self.Partner.create({"name": "Jeanne Test", "parent_id": self.company.id})

    # -- helpers ---------------------------------------------------------------
    def search_filter(self, name, extra_domain=None):
        """The records a user gets by clicking the filter `name` of the CRM app."""
        action = self.env.ref("crm_base.res_partner_company_action")
        arch = self.Partner.fields_view_get(action.search_view_id.id, "search")["arch"]
        [node] = etree.fromstring(arch).xpath("//filter[@name='%s']" % name)
        domain = eval(node.get("domain"), {  # our own XML, evaluated as the web client does
            "uid": self.env.uid, "datetime": datetime,
            "context_today": lambda: datetime.date.today()})
        return self.Partner.search(domain + (extra_domain or []))

    def past(self, days):
        return fields.Datetime.to_string(datetime.datetime.now() - datetime.timedelta(days=days))

    # -- fields ----------------------------------------------------------------
    def test_people_share_the_relationship_of_their_company(self):
        self.assertEqual(self.person.crm_relationship_type_ids, self.client_type)
        self.company.write({"crm_relationship_type_ids": [(4, self.prospect_type.id)]})
        self.assertEqual(self.person.crm_relationship_type_ids,
                         self.client_type | self.prospect_type)

    def test_five_relationship_types_out_of_the_box(self):
        codes = self.env["crm.relationship.type"].search([]).mapped("code")
        for code in ("prospect", "client", "supplier", "partner", "other"):
            self.assertIn(code, codes)

    def test_share_capital_is_in_euros_by_default(self):
        self.company.share_capital = 15000
        self.assertEqual(self.company.share_capital_currency_id, self.env.ref("base.EUR"))

    def test_private_contact_needs_an_owner(self):
        with self.assertRaises(ValidationError):
            self.Partner.create({"name": "Secret", "crm_private": True, "user_id": False})
        partner = self.Partner.new({"name": "Secret"})
        partner.crm_private = True
        partner._onchange_crm_private()
        self.assertEqual(partner.user_id, self.env.user)

    def test_users_and_companies_cannot_be_private(self):
        with self.assertRaises(ValidationError):
            self.env.user.partner_id.write({"crm_private": True, "user_id": self.env.uid})
        with self.assertRaises(ValidationError):
            self.env.user.company_id.partner_id.write(
                {"crm_private": True, "user_id": self.env.uid})

    # -- last activity ---------------------------------------------------------
    def test_last_activity_follows_notes_meetings_and_activities(self):
        self.assertFalse(self.company.last_activity_date)
        # automatic notifications (a tracked field changed) are not activity
        self.company.message_post(body="Owner changed", message_type="notification")
        self.assertFalse(self.company.last_activity_date)

        message = self.company.message_post(body="Called, wants a quote", message_type="comment",
                                            subtype="mail.mt_note")
        self.assertEqual(self.company.last_activity_date, message.date)
        message.sudo().date = self.past(40)
        self.assertEqual(self.company.last_activity_date,
                         self.past(40)[:10] + self.company.last_activity_date[10:])

        meeting = self.env["calendar.event"].create({
            "name": "Visite atelier", "start": self.past(20), "stop": self.past(19),
            "partner_ids": [(6, 0, [self.company.id])]})
        self.assertEqual(self.company.last_activity_date, meeting.start)

        activity = self.env["mail.activity"].create({
            "res_model_id": self.env.ref("base.model_res_partner").id, "res_id": self.company.id,
            "activity_type_id": self.env.ref("mail.mail_activity_data_call").id,
            "summary": "Relancer", "date_deadline": fields.Date.today()})
        self.assertEqual(self.company.last_activity_date, activity.write_date)

    def test_future_meeting_counts_as_done_when_planned(self):
        start = fields.Datetime.to_string(datetime.datetime.now() + datetime.timedelta(days=10))
        before = fields.Datetime.now()
        self.env["calendar.event"].create({
            "name": "Démo", "start": start, "stop": start,
            "partner_ids": [(6, 0, [self.person.id])]})
        self.assertTrue(before <= self.person.last_activity_date < start)

    # -- saved filters -----------------------------------------------------------
    def test_filter_nothing_done_for_30_days(self):
        ids = [self.company.id, self.person.id]
        # just created, nothing done yet: not stale
        self.assertFalse(self.search_filter("nothing_done_30_days", [("id", "in", ids)]))
        note = self.company.message_post(body="RDV fixé", message_type="comment",
                                         subtype="mail.mt_note")
        note.sudo().date = self.past(45)
        self.assertEqual(self.search_filter("nothing_done_30_days", [("id", "in", ids)]),
                         self.company)
        self.company.message_post(body="Relancé", message_type="comment", subtype="mail.mt_note")
        self.assertFalse(self.search_filter("nothing_done_30_days", [("id", "in", ids)]))
        # created long ago and never touched
        self.env.cr.execute("UPDATE res_partner SET create_date = %s WHERE id = %s",
                            (self.past(60), self.person.id))
        self.person.invalidate_cache()
        self.assertEqual(self.search_filter("nothing_done_30_days", [("id", "in", ids)]),
                         self.person)

    def test_filters_prospects_clients_my_contacts(self):
        prospect = self.Partner.create({
            "name": "Prospect Test", "is_company": True, "user_id": self.env.uid,
            "crm_relationship_type_ids": [(6, 0, [self.prospect_type.id])]})
        ids = [self.company.id, self.person.id, prospect.id]
        self.assertEqual(self.search_filter("prospects", [("id", "in", ids)]), prospect)
        self.assertEqual(self.search_filter("clients", [("id", "in", ids)]),
                         self.company | self.person)
        self.company.user_id = self.env.ref("base.user_demo")
        mine = self.search_filter("my_contacts", [("id", "in", ids)])
        self.assertIn(prospect, mine)
        self.assertNotIn(self.company, mine)

    def test_group_by_tag_and_owner(self):
        Tag = self.env["res.partner.category"]
        vip, local = Tag.create({"name": "VIP test"}), Tag.create({"name": "Local test"})
        both = self.Partner.create(
            {"name": "Both tags", "category_id": [(6, 0, [vip.id, local.id])]})
        one = self.Partner.create({"name": "One tag", "category_id": [(6, 0, [vip.id])]})
        none = self.Partner.create({"name": "No tag"})
        domain = [("id", "in", [both.id, one.id, none.id])]
        groups = self.Partner.read_group(domain, ["name"], ["category_id"])
        counts = {g["category_id"] and g["category_id"][1]: g["category_id_count"] for g in groups}
        self.assertEqual(counts, {"VIP test": 2, "Local test": 1, False: 1})
        vip_group = [g for g in groups if g["category_id"] and g["category_id"][0] == vip.id][0]
        self.assertEqual(self.Partner.search(vip_group["__domain"]), both | one)
        # the group-by filters of the search view
        action = self.env.ref("crm_base.res_partner_person_action")
        arch = etree.fromstring(
            self.Partner.fields_view_get(action.search_view_id.id, "search")["arch"])
        self.assertIn("'group_by': 'category_id'",
                      arch.xpath("//filter[@name='group_tag']")[0].get("context"))
        self.assertIn("'group_by': 'user_id'",
                      arch.xpath("//filter[@name='group_owner']")[0].get("context"))
        by_owner = self.Partner.read_group(domain, ["name", "user_id"], ["user_id"])
        self.assertEqual(sum(g["user_id_count"] for g in by_owner), 3)
        # then grouped by owner inside each tag
        nested = self.Partner.read_group(domain, ["name", "user_id"], ["category_id", "user_id"])
        self.assertEqual(nested[0]["__context"], {"group_by": ["user_id"]})
        with self.assertRaises(UserError):
            self.Partner.read_group(domain, ["name", "user_id"], ["user_id", "category_id"],
                                    lazy=False)

    def test_crm_app_opens_the_crm_views(self):
        for xmlid in ("crm_base.res_partner_company_action", "crm_base.res_partner_person_action"):
            action = self.env.ref(xmlid)
            views = {v.view_mode: v.view_id for v in action.view_ids}
            self.assertEqual(views["kanban"], self.env.ref("crm_base.res_partner_crm_view_kanban"))
            self.assertEqual(views["tree"], self.env.ref("crm_base.res_partner_crm_view_tree"))
            self.assertEqual(views["form"], self.env.ref("crm_base.res_partner_crm_view_form"))
        tree = etree.fromstring(self.Partner.fields_view_get(
            self.env.ref("crm_base.res_partner_crm_view_tree").id, "tree")["arch"])
        self.assertEqual([f.get("name") for f in tree.xpath("//field[not(@invisible)]")][:6],
                         ["display_name", "city", "phone", "email", "user_id",
                          "crm_relationship_type_ids"])
        form = etree.fromstring(self.Partner.fields_view_get(
            self.env.ref("crm_base.res_partner_crm_view_form").id, "form")["arch"])
        self.assertEqual(form.xpath("//field[@name='user_id']")[0].get("string"), "Owner")
        self.assertTrue(
            form.xpath("//field[@name='siret']"), "the SIRET part shows in the CRM form")
        self.assertTrue(form.xpath("//page[@name='crm_relations']"))
