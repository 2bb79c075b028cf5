# -*- coding: utf-8 -*-
"""Erasure of a person (RGPD art. 17): nothing of them left in the database,
documents the law keeps kept with the name replaced, the register written,
managers only, the confirmation asked."""
import json
import time

from lxml import etree

from odoo import SUPERUSER_ID
from odoo.exceptions import AccessError, UserError
from odoo.tests.common import TransactionCase

from .rgpd_common import (NAME, RgpdTestInvoice, make_invoice, make_person, registered,
                          traces_in_database)

# the steps of an erasure, in their order (README.rst, res_partner_rgpd_erase.py)
ERASE_STEPS = ["_crm_rgpd_erase_retained", "_crm_rgpd_erase_chatter", "_crm_rgpd_erase_documents",
               "_crm_rgpd_erase_meetings", "_crm_rgpd_erase_links", "_crm_rgpd_erase_providers",
               "_crm_rgpd_erase_extra", "_crm_rgpd_erase_contact"]


class TestRgpdErase(TransactionCase):

    def setUp(self):
        super(TestRgpdErase, self).setUp()
        Users = self.env["res.users"].with_context(no_reset_password=True, mail_create_nolog=True)
        self.manager = Users.create({
            "name": "Martine Manager", "login": "martine.rgpd@example.com",
            "email": "martine.rgpd@example.com",
            "groups_id": [(6, 0, [self.env.ref("crm_base.group_crm_manager").id])]})
        self.user = Users.create({
            "name": "Ulysse Commercial", "login": "ulysse.erase@example.com",
            "email": "ulysse.erase@example.com",
            "groups_id": [(6, 0, [self.env.ref("crm_base.group_crm_user").id])]})
        # a custom field of the database (crm.custom.field creates the same kind)
        self.env["ir.model.fields"].create({
            "model_id": self.env["ir.model"]._get("res.partner").id, "name": "x_rgpd_nickname",
            "field_description": "Surnom", "ttype": "char", "state": "manual"})
        self.records = make_person(self.env)
        self.person = self.records["person"]
        self.person.write({"x_rgpd_nickname": "Gaspard de Lyon"})

    def erase(self, partners, user=None):
        wizard = self.env["crm.rgpd.erase"].sudo(user or self.manager).with_context(
            active_model="res.partner", active_ids=partners.ids).create({})
        wizard.confirmation = wizard.expected_confirmation
        return wizard.action_erase()

    def test_nothing_of_the_person_is_left(self):
        cr = self.env.cr
        before = traces_in_database(cr)
        # the scan finds them before (else it proves nothing)
        for table in ("res_partner", "mail_message", "calendar_event", "ir_attachment",
                      "crm_consent", "mail_activity", "calendar_attendee"):
            self.assertIn(table, before)
        start = time.time()
        action = self.erase(self.person)
        duration = time.time() - start
        self.env.cache.invalidate()

        person = self.person.with_context(active_test=False)
        anonymous = "Anonymized contact #%d" % person.id
        self.assertEqual(person.name, anonymous)
        for field in ("email", "phone", "mobile", "street", "zip", "city", "website", "comment",
                      "function", "image", "x_rgpd_nickname", "title", "country_id"):
            self.assertFalse(person[field], field)
        self.assertFalse(person.active)
        self.assertTrue(person.crm_rgpd_erased)
        self.assertTrue(person.crm_rgpd_erase_date)
        self.assertTrue(person.exists())

        # nowhere in the database: partners, messages, meetings, attendees, documents...
        self.assertEqual(traces_in_database(cr), {})

        # messages kept, contents erased
        marker = "[content erased - GDPR]"
        for key in ("note", "email_in", "email_out", "email_unknown"):
            message = self.records[key]
            self.assertIn(marker, message.body, key)
            self.assertEqual(message.subject, marker, key)
        self.assertEqual(self.records["email_in"].email_from, anonymous)
        self.assertEqual(self.records["email_in"].author_id, person)
        # documents deleted, consents kept without proof, meeting without the person
        self.assertFalse(self.records["document"].exists())
        self.assertFalse(self.records["note_document"].exists())
        self.assertFalse(self.records["activity"].exists())
        self.assertFalse(self.records["bank"].exists())
        self.assertTrue(self.records["consent"].exists())
        self.assertEqual(self.records["consent"].state, "granted")
        self.assertFalse(self.records["consent"].proof)
        self.assertFalse(self.records["consent"].proof_file)
        event = self.records["event"]
        self.assertTrue(event.exists())
        self.assertNotIn(person, event.partner_ids)
        self.assertIn(self.records["colleague"].partner_id, event.partner_ids)
        self.assertEqual(event.name, "Rendez-vous %s" % anonymous)
        self.assertNotIn("@", event.description)
        self.assertFalse(self.env["mail.followers"].search([("partner_id", "=", person.id)]))

        # the register: who, when, which id - not the name
        log = self.env["crm.rgpd.log"].search(
            [("partner_ref", "=", person.id), ("operation", "=", "erase")])
        self.assertEqual(len(log), 1)
        self.assertEqual(log.user_id, self.manager)
        self.assertTrue(log.date)
        self.assertEqual(log.message_count, 4)
        self.assertEqual(log.event_count, 1)
        self.assertEqual(log.consent_count, 1)
        self.assertGreaterEqual(log.attachment_count, 2)
        self.assertNotIn("Quillebeuf", log.summary)
        self.assertEqual(action["res_model"], "crm.rgpd.log")
        self.assertEqual(action["domain"], [("id", "in", log.ids)])
        self.assertLess(duration, 10)

    def test_retained_documents_are_kept_with_the_name_replaced(self):
        with registered(self.env, RgpdTestInvoice):
            invoice, pdf, sent = make_invoice(self.env, self.person)
            self.assertIn("crm.rgpd.test.invoice",
                          self.env["res.partner"]._crm_rgpd_retained_models())
            self.erase(self.person)
            anonymous = "Anonymized contact #%d" % self.person.id
            # the invoice is kept, its amounts and number as they were, the name replaced
            self.assertTrue(invoice.exists())
            self.assertEqual((invoice.number, invoice.amount), ("FAC-2024-0042", 1250.0))
            self.assertEqual(invoice.partner_id, self.person)
            self.assertEqual(invoice.customer_name, anonymous)
            self.assertEqual(invoice.note, "Livraison chez %s, Lyon" % anonymous)
            self.assertEqual(invoice.partner_id.with_context(active_test=False).display_name,
                             anonymous)
            # its PDF too, renamed; the email that sent it is erased but keeps the PDF
            self.assertTrue(pdf.exists())
            self.assertEqual(pdf.name, "Facture FAC-2024-0042 %s.pdf" % anonymous)
            self.assertEqual(sent.attachment_ids, pdf)
            self.assertIn("[content erased - GDPR]", sent.body)
            # the rest is erased all the same
            self.assertFalse(self.records["document"].exists())
            self.assertFalse(self.records["bank"].exists())
            log = self.env["crm.rgpd.log"].search(
                [("partner_ref", "=", self.person.id), ("operation", "=", "erase")])
            self.assertEqual(log.retained_count, 1)
            self.assertEqual(traces_in_database(self.env.cr), {})

    def test_managers_only(self):
        with self.assertRaises(AccessError):
            self.person.sudo(self.user)._crm_rgpd_erase()
        with self.assertRaises(AccessError):
            self.erase(self.person, user=self.user)
        with self.assertRaises(AccessError):
            self.person.sudo(self.user).action_crm_rgpd_erase_wizard()
        self.assertEqual(self.person.name, NAME)
        self.assertFalse(self.env["crm.rgpd.log"].search([("partner_ref", "=", self.person.id)]))
        # the buttons and the Action menu entry are shown to managers only
        view = self.env.ref("crm_base.res_partner_crm_view_form")
        for user, shown in ((self.user, False), (self.manager, True)):
            arch = etree.fromstring(
                self.env["res.partner"].sudo(user).fields_view_get(view.id, "form")["arch"])
            for name in ("action_crm_rgpd_erase_wizard", "action_crm_rgpd_export"):
                button = arch.xpath("//button[@name='%s']" % name)
                # Odoo 11 keeps what a group hides, made invisible
                hidden = not button or any(
                    json.loads(node.get("modifiers", "{}")).get("invisible") is True
                    for node in [button[0]] + list(button[0].iterancestors()))
                self.assertEqual(hidden, not shown, (user.name, name))
        header_groups = self.env.ref("crm_base.crm_rgpd_erase_action").groups_id
        self.assertEqual(header_groups, self.env.ref("crm_base.group_crm_manager"))
        bindings = self.env["ir.actions.actions"].sudo(self.user).get_bindings("res.partner")
        self.assertNotIn("crm.rgpd.erase", [a.get("res_model") for a in bindings["action"]])
        bindings = self.env["ir.actions.actions"].sudo(self.manager).get_bindings("res.partner")
        self.assertIn("crm.rgpd.erase", [a.get("res_model") for a in bindings["action"]])

    def test_the_confirmation_must_match(self):
        wizard = self.env["crm.rgpd.erase"].sudo(self.manager).with_context(
            active_model="res.partner", active_ids=self.person.ids).create({})
        self.assertEqual(wizard.expected_confirmation, NAME)
        wizard.confirmation = "Gaspard"
        with self.assertRaises(UserError):
            wizard.action_erase()
        self.assertEqual(self.person.name, NAME)
        wizard.confirmation = "  gaspard   QUILLEBEUF "
        wizard.action_erase()
        self.assertTrue(self.person.crm_rgpd_erased)
        # erased once only
        with self.assertRaises(UserError):
            self.person.sudo(self.manager)._crm_rgpd_erase()

    def test_several_contacts_confirmed_by_their_number(self):
        other = self.env["res.partner"].create(
            {"name": "Hortense Vauclin", "email": "hortense@exemple.fr"})
        both = self.person | other
        wizard = self.env["crm.rgpd.erase"].sudo(self.manager).with_context(
            active_model="res.partner", active_ids=both.ids).create({})
        self.assertEqual(wizard.expected_confirmation, "2")
        wizard.confirmation = NAME
        with self.assertRaises(UserError):
            wizard.action_erase()
        wizard.confirmation = "2"
        wizard.action_erase()
        self.assertEqual(both.with_context(active_test=False).mapped("crm_rgpd_erased"),
                         [True, True])
        self.assertEqual(self.env["crm.rgpd.log"].search_count(
            [("partner_ref", "in", both.ids), ("operation", "=", "erase")]), 2)
        self.assertEqual(traces_in_database(self.env.cr, ("Vauclin", "hortense@exemple.fr")), {})

    def test_users_and_companies_of_the_database_are_refused(self):
        for partner in (self.user.partner_id, self.env.user.company_id.partner_id,
                        self.records["colleague"].partner_id):
            with self.assertRaises(UserError):
                partner.sudo(self.manager)._crm_rgpd_erase()
            self.assertFalse(partner.crm_rgpd_erased)
        # a company with people: the people are erased first
        self.person.parent_id = self.records["company"]
        with self.assertRaises(UserError):
            self.records["company"].sudo(self.manager)._crm_rgpd_erase()

    def test_a_person_of_a_company_keeps_the_company_data(self):
        company = self.records["company"]
        company.write({"vat": "FR40303265045", "street": "3 quai du Rhône"})
        self.person.write({"parent_id": company.id})
        self.erase(self.person)
        person = self.person.with_context(active_test=False)
        self.assertEqual(person.parent_id, company)
        self.assertEqual(person.vat, "FR40303265045")
        self.assertEqual(person.crm_relationship_type_ids, company.crm_relationship_type_ids)
        self.assertEqual(company.street, "3 quai du Rhône")
        self.assertTrue(company.active)

    def test_an_addon_extending_an_erase_step_sees_what_the_steps_before_found(self):
        """The contract of the erase steps for an addon that extends one with
        super(): they run in their order, on the contact as superuser with its
        data still there, and hand each other one erasure dict that holds
        what the steps before found; the register counts what they did."""
        Partner = type(self.env["res.partner"])
        seen = []

        def extended(step):
            original = getattr(Partner, step)

            def step_of_an_addon(partner, erasure):
                # what an addon writes: super(ResPartner, self).<step>(erasure)
                seen.append({
                    "step": step, "partner": partner, "uid": partner.env.uid,
                    "name": partner.name, "erasure": erasure,
                    "retained": dict(erasure["retained"]),
                    "retained_attachments": erasure["retained_attachments"],
                    "messages": erasure["messages"],
                })
                return original(partner, erasure)
            return step_of_an_addon

        for step in ERASE_STEPS:
            self.patch(Partner, step, extended(step))
        with registered(self.env, RgpdTestInvoice):
            invoice, pdf, sent = make_invoice(self.env, self.person)
            self.erase(self.person)
            anonymous = "Anonymized contact #%d" % self.person.id
            self.assertEqual([call["step"] for call in seen], ERASE_STEPS)
            erasure = seen[0]["erasure"]
            for call in seen:
                self.assertIs(call["erasure"], erasure, call["step"])
                self.assertEqual(call["partner"], self.person, call["step"])
                self.assertEqual(call["uid"], SUPERUSER_ID, call["step"])
                self.assertEqual(call["name"], NAME, call["step"])
            self.assertEqual(erasure["partner"], self.person)
            self.assertEqual(erasure["anonymous_name"], anonymous)
            self.assertIn(NAME, erasure["names"])
            # the first step starts from nothing found; the invoice is kept from
            # the second on, the messages known from the third on
            messages = sent | self.records["note"] | self.records["email_in"] | \
                self.records["email_out"] | self.records["email_unknown"]
            first, second = seen[0], seen[1]
            self.assertEqual(first["retained"], {})
            self.assertFalse(first["retained_attachments"] or first["messages"])
            self.assertEqual(second["retained"], {"crm.rgpd.test.invoice": invoice})
            self.assertEqual(second["retained_attachments"], pdf)
            self.assertFalse(second["messages"])
            for call in seen[2:]:
                self.assertEqual(call["retained"], {"crm.rgpd.test.invoice": invoice}, call["step"])
                self.assertEqual(call["retained_attachments"], pdf, call["step"])
                self.assertEqual(call["messages"], messages, call["step"])
            self.assertEqual(self.person.with_context(active_test=False).name, anonymous)
        log = self.env["crm.rgpd.log"].search(
            [("partner_ref", "=", self.person.id), ("operation", "=", "erase")])
        self.assertEqual(log.summary, "\n".join([
            "Contact anonymized and archived.",
            "Messages erased: 5.",
            "Documents deleted: 3.",
            "Export archives deleted: 0.",
            "Meetings left and scrubbed: 1.",
            "Planned activities deleted: 1.",
            "Followed documents left: 2.",
            "Bank accounts deleted: 1.",
            "Consents kept without their proofs: 1.",
            "Legally retained records kept, name replaced: 1.",
        ]))
