# -*- coding: utf-8 -*-
import unittest
from decimal import Decimal

from ..logic import supplier_order as so


class TestReceipts(unittest.TestCase):
    def test_a_receipt_within_what_was_ordered_is_accepted_in_several_steps(self):
        self.assertEqual(so.over_receipts([
            {"key": "planches", "ordered": 10, "received": 4, "receiving": 6},
            {"key": "vis", "ordered": 0.3, "received": 0.1, "receiving": 0.2},
        ]), [])

    def test_a_receipt_beyond_what_was_ordered_is_reported_with_the_total(self):
        self.assertEqual(so.over_receipts([
            {"key": "planches", "ordered": 10, "received": 8, "receiving": 3},
            {"key": "vis", "ordered": 5, "received": 0, "receiving": 5},
        ]), [("planches", Decimal("10.000"), Decimal("11.000"))])

    def test_a_negative_received_quantity_is_reported(self):
        self.assertEqual(so.over_receipts([
            {"key": "vis", "ordered": 5, "received": 2, "receiving": -1}]),
            [("vis", Decimal("5.000"), Decimal("1.000"))])


class TestBilling(unittest.TestCase):
    def test_only_what_was_received_and_not_billed_yet_is_billed(self):
        self.assertEqual(so.to_bill([
            {"key": 1, "received": 10, "billed": 4},
            {"key": 2, "received": 3, "billed": 3},
            {"key": 3, "received": 0, "billed": 0},
        ]), {1: Decimal("6.000")})

    def test_a_line_billed_beyond_its_receipts_gives_nothing_more_to_bill(self):
        self.assertEqual(so.to_bill([{"key": 1, "received": 2, "billed": 5}]), {})


class TestOrderState(unittest.TestCase):
    def test_nothing_received_keeps_the_order_confirmed(self):
        lines = [{"ordered": 10, "received": 0, "billed": 0}]
        self.assertEqual(so.reception_status(lines), "none")
        self.assertEqual(so.order_state(lines), "confirmed")

    def test_a_partial_receipt_keeps_the_order_confirmed_and_partly_received(self):
        lines = [{"ordered": 10, "received": 10, "billed": 0},
                 {"ordered": 5, "received": 2, "billed": 2}]
        self.assertEqual(so.reception_status(lines), "partial")
        self.assertEqual(so.order_state(lines), "confirmed")

    def test_everything_received_then_billed_moves_the_order_to_received_then_billed(self):
        lines = [{"ordered": 10, "received": 10, "billed": 4},
                 {"ordered": 0.3, "received": 0.1 + 0.2, "billed": 0}]
        self.assertEqual(so.reception_status(lines), "full")
        self.assertEqual(so.order_state(lines), "received")
        for line in lines:
            line["billed"] = line["received"]
        self.assertEqual(so.order_state(lines), "billed")

    def test_lines_without_quantity_do_not_count(self):
        self.assertEqual(so.reception_status([{"ordered": 0, "received": 0}]), "none")
        self.assertEqual(so.reception_status([
            {"ordered": 0, "received": 0}, {"ordered": 2, "received": 2}]), "full")
