# -*- coding: utf-8 -*-
"""Search SIRENE from a company, against a local server answering like the API."""
import socket

from odoo.exceptions import UserError
from odoo.tests.common import SavepointCase

from .sirene_stub_server import SireneStubServer


class TestSireneLookup(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestSireneLookup, cls).setUpClass()
        cls.stub = SireneStubServer().start()
        params = cls.env["ir.config_parameter"].sudo()
        params.set_param("crm_base.sirene_api_url", cls.stub.url)
        params.set_param("crm_base.sirene_timeout", "2")
        cls.Partner = cls.env["res.partner"]
        cls.Lookup = cls.env["crm.sirene.lookup"]

    @classmethod
    def tearDownClass(cls):
        cls.stub.stop()
        super(TestSireneLookup, cls).tearDownClass()

    def setUp(self):
        super(TestSireneLookup, self).setUp()
        self.stub.mode = "ok"

    def _open(self, partner):
        action = partner.action_crm_sirene_lookup()
        self.assertEqual(action["res_model"], "crm.sirene.lookup")
        self.assertEqual(action["target"], "new")
        return self.Lookup.browse(action["res_id"])

    def test_default_configuration(self):
        param = self.env.ref("crm_base.sirene_api_url_param")
        self.assertEqual(param.key, "crm_base.sirene_api_url")
        client = self.Lookup._sirene_client()
        self.assertEqual(client.base_url, self.stub.url)
        self.assertEqual(client.timeout, 2.0)

    def test_company_with_a_siren_is_filled_after_confirmation(self):
        company = self.Partner.create({"name": "Numeria", "is_company": True,
                                       "siren": "732829320", "city": "Rennes"})
        wizard = self._open(company)
        # the SIREN is the query, and the search already ran
        self.assertEqual(wizard.query, "732829320")
        self.assertEqual(self.stub.requests[-1]["params"]["q"], ["732829320"])
        self.assertEqual(len(wizard.result_ids), 1)
        result = wizard.result_ids
        self.assertEqual(
            (result.name, result.city, result.naf_code, result.legal_form, result.status),
            ("NUMERIA CONSEIL", "RENNES", "62.01Z", "sas", "active"))
        self.assertEqual(result.siren_display, "732 829 320 00074")
        self.assertTrue(result.headcount_label)

        # the name and the city already have other values: confirm first
        action = result.action_choose()
        self.assertEqual(action["res_model"], "crm.sirene.lookup")
        self.assertEqual(wizard.state, "confirm")
        self.assertIn("Numeria → NUMERIA CONSEIL", wizard.change_summary)
        self.assertIn("Rennes → RENNES", wizard.change_summary)
        self.assertIn("62.01Z", wizard.change_summary)          # filled, listed too
        self.assertEqual(company.name, "Numeria")                # nothing written yet

        # going back leaves the company as it was
        wizard.action_back()
        self.assertEqual(wizard.state, "search")
        self.assertEqual(company.name, "Numeria")

        result.action_choose()
        action = wizard.action_confirm()
        self.assertEqual(action["type"], "ir.actions.act_window_close")
        self.assertEqual(company.name, "NUMERIA CONSEIL")
        self.assertEqual(company.siret, "73282932000074")
        self.assertEqual(company.street, "12 BIS BOULEVARD DE LA LIBERTE")
        self.assertEqual(company.street2, "BATIMENT B")
        self.assertEqual((company.zip, company.city), ("35000", "RENNES"))
        self.assertEqual(company.country_id, self.env.ref("base.fr"))
        self.assertEqual(company.naf_code, "62.01Z")
        self.assertEqual(company.legal_form, "sas")
        self.assertEqual(company.vat, "FR44732829320")
        if "headcount_band" in company._fields:
            self.assertEqual(company.headcount_band, "12")
        if "company_creation_date" in company._fields:
            self.assertEqual(str(company.company_creation_date), "2015-03-02")
        self.assertIn("SIRENE", company.message_ids[0].body)

    def test_empty_company_is_filled_without_confirmation(self):
        company = self.Partner.create({"name": "ATELIERS DU LITTORAL", "is_company": True})
        wizard = self._open(company)
        self.assertEqual(wizard.result_ids.mapped("siren"), ["552100554"])
        action = wizard.result_ids.action_choose()
        self.assertEqual(action["type"], "ir.actions.act_window_close")
        self.assertEqual(company.siren, "552100554")
        self.assertEqual(company.street, "3 ROUTE DU PORT")
        self.assertEqual(company.legal_form, "sarl")

    def test_search_by_siret_takes_that_establishment(self):
        company = self.Partner.create({"name": "Numeria Lyon", "is_company": True,
                                       "siret": "73282932000082"})
        wizard = self._open(company)
        self.assertEqual(wizard.result_ids.city, "LYON")
        wizard.result_ids.action_choose()
        wizard.action_confirm()
        self.assertEqual(company.siret, "73282932000082")
        self.assertEqual(company.street, "4 PLACE BELLECOUR")

    def test_name_search_lists_ceased_companies_and_empty_answer(self):
        wizard = self.Lookup.create({"query": "numeria"})
        wizard.action_search()
        self.assertEqual(wizard.result_ids.mapped("status"), ["active", "ceased"])
        wizard.query = "no such company"
        wizard.action_search()
        self.assertFalse(wizard.result_ids)
        self.assertIn("No company", wizard.message)

    def test_add_a_company_from_sirene(self):
        wizard = self.Lookup.create({"query": "association les amis du livre"})
        wizard.action_search()
        action = wizard.result_ids.action_choose()
        company = self.Partner.browse(action["res_id"])
        self.assertEqual(action["res_model"], "res.partner")
        self.assertTrue(company.is_company)
        self.assertEqual(company.name, "ASSOCIATION LES AMIS DU LIVRE")
        self.assertEqual(company.legal_form, "association")
        self.assertEqual(company.city, "BORDEAUX")
        # the same company a second time: the user is sent to the existing one
        wizard = self.Lookup.create({"query": "542065479"})
        wizard.action_search()
        with self.assertRaises(UserError) as ctx:
            wizard.result_ids.action_choose()
        self.assertIn("ASSOCIATION LES AMIS DU LIVRE", ctx.exception.name)

    def _search_error(self, query="numeria"):
        wizard = self.Lookup.create({"query": query})
        with self.assertRaises(UserError) as ctx:
            wizard.action_search()
        return ctx.exception.name

    def test_clear_messages_when_the_service_fails(self):
        self.assertIn("at least 3 characters", self._search_error("ab"))
        self.stub.mode = "429"
        self.assertIn("too many searches", self._search_error())
        self.stub.mode = "500"
        self.assertIn("HTTP error 502", self._search_error())
        self.stub.mode = "bad_json"
        self.assertIn("cannot be read", self._search_error())

    def test_timeout_is_configurable(self):
        self.env["ir.config_parameter"].sudo().set_param("crm_base.sirene_timeout", "0.3")
        self.stub.mode = "slow"
        self.stub.delay = 1.0
        message = self._search_error()
        self.assertIn("did not answer within 0.3 seconds", message)

    def test_unreachable_service(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            url = "http://127.0.0.1:%s" % s.getsockname()[1]
        self.env["ir.config_parameter"].sudo().set_param("crm_base.sirene_api_url", url)
        message = self._search_error()
        self.assertIn("cannot be reached", message)
        self.assertIn(url, message)
        # opening the search from a company shows the problem in the search window
        company = self.Partner.create({"name": "Numeria", "is_company": True})
        wizard = self._open(company)
        self.assertIn("cannot be reached", wizard.message)
        self.assertFalse(wizard.result_ids)
