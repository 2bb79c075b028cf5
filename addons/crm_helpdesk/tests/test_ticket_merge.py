# -*- coding: utf-8 -*-
"""Merging duplicate tickets: the kept one gets the others' messages,
attachments, followers and tags; the others are archived with a note linking
it; different customers need a confirmation, different companies are refused."""
import base64

from odoo.exceptions import AccessError, UserError
from odoo.tests.common import SavepointCase


class TestTicketMerge(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestTicketMerge, cls).setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, no_reset_password=True,
                                       mail_create_nolog=True))
        cls.team = cls.env["crm.helpdesk.team"].create({
            "name": "Fusion (test)", "alias_name": "fusion-test-merge",
            "assign_method": "manual"})
        cls.company_customer = cls.env["res.partner"].create({
            "name": "Boulangerie Morel", "is_company": True})
        cls.customer = cls.env["res.partner"].create({
            "name": "Julie Morel", "email": "julie@boulangerie-morel.example.fr",
            "parent_id": cls.company_customer.id})
        cls.colleague = cls.env["res.partner"].create({
            "name": "Paul Morel", "email": "paul@boulangerie-morel.example.fr",
            "parent_id": cls.company_customer.id})
        cls.other_customer = cls.env["res.partner"].create({
            "name": "Hôtel du Lac", "email": "accueil@hotel-du-lac.example.fr"})
        cls.urgent = cls.env["crm.ticket.tag"].create({"name": "Caisse (test)"})
        cls.billing = cls.env["crm.ticket.tag"].create({"name": "Facture (test)"})
        cls.user = cls.env["res.users"].create({
            "login": "merge_user", "name": "Lucie Garnier", "email": "lucie@support.example.fr",
            "groups_id": [(6, 0, [cls.env.ref("crm_helpdesk.group_helpdesk_user").id])]})

    def new_ticket(self, partner, name="La caisse ne s'allume plus", **values):
        return self.env["crm.ticket"].create(dict(
            {"name": name, "team_id": self.team.id, "partner_id": partner.id}, **values))

    def merge(self, tickets, user=None, **values):
        env = self.env(user=user.id) if user else self.env
        wizard = env["crm.ticket.merge"].with_context(
            active_model="crm.ticket", active_ids=tickets.ids).create(values)
        return wizard.action_merge()

    def test_the_oldest_ticket_keeps_the_messages_attachments_followers_and_tags(self):
        first = self.new_ticket(self.customer, tag_ids=[(6, 0, self.urgent.ids)])
        second = self.new_ticket(self.colleague, name="Caisse en panne (bis)",
                                 tag_ids=[(6, 0, self.billing.ids)])
        second.message_subscribe(partner_ids=self.colleague.ids)
        message = second.message_post(body="Toujours en panne ce matin.",
                                      message_type="comment", subtype="mail.mt_comment")
        attachment = self.env["ir.attachment"].create({
            "name": "photo-caisse.jpg", "datas": base64.b64encode(b"photo"),
            "datas_fname": "photo-caisse.jpg", "res_model": "crm.ticket",
            "res_id": second.id})
        result = self.merge(second | first, user=self.user)
        self.assertEqual(result["res_id"], first.id)
        self.assertEqual((message.model, message.res_id), ("crm.ticket", first.id))
        self.assertEqual(attachment.res_id, first.id)
        self.assertIn(self.colleague, first.message_partner_ids)
        self.assertEqual(first.tag_ids, self.urgent | self.billing)
        self.assertTrue(first.active)
        self.assertFalse(second.active)
        note = self.env["mail.message"].search(
            [("model", "=", "crm.ticket"), ("res_id", "=", second.id)])
        self.assertEqual(len(note), 1)
        self.assertIn("Merged into", note.body)
        self.assertIn("id=%d" % first.id, note.body)
        self.assertIn(second.number, first.message_ids[0].body)

    def test_the_chosen_ticket_is_kept_instead_of_the_oldest(self):
        first, second = self.new_ticket(self.customer), self.new_ticket(self.customer)
        self.merge(first | second, target_id=second.id)
        self.assertTrue(second.active)
        self.assertFalse(first.active)

    def test_tickets_of_different_customers_need_a_confirmation(self):
        mine, theirs = self.new_ticket(self.customer), self.new_ticket(self.other_customer)
        with self.assertRaisesRegex(UserError, "different customers"):
            self.merge(mine | theirs)
        self.assertTrue(mine.active and theirs.active)
        self.merge(mine | theirs, confirm_customers=True)
        self.assertFalse(theirs.active)

    def test_tickets_of_different_companies_are_never_merged(self):
        other_company = self.env["res.company"].create({"name": "Filiale Sud (test)"})
        mine = self.new_ticket(self.customer)
        theirs = self.new_ticket(self.customer, company_id=other_company.id)
        with self.assertRaisesRegex(UserError, "different companies"):
            self.merge(mine | theirs, confirm_customers=True)
        self.assertTrue(theirs.active)

    def test_one_ticket_alone_cannot_be_merged(self):
        with self.assertRaisesRegex(UserError, "at least two"):
            self.merge(self.new_ticket(self.customer))

    def test_the_wizard_proposes_the_oldest_ticket_and_warns_about_customers(self):
        first, second = self.new_ticket(self.customer), self.new_ticket(self.other_customer)
        wizard = self.env["crm.ticket.merge"].with_context(
            active_model="crm.ticket", active_ids=[second.id, first.id]).create({})
        self.assertEqual(wizard.target_id, first)
        self.assertTrue(wizard.different_customers)

    def test_a_user_outside_the_helpdesk_cannot_merge_tickets(self):
        outsider = self.env["res.users"].create({
            "login": "merge_outsider", "name": "Hors Support",
            "email": "hors@support.example.fr",
            "groups_id": [(6, 0, [self.env.ref("base.group_user").id])]})
        first, second = self.new_ticket(self.customer), self.new_ticket(self.customer)
        with self.assertRaises(AccessError):
            self.merge(first | second, user=outsider)
        self.assertTrue(first.active and second.active)
