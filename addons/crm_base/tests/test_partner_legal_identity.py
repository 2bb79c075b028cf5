# -*- coding: utf-8 -*-
from odoo.exceptions import ValidationError
from odoo.tests.common import TransactionCase


class TestPartnerLegalIdentity(TransactionCase):

    def setUp(self):
        super(TestPartnerLegalIdentity, self).setUp()
        self.Partner = self.env["res.partner"]

    def test_siret_is_stored_as_digits_and_gives_the_siren(self):
        company = self.Partner.create({
            "name": "Peugeot Test", "is_company": True, "siret": "552 100 554 00013"})
        self.assertEqual(company.siret, "55210055400013")
        self.assertEqual(company.siren, "552100554")
        self.assertEqual(company.siren_display, "552 100 554 00013")

    def test_invalid_numbers_are_refused_with_a_clear_message(self):
        with self.assertRaises(ValidationError) as ctx:
            self.Partner.create({"name": "Bad Siren", "is_company": True, "siren": "552100555"})
        self.assertIn("552100555", ctx.exception.name)
        with self.assertRaises(ValidationError):
            self.Partner.create(
                {"name": "Bad Siret", "is_company": True, "siret": "55210055400014"})

    def test_siret_must_belong_to_the_siren(self):
        company = self.Partner.create({"name": "X", "is_company": True, "siren": "552100554"})
        with self.assertRaises(ValidationError) as ctx:
            company.write({"siret": "73282932000074"})
        self.assertIn("does not belong", ctx.exception.name)

    def test_siren_suggests_the_french_vat_number(self):
        partner = self.Partner.new({"name": "Y", "is_company": True,
                                    "country_id": self.env.ref("base.fr").id})
        partner.siren = "732829320"
        partner._onchange_siren_vat()
        self.assertEqual(partner.vat, "FR44732829320")
        # an existing VAT number or a foreign company is left alone
        foreign = self.Partner.new({"name": "Z", "country_id": self.env.ref("base.be").id})
        foreign.siren = "732829320"
        foreign._onchange_siren_vat()
        self.assertFalse(foreign.vat)

    def test_onchange_siret_fills_siren(self):
        partner = self.Partner.new({"name": "W", "is_company": True})
        partner.siret = "552 100 554 00013"
        partner._onchange_siret()
        self.assertEqual(partner.siren, "552100554")

    def test_search_by_siren_or_siret(self):
        company = self.Partner.create({"name": "Searchable", "is_company": True,
                                       "siret": "73282932000074"})
        self.assertEqual(self.Partner.search([("siren", "=", "732829320")]), company)

    def test_demo_companies_are_valid(self):
        demo = self.env.ref("crm_base.partner_numeria", raise_if_not_found=False)
        if not demo:
            self.skipTest("database without demo data")
        self.assertTrue(demo.siren and demo.vat.endswith(demo.siren))
        self.assertIn(self.env.ref("crm_base.group_crm_manager"),
                      self.env.ref("base.user_root").groups_id)
