# -*- coding: utf-8 -*-
"""Typed relations between companies, seen from both sides."""
from odoo.exceptions import UserError, ValidationError
from odoo.tests.common import TransactionCase


class TestContactsRelations(TransactionCase):

    def setUp(self):
        super(TestContactsRelations, self).setUp()
        Partner = self.env["res.partner"]
        self.group = Partner.create({"name": "Groupe Test", "is_company": True})
        self.subsidiary = Partner.create({"name": "Filiale Test", "is_company": True})
        self.other = Partner.create({"name": "Autre Test", "is_company": True})
        self.Relation = self.env["crm.partner.relation"]
        self.subsidiary_of = self.env.ref("crm_base.partner_relation_type_subsidiary")
        self.partner_of = self.env.ref("crm_base.partner_relation_type_partner")

    def lines(self, company):
        """The "Relations" tab of a company, as the user reads it."""
        Side = self.env["crm.partner.relation.side"]
        labels = dict(Side._fields["wording"]._description_selection(self.env))
        return sorted(
            (labels[s.wording], s.other_partner_id.name) for s in company.crm_relation_side_ids)

    def test_a_relation_shows_on_both_companies_with_its_own_words(self):
        self.Relation.create({"left_partner_id": self.subsidiary.id,
                              "type_id": self.subsidiary_of.id,
                              "right_partner_id": self.group.id, "date_start": "2015-01-01"})
        self.assertEqual(self.lines(self.subsidiary), [("subsidiary of", "Groupe Test")])
        self.assertEqual(self.lines(self.group), [("parent company of", "Filiale Test")])
        self.assertEqual(self.group.crm_relation_count, 1)

    def test_add_edit_delete_from_the_company_tab(self):
        inverse = "%d:inverse" % self.subsidiary_of.id
        # on the group's form: "parent company of Filiale Test"
        self.group.write({"crm_relation_side_ids": [
            (0, 0, {"wording": inverse, "other_partner_id": self.subsidiary.id, "note": "100 %"})]})
        relation = self.Relation.search([("right_partner_id", "=", self.group.id)])
        self.assertEqual((relation.left_partner_id, relation.type_id, relation.note),
                         (self.subsidiary, self.subsidiary_of, "100 %"))
        self.assertEqual(self.lines(self.subsidiary), [("subsidiary of", "Groupe Test")])

        side = self.group.crm_relation_side_ids
        self.group.write({"crm_relation_side_ids": [
            (1, side.id, {"date_end": "2023-06-30", "other_partner_id": self.other.id})]})
        self.assertEqual((relation.left_partner_id, relation.date_end), (self.other, "2023-06-30"))
        self.assertEqual(self.lines(self.group), [("parent company of", "Autre Test")])

        # turning it around is refused with a clear message; a symmetric type is fine
        with self.assertRaises(UserError):
            self.group.crm_relation_side_ids.write({"wording": "%d:direct" % self.subsidiary_of.id})
        self.group.crm_relation_side_ids.write({"wording": "%d:direct" % self.partner_of.id})
        self.assertEqual(self.lines(self.group), [("partner of", "Autre Test")])
        self.assertEqual(self.lines(self.other), [("partner of", "Groupe Test")])

        self.group.write({"crm_relation_side_ids": [(2, self.group.crm_relation_side_ids.id)]})
        self.assertFalse(relation.exists())
        self.assertEqual(self.lines(self.other), [])

    def test_no_relation_with_itself(self):
        with self.assertRaises(ValidationError):
            self.Relation.create({"left_partner_id": self.group.id, "type_id": self.partner_of.id,
                                  "right_partner_id": self.group.id})

    def test_no_duplicate(self):
        values = {"left_partner_id": self.subsidiary.id, "type_id": self.subsidiary_of.id,
                  "right_partner_id": self.group.id}
        self.Relation.create(values)
        with self.assertRaises(ValidationError):
            self.Relation.create(dict(values))
        # "A partner of B" and "B partner of A" are the same relation
        self.Relation.create({"left_partner_id": self.group.id, "type_id": self.partner_of.id,
                              "right_partner_id": self.other.id})
        with self.assertRaises(ValidationError):
            self.Relation.create({"left_partner_id": self.other.id, "type_id": self.partner_of.id,
                                  "right_partner_id": self.group.id})

    def test_same_relation_again_after_it_ended(self):
        supplier_of = self.env.ref("crm_base.partner_relation_type_supplier")
        vals = {"left_partner_id": self.other.id, "type_id": supplier_of.id,
                "right_partner_id": self.group.id}
        self.Relation.create(dict(vals, date_start="2016-01-01", date_end="2019-12-31"))
        self.Relation.create(dict(vals, date_start="2022-01-01"))
        with self.assertRaises(ValidationError):
            self.Relation.create(dict(vals, date_start="2019-06-01", date_end="2020-06-01"))
        with self.assertRaises(ValidationError):
            self.Relation.create(dict(vals, date_start="2020-01-01", date_end="2019-01-01"))

    def test_demo_relations_read_well_from_both_sides(self):
        group = self.env.ref("crm_base.crm_demo_company_groupe_vallaud_distribution",
                             raise_if_not_found=False)
        if not group:
            self.skipTest("no demo data in this database")
        self.assertIn(("parent company of", "Vallaud Distribution Ouest"), self.lines(group))
