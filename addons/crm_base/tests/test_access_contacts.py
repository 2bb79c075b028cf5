# -*- coding: utf-8 -*-
"""Who sees what: shared contacts, private contacts seen by their owner only,
configuration written by managers and read by users. Two real users."""
from odoo.exceptions import AccessError
from odoo.tests.common import TransactionCase


class TestAccessContacts(TransactionCase):

    def setUp(self):
        super(TestAccessContacts, self).setUp()
        Users = self.env["res.users"].with_context(no_reset_password=True, mail_create_nolog=True)
        user_group = self.env.ref("crm_base.group_crm_user")
        self.alice = Users.create({
            "name": "Alice Commerciale", "login": "alice.test@example.com",
            "email": "alice.test@example.com",
            "groups_id": [(6, 0, [user_group.id])]})
        self.bob = Users.create({
            "name": "Bob Commercial", "login": "bob.test@example.com",
            "email": "bob.test@example.com",
            "groups_id": [(6, 0, [user_group.id])]})
        self.manager = Users.create({
            "name": "Martine Manager", "login": "martine.test@example.com",
            "email": "martine.test@example.com",
            "groups_id": [(6, 0, [self.env.ref("crm_base.group_crm_manager").id])]})
        Partner = self.env["res.partner"]
        self.shared = Partner.create({"name": "Client Partagé", "is_company": True,
                                      "user_id": self.bob.id})
        self.secret = Partner.sudo(self.alice).create({
            "name": "Contact Privé d'Alice", "user_id": self.alice.id, "crm_private": True})

    def visible(self, user, records):
        return self.env["res.partner"].sudo(user).search([("id", "in", records.ids)])

    def test_users_see_shared_contacts(self):
        self.assertEqual(self.visible(self.alice, self.shared), self.shared)
        self.assertEqual(self.visible(self.bob, self.shared), self.shared)
        # and work on them
        self.shared.sudo(self.alice).write({"phone": "+33 1 99 00 12 34"})
        person = self.env["res.partner"].sudo(self.alice).create(
            {"name": "Nouvelle Personne", "parent_id": self.shared.id})
        self.assertEqual(self.visible(self.bob, person), person)

    def test_a_private_contact_is_seen_by_its_owner_only(self):
        both = self.shared | self.secret
        self.assertEqual(self.visible(self.alice, both), both)
        self.assertEqual(self.visible(self.bob, both), self.shared)
        self.assertEqual(self.visible(self.manager, both), self.shared)
        with self.assertRaises(AccessError):
            self.secret.sudo(self.bob).read(["name"])
        with self.assertRaises(AccessError):
            self.secret.sudo(self.bob).write({"name": "Renamed"})
        # giving it to Bob moves it to Bob
        self.secret.sudo(self.alice).write({"user_id": self.bob.id})
        self.assertEqual(self.visible(self.bob, both), both)
        self.assertEqual(self.visible(self.alice, both), self.shared)
        # made public again, everybody sees it
        self.secret.sudo(self.bob).write({"crm_private": False})
        self.assertEqual(self.visible(self.alice, both), both)

    def test_a_private_company_given_away_with_its_siret_keeps_the_siren(self):
        company = self.env["res.partner"].sudo(self.alice).create({
            "name": "Fournil Secret", "is_company": True, "user_id": self.alice.id,
            "crm_private": True})
        # one save: the SIRET typed in, and the company given to Bob
        company.sudo(self.alice).write({"siret": "552 100 554 00013", "user_id": self.bob.id})
        self.assertEqual(self.visible(self.alice, company), self.env["res.partner"])
        as_bob = company.sudo(self.bob)
        self.assertEqual((as_bob.siret, as_bob.siren), ("55210055400013", "552100554"))

    def test_users_and_companies_stay_visible(self):
        needed = self.alice.partner_id | self.bob.partner_id | self.env.user.company_id.partner_id \
            | self.env.ref("base.partner_root")
        self.assertEqual(self.visible(self.bob, needed), needed)
        # a private contact later made a user stays visible to all
        self.env["res.users"].with_context(no_reset_password=True).create({
            "login": "secret.user@example.com", "partner_id": self.secret.id})
        self.assertEqual(self.visible(self.bob, self.secret), self.secret)

    def test_relations_of_a_private_contact_are_hidden(self):
        secret_company = self.env["res.partner"].sudo(self.alice).create({
            "name": "Société Privée", "is_company": True, "user_id": self.alice.id,
            "crm_private": True})
        relation = self.env["crm.partner.relation"].sudo(self.alice).create({
            "left_partner_id": secret_company.id,
            "type_id": self.env.ref("crm_base.partner_relation_type_supplier").id,
            "right_partner_id": self.shared.id})
        Side = self.env["crm.partner.relation.side"]
        self.assertEqual(self.env["crm.partner.relation"].sudo(self.bob).search(
            [("id", "=", relation.id)]), self.env["crm.partner.relation"])
        self.assertFalse(Side.sudo(self.bob).search([("relation_id", "=", relation.id)]))
        self.assertEqual(len(Side.sudo(self.alice).search([("relation_id", "=", relation.id)])), 2)
        self.assertFalse(self.shared.sudo(self.bob).crm_relation_side_ids)

    def test_managers_configure_users_read(self):
        for model, vals in (("crm.relationship.type", {"name": "Ancien client"}),
                            ("crm.partner.relation.type", {"name": "franchisé de",
                                                           "inverse_name": "franchiseur de"})):
            Model = self.env[model]
            self.assertTrue(Model.sudo(self.alice).search([]))
            with self.assertRaises(AccessError):
                Model.sudo(self.alice).create(vals)
            with self.assertRaises(AccessError):
                Model.sudo(self.alice).search([], limit=1).write({"name": "x"})
            record = Model.sudo(self.manager).create(vals)
            record.sudo(self.manager).write({"sequence": 99})
            record.sudo(self.manager).unlink()
        # users keep the relations themselves up to date
        relation = self.env["crm.partner.relation"].sudo(self.bob).create({
            "left_partner_id": self.shared.id,
            "type_id": self.env.ref("crm_base.partner_relation_type_partner").id,
            "right_partner_id": self.env.user.company_id.partner_id.id})
        relation.sudo(self.alice).write({"note": "Partenariat régional"})
        relation.sudo(self.alice).unlink()
