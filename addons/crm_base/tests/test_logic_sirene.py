# -*- coding: utf-8 -*-
"""Plain tests of logic/sirene_client.py against the local stub server: no database."""
import datetime
import socket
import time
import unittest

from ..logic import sirene_client as sc
from .sirene_stub_server import SireneStubServer


class TestSireneMapping(unittest.TestCase):

    def test_legal_forms_from_insee_codes(self):
        self.assertEqual(sc.legal_form_from_nature("5710"), "sas")
        self.assertEqual(sc.legal_form_from_nature("5785"), "sas")     # SELAS
        self.assertEqual(sc.legal_form_from_nature("5720"), "sasu")
        self.assertEqual(sc.legal_form_from_nature("5499"), "sarl")
        self.assertEqual(sc.legal_form_from_nature("5485"), "sarl")    # SELARL
        self.assertEqual(sc.legal_form_from_nature("5498"), "eurl")
        self.assertEqual(sc.legal_form_from_nature("5599"), "sa")
        self.assertEqual(sc.legal_form_from_nature("5699"), "sa")
        self.assertEqual(sc.legal_form_from_nature("5458"), "scop")
        self.assertEqual(sc.legal_form_from_nature("5202"), "snc")
        self.assertEqual(sc.legal_form_from_nature("6540"), "sci")
        self.assertEqual(sc.legal_form_from_nature("9220"), "association")
        self.assertEqual(sc.legal_form_from_nature("7220"), "public")
        self.assertEqual(sc.legal_form_from_nature("1000"), "ei")
        self.assertEqual(sc.legal_form_from_nature("6210"), "other")   # GIE
        self.assertFalse(sc.legal_form_from_nature(None))

    def test_headcount_bands(self):
        self.assertEqual(sc.headcount_range("12"), (20, 49))
        self.assertEqual(sc.headcount_range("53"), (10000, None))
        self.assertIsNone(sc.headcount_range(""))

    def test_street_line_spells_out_insee_abbreviations(self):
        self.assertEqual(sc.street_line({"numero_voie": "12", "indice_repetition": "B",
                                         "type_voie": "BD", "libelle_voie": "DE LA LIBERTE"}),
                         "12 BIS BOULEVARD DE LA LIBERTE")
        self.assertEqual(sc.street_line({"adresse": "3 RUE DU PORT 17000 LA ROCHELLE"}),
                         "3 RUE DU PORT")

    def test_query_normalization(self):
        self.assertEqual(sc.normalize_query(" 732 829 320 "), "732829320")
        self.assertEqual(sc.normalize_query("732 829 320 00074"), "73282932000074")
        self.assertEqual(sc.normalize_query("  Numeria   Conseil "), "Numeria Conseil")


class TestSireneClientAgainstStub(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stub = SireneStubServer().start()

    @classmethod
    def tearDownClass(cls):
        cls.stub.stop()
        super().tearDownClass()

    def setUp(self):
        super().setUp()
        self.stub.mode = "ok"
        self.client = sc.SireneClient(self.stub.url + "/", timeout=1)

    def test_search_by_siren_gives_the_company_in_our_terms(self):
        companies = self.client.search("732 829 320")
        self.assertEqual(len(companies), 1)
        company = companies[0]
        self.assertEqual(company["siren"], "732829320")
        self.assertEqual(company["siret"], "73282932000074")
        self.assertEqual(company["name"], "NUMERIA CONSEIL")
        self.assertEqual(company["street"], "12 BIS BOULEVARD DE LA LIBERTE")
        self.assertEqual(company["street2"], "BATIMENT B")
        self.assertEqual((company["zip"], company["city"]), ("35000", "RENNES"))
        self.assertEqual(company["naf_code"], "62.01Z")
        self.assertEqual(company["legal_form"], "sas")
        self.assertEqual(company["headcount_code"], "12")
        self.assertEqual(company["creation_date"], datetime.date(2015, 3, 2))
        self.assertTrue(company["active"])
        request = self.stub.requests[-1]
        self.assertEqual(request["path"], "/search")
        self.assertEqual(request["params"]["q"], ["732829320"])

    def test_search_by_siret_gives_that_establishment(self):
        company = self.client.search("73282932000082")[0]
        self.assertEqual(company["siret"], "73282932000082")
        self.assertEqual(company["city"], "LYON")
        self.assertEqual(company["street"], "4 PLACE BELLECOUR")

    def test_search_by_name_lists_several_and_the_ceased_one(self):
        companies = self.client.search("numeria")
        self.assertEqual([c["siren"] for c in companies], ["732829320", "404833048"])
        self.assertFalse(companies[1]["active"])
        self.assertEqual(companies[1]["legal_form"], "sasu")
        self.assertEqual(self.client.search("nobody like that"), [])

    def test_short_query_is_refused_before_calling(self):
        count = len(self.stub.requests)
        with self.assertRaises(sc.SireneQueryTooShort):
            self.client.search(" ab ")
        self.assertEqual(len(self.stub.requests), count)

    def test_bad_query_carries_the_api_message(self):
        with self.assertRaises(sc.SireneBadQuery) as ctx:
            self.client.search("numeria", per_page=50)
        self.assertIn("per_page", ctx.exception.detail)

    def test_timeout(self):
        self.stub.mode = "slow"
        self.stub.delay = 1.5
        client = sc.SireneClient(self.stub.url, timeout=0.3)
        started = time.time()
        with self.assertRaises(sc.SireneTimeout):
            client.search("numeria")
        self.assertLess(time.time() - started, 1.4)

    def test_rate_limit_server_error_and_garbage(self):
        for mode, error in (("429", sc.SireneRateLimited), ("500", sc.SireneServerError),
                            ("bad_json", sc.SireneBadResponse)):
            self.stub.mode = mode
            with self.assertRaises(error):
                self.client.search("numeria")

    def test_connection_refused(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        client = sc.SireneClient("http://127.0.0.1:%s" % port, timeout=1)
        with self.assertRaises(sc.SireneUnreachable):
            client.search("numeria")

    def test_unexpected_shape(self):
        with self.assertRaises(sc.SireneBadResponse):
            sc.company_from_result({"nom_complet": "NO SIREN"})
