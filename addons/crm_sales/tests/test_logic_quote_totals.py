# -*- coding: utf-8 -*-
"""Plain tests of logic/quote_totals.py: no database."""
import unittest
from decimal import Decimal as D

from ..logic import quote_totals


def line(quantity, price_unit, vat_rate="20", discount=0, display_type=False):
    return {"quantity": quantity, "price_unit": price_unit, "vat_rate": vat_rate,
            "discount": discount, "display_type": display_type}


class TestQuoteTotals(unittest.TestCase):

    def test_simple_quote(self):
        totals = quote_totals.compute_totals([line(2, 150), line(1, 99.9)])
        self.assertEqual(totals["untaxed"], D("399.90"))
        self.assertEqual(totals["tax"], D("79.98"))
        self.assertEqual(totals["total"], D("479.88"))
        self.assertEqual([(t["rate"], t["base"], t["amount"]) for t in totals["taxes"]],
                         [(D("20"), D("399.90"), D("79.98"))])
        self.assertEqual([line["subtotal"] for line in totals["lines"]],
                         [D("300.00"), D("99.90")])

    def test_half_cent_rounds_up(self):
        # 1.005 is 1.00499999... as a binary float: it must still round to 1.01
        self.assertEqual(quote_totals.line_net(1, 1.005), D("1.01"))
        self.assertEqual(quote_totals.line_net(1, 2.675), D("2.68"))
        self.assertEqual(quote_totals.line_net(3, "0.335"), D("1.01"))   # 1.005
        # VAT on a base ending in .5 cent: 0.25 x 10 % = 0.025 -> 0.03
        totals = quote_totals.compute_totals([line(1, 0.25, "10")])
        self.assertEqual(totals["tax"], D("0.03"))
        self.assertEqual(totals["total"], D("0.28"))

    def test_reduced_rates_5_5_and_2_1(self):
        totals = quote_totals.compute_totals([
            line(1, 100, "5.5"), line(1, 33.33, "5.5"), line(1, 49.99, "2.1"),
            line(1, 10, "20")])
        taxes = {t["rate"]: t for t in totals["taxes"]}
        self.assertEqual(taxes[D("5.5")]["base"], D("133.33"))
        self.assertEqual(taxes[D("5.5")]["amount"], D("7.33"))      # 7.33315
        self.assertEqual(taxes[D("2.1")]["amount"], D("1.05"))      # 1.04979
        self.assertEqual(taxes[D("20")]["amount"], D("2.00"))
        # highest rate first, as printed
        self.assertEqual([t["rate"] for t in totals["taxes"]], [D("20"), D("5.5"), D("2.1")])
        self.assertEqual(totals["untaxed"], D("193.32"))
        self.assertEqual(totals["tax"], D("10.38"))
        self.assertEqual(totals["total"], D("203.70"))

    def test_rates_as_float_or_string_are_one_rate(self):
        totals = quote_totals.compute_totals([line(1, 10, "5.5"), line(1, 10, 5.5),
                                              line(1, 10, "5.50")])
        self.assertEqual(len(totals["taxes"]), 1)
        self.assertEqual(totals["taxes"][0]["base"], D("30.00"))
        self.assertEqual(totals["taxes"][0]["amount"], D("1.65"))

    def test_full_discount(self):
        totals = quote_totals.compute_totals([line(5, 120, discount=100), line(1, 50)])
        self.assertEqual(totals["lines"][0]["subtotal"], D("0.00"))
        self.assertEqual(totals["untaxed"], D("50.00"))
        self.assertEqual(totals["tax"], D("10.00"))

    def test_partial_discount_rounds_the_line(self):
        # 3 x 19.99 x 0.85 = 50.9745 -> 50.97
        self.assertEqual(quote_totals.line_net(3, 19.99, 15), D("50.97"))
        # 7 x 13.13 x 0.925 = 85.016... -> 85.02 and a decimal discount
        self.assertEqual(quote_totals.line_net(7, 13.13, 7.5), D("85.02"))

    def test_negative_line_is_a_commercial_discount(self):
        totals = quote_totals.compute_totals([line(1, 1000), line(1, -150)])
        self.assertEqual(totals["lines"][1]["subtotal"], D("-150.00"))
        self.assertEqual(totals["untaxed"], D("850.00"))
        self.assertEqual(totals["tax"], D("170.00"))
        self.assertEqual(totals["total"], D("1020.00"))
        # a negative half cent rounds away from zero
        self.assertEqual(quote_totals.line_net(1, -0.005), D("-0.01"))

    def test_vat_per_rate_differs_from_vat_per_line(self):
        # ten lines of 0.05 € at 20 %: per line, 0.01 each (0.10 in all);
        # per rate, 20 % of 0.50 = 0.10 as well; with 0.06 € lines (0.012 each):
        # per line 0.01 x 10 = 0.10, per rate 20 % of 0.60 = 0.12.
        lines = [line(1, 0.06) for _i in range(10)]
        totals = quote_totals.compute_totals(lines)
        per_line = sum(computed["tax"] for computed in totals["lines"])
        self.assertEqual(per_line, D("0.10"))
        self.assertEqual(totals["tax"], D("0.12"))
        self.assertEqual(totals["total"], D("0.72"))
        # three lines of 0.125 € (net 0.13 each): VAT per line 0.026 -> 0.03,
        # 0.09 in all; per rate 20 % of 0.39 = 0.078 -> 0.08
        lines = [line(1, 0.125) for _i in range(3)]
        totals = quote_totals.compute_totals(lines)
        self.assertEqual(totals["untaxed"], D("0.39"))
        self.assertEqual(totals["tax"], D("0.08"))        # 0.078
        self.assertEqual(sum(computed["tax"] for computed in totals["lines"]), D("0.09"))

    def test_zero_quantity(self):
        totals = quote_totals.compute_totals([line(0, 500), line(2, 10, "10")])
        self.assertEqual(totals["lines"][0]["subtotal"], D("0.00"))
        self.assertEqual(totals["untaxed"], D("20.00"))
        # no "VAT 20 % on 0.00" row for a rate that has nothing
        self.assertEqual([t["rate"] for t in totals["taxes"]], [D("10")])
        self.assertEqual(totals["tax"], D("2.00"))

    def test_sections_and_notes_are_ignored(self):
        totals = quote_totals.compute_totals([
            line(0, 0, display_type="line_section"),
            line(3, 999, display_type="line_section"),   # stray amounts on a section
            line(1, 100),
            line(1, 1e6, display_type="line_note"),
        ])
        self.assertEqual(len(totals["lines"]), 4)
        self.assertEqual(totals["lines"][1]["subtotal"], D("0"))
        self.assertEqual(totals["untaxed"], D("100.00"))
        self.assertEqual(totals["total"], D("120.00"))

    def test_empty_quote(self):
        totals = quote_totals.compute_totals([])
        self.assertEqual(totals, {"lines": [], "taxes": [], "untaxed": D(0), "tax": D(0),
                                  "total": D(0)})

    def test_zero_rate_is_listed(self):
        totals = quote_totals.compute_totals([line(1, 80, "0"), line(1, 20)])
        self.assertEqual([(t["rate"], t["base"], t["amount"]) for t in totals["taxes"]],
                         [(D("20"), D("20.00"), D("4.00")), (D("0"), D("80.00"), D("0.00"))])
        self.assertEqual(totals["total"], D("104.00"))

    def test_line_amounts(self):
        self.assertEqual(quote_totals.line_amounts(2, 10.5, 0, "5.5"),
                         (D("21.00"), D("1.16"), D("22.16")))    # 1.155 -> 1.16
        self.assertEqual(quote_totals.line_amounts(None, None), (D("0.00"), D("0.00"), D("0.00")))

    def test_format_rate(self):
        self.assertEqual(quote_totals.format_rate(D("5.5")), "5.5")
        self.assertEqual(quote_totals.format_rate("20"), "20")
        self.assertEqual(quote_totals.format_rate(D("2.10")), "2.1")
        self.assertEqual(quote_totals.format_rate("0"), "0")
