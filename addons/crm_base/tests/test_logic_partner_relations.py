# -*- coding: utf-8 -*-
import unittest
from datetime import date

from ..logic import partner_relations as pr


class TestPartnerRelationsLogic(unittest.TestCase):

    def test_side_ids_find_their_relation_back(self):
        for relation_id in (1, 2, 57):
            for inverse in (False, True):
                self.assertEqual(pr.relation_of_side(pr.side_id(relation_id, inverse)),
                                 (relation_id, inverse))
        self.assertNotEqual(pr.side_id(3, True), pr.side_id(4, False))

    def test_wording_keys(self):
        self.assertEqual(pr.parse_wording_key(pr.wording_key(12, True)), (12, True))
        self.assertEqual(pr.parse_wording_key("7:direct"), (7, False))
        for bad in (None, "", "x:direct", "7:sideways", "7"):
            with self.assertRaises(ValueError):
                pr.parse_wording_key(bad)

    def test_periods_overlap(self):
        jan, feb, mar = date(2024, 1, 1), date(2024, 2, 1), date(2024, 3, 1)
        self.assertTrue(pr.periods_overlap(None, None, None, None))
        self.assertTrue(pr.periods_overlap(jan, None, feb, mar))
        self.assertTrue(pr.periods_overlap(jan, feb, feb, mar))   # they share 1 Feb
        self.assertFalse(pr.periods_overlap(jan, feb, mar, None))
        self.assertFalse(pr.periods_overlap(mar, None, None, feb))
        # Odoo 11 hands dates over as ISO strings
        self.assertFalse(pr.periods_overlap("2016-01-01", "2021-12-31", "2022-01-01", False))
