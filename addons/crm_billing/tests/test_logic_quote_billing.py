# -*- coding: utf-8 -*-
import unittest
from decimal import Decimal as D

from ..logic import quote_billing as qb


def quote_taxes(*rows):
    return [{"rate": D(rate), "base": D(base), "amount": qb.vat_of(D(base), D(rate))}
            for rate, base in rows]


class TestDeposit(unittest.TestCase):
    def test_a_deposit_of_30_percent_is_30_percent_of_the_total_incl_vat(self):
        self.assertEqual(qb.deposit_total(D("12000.00"), D("12000.00"), percent=30),
                         D("3600.00"))

    def test_a_deposit_larger_than_the_quote_or_than_what_is_left_is_refused(self):
        with self.assertRaises(qb.BillingError) as err:
            qb.deposit_total(D("1200"), D("1200"), amount=D("1500"))
        self.assertEqual(err.exception.code, "deposit_over_quote")
        with self.assertRaises(qb.BillingError) as err:
            qb.deposit_total(D("1200"), D("200"), amount=D("500"))
        self.assertEqual(err.exception.code, "deposit_over_left")
        with self.assertRaises(qb.BillingError) as err:
            qb.deposit_total(D("1200"), D("1200"), percent=120)
        self.assertEqual(err.exception.code, "deposit_over_quote")
        with self.assertRaises(qb.BillingError) as err:
            qb.deposit_total(D("1200"), D("1200"), amount=0)
        self.assertEqual(err.exception.code, "deposit_not_positive")

    def test_a_deposit_is_split_over_the_rates_in_proportion_and_adds_up_to_the_cent(self):
        # 3,400.00 at 20 % (4,080.00 incl. VAT) and 300.00 at 10 % (330.00)
        taxes = quote_taxes(("20", "3400"), ("10", "300"))
        parts = qb.split_deposit(taxes, D("1000.00"))
        self.assertEqual([p["rate"] for p in parts], [D(20), D(10)])
        self.assertEqual(sum(p["total"] for p in parts), D("1000.00"))
        # 1000 x 4080 / 4410 = 925.17 incl. VAT at 20 %: 770.98 + 154.20 (one cent
        # short: no base gives 925.17 at 20 %), and 74.83 at 10 %: 68.03 + 6.80
        for part in parts:
            self.assertEqual(part["tax"], qb.vat_of(part["base"], part["rate"]))
        self.assertEqual(parts[1]["base"] + parts[1]["tax"], parts[1]["total"])

    def test_every_deposit_amount_between_1_and_500_euros_adds_up_at_20_percent(self):
        taxes = quote_taxes(("20", "10000"))
        misses = 0
        for cents in range(100, 50001, 7):
            total = D(cents) / 100
            part = qb.split_deposit(taxes, total)[0]
            self.assertLessEqual(total - part["total"], D("0.01"))
            self.assertGreaterEqual(total - part["total"], 0)
            misses += part["total"] != total
        # 1 amount in 6 cannot be reached at 20 % (base steps of 0.01 make VAT steps of 0.002)
        self.assertLess(misses, 7143 // 5)


class TestFinalInvoice(unittest.TestCase):
    def test_the_final_invoice_deducts_each_deposit_and_completes_the_quote_to_the_cent(self):
        taxes = quote_taxes(("20", "3400"), ("10", "300"))
        first = qb.split_deposit(taxes, D("1000"))
        second = qb.split_deposit(taxes, D("333.33"))
        previous = qb.net_documents([
            {"key": 1, "sign": 1, "taxes": first},
            {"key": 2, "sign": 1, "taxes": second},
        ])
        final = qb.final_invoice(taxes, previous)
        self.assertEqual(len(final["deductions"]), 4)
        # everything invoiced is the quote's total (4,080.00 + 330.00)
        self.assertEqual(final["total"] + sum(p["total"] for p in first + second), D("4410.00"))
        for rate_row in final["taxes"]:
            self.assertGreaterEqual(rate_row["tax"], 0)

    def test_a_deposit_cancelled_by_a_credit_note_is_not_deducted(self):
        taxes = quote_taxes(("20", "1000"))
        deposit = qb.split_deposit(taxes, D("600"))
        previous = qb.net_documents([
            {"key": 7, "sign": 1, "taxes": deposit},
            {"key": 7, "sign": -1, "taxes": deposit},
        ])
        self.assertEqual(previous, {})
        final = qb.final_invoice(taxes, previous)
        self.assertEqual(final["total"], D("1200.00"))
        self.assertEqual(final["deductions"], [])

    def test_a_partly_credited_deposit_is_deducted_for_what_is_left_of_it(self):
        taxes = quote_taxes(("20", "1000"))
        previous = qb.net_documents([
            {"key": 7, "sign": 1, "taxes": [{"rate": 20, "base": D("500"), "tax": D("100")}]},
            {"key": 7, "sign": -1, "taxes": [{"rate": 20, "base": D("200"), "tax": D("40")}]},
        ])
        final = qb.final_invoice(taxes, previous)
        self.assertEqual(final["deductions"][0]["base"], D("300"))
        self.assertEqual(final["total"], D("840.00"))

    def test_deposits_over_a_rate_of_the_quote_make_no_negative_vat_they_are_refused(self):
        taxes = quote_taxes(("20", "1000"), ("5.5", "100"))
        previous = qb.net_documents([
            {"key": 1, "sign": 1,
             "taxes": [{"rate": "5.5", "base": D("150"), "tax": D("8.25")}]}])
        with self.assertRaises(qb.BillingError) as err:
            qb.final_invoice(taxes, previous)
        self.assertEqual(err.exception.code, "final_negative")
        self.assertEqual(err.exception.params["rate"], D("5.5"))


class TestProgress(unittest.TestCase):
    CONTRACT = [("a", "20", D("10000.00")), ("b", "20", D("3333.33")),
                ("c", "10", D("2500.00"))]

    def situation(self, percents, billed, previous_tax):
        lines = [{"key": key, "rate": rate, "contract": contract, "percent": percents[key],
                  "previous": billed.get(key, 0)} for key, rate, contract in self.CONTRACT]
        result = qb.progress_invoice(lines, previous_tax)
        for line in result["lines"]:
            billed[line["key"]] = billed.get(line["key"], 0) + line["delta"]
        for tax in result["taxes"]:
            previous_tax[tax["rate"]] = previous_tax.get(tax["rate"], 0) + tax["tax"]
        return result

    def test_five_situations_with_a_line_going_back_down_match_the_hand_computation(self):
        billed, previous_tax = {}, {}
        steps = [
            {"a": 10, "b": 0, "c": 0},
            {"a": 35, "b": 20, "c": 0},
            {"a": 60, "b": 15, "c": 50},    # b goes back down from 20 to 15 %
            {"a": 90, "b": 40, "c": 50},
            {"a": 100, "b": 100, "c": 100},
        ]
        # by hand: cumulative amount excl. VAT of each line, rounded to the cent
        # a: 1000, 3500, 6000, 9000, 10000 / b: 0, 666.67, 500.00, 1333.33, 3333.33
        # c: 0, 0, 1250, 1250, 2500
        expected_untaxed = [D("1000.00"), D("3166.67"), D("3583.33"), D("3833.33"),
                            D("4250.00")]
        # VAT 20 % of the cumulative base: 200.00, 833.33, 1300.00, 2066.67, 2666.67
        # VAT 10 %: 0, 0, 125.00, 125.00, 250.00
        expected_tax = [D("200.00"), D("633.33"), D("591.67"), D("766.67"), D("725.00")]
        totals = []
        for index, step in enumerate(steps):
            result = self.situation(step, billed, previous_tax)
            self.assertEqual(result["untaxed"], expected_untaxed[index], index + 1)
            self.assertEqual(result["tax"], expected_tax[index], index + 1)
            totals.append(result["total"])
            if index == 2:
                deltas = {line["key"]: line["delta"] for line in result["lines"]}
                self.assertEqual(deltas["b"], D("-166.67"))
                self.assertEqual(result["previous"], D("4166.67"))
                self.assertEqual(result["cumulative"], D("7750.00"))
        # at 100 % everything is billed: the quote's 15,833.33 + VAT per rate
        quote_tax = qb.vat_of(D("13333.33"), 20) + qb.vat_of(D("2500"), 10)
        self.assertEqual(sum(totals), D("15833.33") + quote_tax)
        self.assertEqual(billed, {"a": D("10000.00"), "b": D("3333.33"), "c": D("2500.00")})

    def test_a_percentage_over_100_or_below_0_is_refused(self):
        for percent in (D("100.01"), D("-1")):
            with self.assertRaises(qb.BillingError) as err:
                qb.progress_invoice([{"key": 1, "rate": 20, "contract": 100,
                                      "percent": percent}])
            self.assertEqual(err.exception.code, "percent_out_of_range")

    def test_a_situation_billing_less_than_before_is_refused_it_is_a_credit_note(self):
        with self.assertRaises(qb.BillingError) as err:
            qb.progress_invoice([{"key": 1, "rate": 20, "contract": 100, "percent": 10,
                                  "previous": 50}], {20: 10})
        self.assertEqual(err.exception.code, "progress_negative")

    def test_the_lines_of_a_section_are_the_lines_up_to_the_next_section(self):
        members = qb.section_members([
            {"key": "s1", "section": True}, {"key": 1}, {"key": 2},
            {"key": "s2", "section": True}, {"key": 3}])
        self.assertEqual(members, {"s1": [1, 2], "s2": [3]})


class TestRetention(unittest.TestCase):
    def test_the_retention_is_a_percentage_of_the_total_incl_vat_at_most_5(self):
        self.assertEqual(qb.retention(D("4300.00"), 5), D("215.00"))
        self.assertEqual(qb.retention(D("1234.57"), D("2.5")), D("30.86"))
        self.assertEqual(qb.retention(D("1000"), 0), 0)
        with self.assertRaises(qb.BillingError) as err:
            qb.retention(D("1000"), D("5.5"))
        self.assertEqual(err.exception.code, "retention_out_of_range")
