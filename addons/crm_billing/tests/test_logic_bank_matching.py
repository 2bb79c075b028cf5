# -*- coding: utf-8 -*-
import datetime
import random
import time
import unittest
from decimal import Decimal

from ..logic import bank_matching as bm


def item(item_id, number, partner, residual, date="2026-03-02", due="2026-04-01", ibans=(),
         reference=""):
    return {"id": item_id, "number": number, "partner_id": partner, "partner_name": partner,
            "partner_ibans": list(ibans), "residual": residual, "date": date,
            "due_date": due, "reference": reference}


def line(line_id, amount, label, date="2026-04-03", partner_name="", iban="", ref=""):
    return {"id": line_id, "amount": amount, "label": label, "date": date,
            "partner_name": partner_name, "iban": iban, "ref": ref}


ITEMS = [
    item(1, "FAC/2026/0005", "Boulangerie Martin", 1200.00),
    item(2, "FAC/2026/0006", "Boulangerie Martin", 360.00),
    item(3, "FAC/2026/0007", "Garage Lefèvre SARL", 360.00,
         ibans=["FR76 3000 4000 0312 3456 7890 143"]),
    item(4, "FAC/2026/0008", "Cabinet Roux", 845.50),
    item(5, "FAC/2026/0009", "Cabinet Roux", 154.50),
    item(6, "FAC/2026/0050", "Atelier Bois Clair", 2400.00, reference="RF18539007547034"),
    item(7, "FAC/2026/00051", "Atelier Bois Clair", 99.00),
    item(8, "FF-1234", "Papeterie Dubois", -540.00),
]


def one(lines, items=ITEMS):
    proposals = bm.match(lines, items)
    return proposals[0] if proposals else None


class TestReferenceInLabel(unittest.TestCase):
    def test_an_invoice_number_typed_with_spaces_is_found_and_sure(self):
        proposal = one([line(10, 1200.00, "VIR SEPA DE BOULANGERIE MARTIN FAC 2026 0005")])
        self.assertEqual(proposal["item_ids"], [1])
        self.assertTrue(proposal["sure"])
        self.assertEqual(proposal["kind"], "exact")
        self.assertIn("reference", proposal["reasons"])
        self.assertIn("amount", proposal["reasons"])
        self.assertEqual(proposal["allocations"], {1: Decimal("1200.00")})

    def test_an_invoice_number_with_dashes_or_lowercase_is_the_same_number(self):
        for label in ("Règlement fac-2026-0005", "fac/2026/0005", "FAC2026/0005 merci"):
            proposal = one([line(10, 1200.00, label)])
            self.assertEqual(proposal["item_ids"], [1], label)
            self.assertTrue(proposal["sure"], label)

    def test_a_longer_number_is_not_taken_for_a_shorter_one(self):
        proposal = one([line(10, 99.00, "VIR ATELIER BOIS CLAIR FAC/2026/00051")])
        self.assertEqual(proposal["item_ids"], [7])
        self.assertTrue(proposal["sure"])

    def test_a_structured_reference_finds_its_invoice(self):
        proposal = one([line(10, 2400.00, "VIR SEPA", ref="RF18 5390 0754 7034")])
        self.assertEqual(proposal["item_ids"], [6])
        self.assertTrue(proposal["sure"])

    def test_several_numbers_in_one_label_make_one_grouped_payment(self):
        proposal = one([line(10, 1560.00, "MARTIN FAC 2026 0005 ET FAC 2026 0006")])
        self.assertEqual(sorted(proposal["item_ids"]), [1, 2])
        self.assertEqual(proposal["kind"], "grouped")
        self.assertTrue(proposal["sure"])
        self.assertEqual(proposal["allocations"], {1: Decimal("1200"), 2: Decimal("360")})

    def test_a_lower_amount_naming_the_invoice_and_its_customer_is_a_sure_partial_payment(self):
        proposal = one([line(10, 500.00, "VIR BOULANGERIE MARTIN ACOMPTE FAC 2026 0005")])
        self.assertEqual(proposal["kind"], "partial")
        self.assertEqual(proposal["allocations"], {1: Decimal("500")})
        self.assertTrue(proposal["sure"])

    def test_a_partial_payment_without_the_customer_s_name_waits_for_a_click(self):
        proposal = one([line(10, 500.00, "VIR FAC 2026 0005")])
        self.assertEqual(proposal["kind"], "partial")
        self.assertFalse(proposal["sure"])

    def test_paying_more_than_due_is_proposed_but_never_sure(self):
        proposal = one([line(10, 1300.00, "BOULANGERIE MARTIN FAC 2026 0005")])
        self.assertEqual(proposal["item_ids"], [1])
        self.assertEqual(proposal["kind"], "overpaid")
        self.assertFalse(proposal["sure"])

    def test_an_invoice_of_another_customer_than_the_payer_s_account_is_not_sure(self):
        proposal = one([line(10, 1200.00, "FAC 2026 0005",
                             iban="FR7630004000031234567890143")])
        self.assertEqual(proposal["item_ids"], [1])
        self.assertIn("other_partner", proposal["reasons"])
        self.assertFalse(proposal["sure"])


class TestCutNames(unittest.TestCase):
    ITEMS = [
        item(1, "INV/2026/0101", "Garage Durand", 240.00),
        item(2, "INV/2026/0102", "Garage Durand Grenoble", 480.00),
        item(3, "INV/2026/0103", "Garage Durand Grenoble", 240.00),
    ]

    def test_a_name_cut_by_the_bank_does_not_hide_the_invoice_it_names(self):
        proposal = one([line(10, 480.00, "VIR SEPA GARAGE DURAND GRENO INV 2026 0102")],
                       self.ITEMS)
        self.assertEqual(proposal["item_ids"], [2])
        self.assertNotIn("other_partner", proposal["reasons"])
        self.assertTrue(proposal["sure"])

    def test_a_label_naming_one_customer_and_another_s_invoice_is_not_sure(self):
        proposal = one([line(10, 240.00, "VIR SEPA GARAGE DURAND GRENOBLE INV 2026 0101")],
                       self.ITEMS)
        self.assertFalse(proposal["sure"])
        self.assertIn("ambiguous", proposal["reasons"])
        index = bm.Index(self.ITEMS)
        label = bm.words("VIR SEPA GARAGE DURAND GRENOBLE")
        self.assertEqual(index.partners_named(label, "")[0], {"Garage Durand Grenoble"})


class TestCustomerAndAmount(unittest.TestCase):
    def test_the_payer_s_iban_and_the_amount_find_the_invoice(self):
        proposal = one([line(10, 360.00, "VIREMENT RECU",
                             iban="FR76 3000 4000 0312 3456 7890 143")])
        self.assertEqual(proposal["item_ids"], [3])
        self.assertIn("iban", proposal["reasons"])
        self.assertTrue(proposal["sure"])

    def test_the_customer_s_name_in_the_label_and_the_amount_find_the_invoice(self):
        proposal = one([line(10, 360.00, "VIR SEPA GARAGE LEFEVRE")])
        self.assertEqual(proposal["item_ids"], [3])
        self.assertIn("name", proposal["reasons"])
        self.assertTrue(proposal["sure"])

    def test_two_customers_with_an_invoice_of_that_amount_and_no_name_is_left_unsure(self):
        proposal = one([line(10, 360.00, "VIREMENT RECU")])
        self.assertFalse(proposal and proposal["sure"])

    def test_one_payment_for_several_invoices_of_a_customer_is_found_by_their_sum(self):
        proposal = one([line(10, 1000.00, "VIR CABINET ROUX")])
        self.assertEqual(sorted(proposal["item_ids"]), [4, 5])
        self.assertEqual(proposal["kind"], "grouped")
        self.assertTrue(proposal["sure"])

    def test_a_grouped_payment_is_found_among_many_open_invoices_by_their_dates(self):
        items = [item(100 + n, "INV/2025/%04d" % n, "Hôtel Bellevue", 1000.00 + n,
                      date="2025-%02d-01" % (1 + n % 12), due="2025-%02d-28" % (1 + n % 12))
                 for n in range(60)]
        items += [item(1, "INV/2026/0201", "Hôtel Bellevue", 123.45, date="2026-03-01"),
                  item(2, "INV/2026/0202", "Hôtel Bellevue", 67.89, date="2026-03-05")]
        proposal = one([line(10, 191.34, "VIR HOTEL BELLEVUE FACTURES MARS")], items)
        self.assertEqual(sorted(proposal["item_ids"]), [1, 2])
        self.assertTrue(proposal["sure"])

    def test_a_supplier_payment_is_matched_to_the_vendor_bill(self):
        proposal = one([line(10, -540.00, "PRLV PAPETERIE DUBOIS FF-1234")])
        self.assertEqual(proposal["item_ids"], [8])
        self.assertEqual(proposal["allocations"], {8: Decimal("-540")})
        self.assertTrue(proposal["sure"])

    def test_money_received_never_pays_a_vendor_bill(self):
        proposal = one([line(10, 540.00, "FF-1234")])
        self.assertIsNone(proposal)

    def test_the_amount_alone_is_a_hint_that_is_never_sure(self):
        proposal = one([line(10, 2400.00, "VIREMENT RECU")])
        self.assertEqual(proposal["item_ids"], [6])
        self.assertEqual(proposal["kind"], "amount_only")
        self.assertFalse(proposal["sure"])

    def test_a_payment_long_before_the_invoice_loses_points(self):
        early = one([line(10, 1200.00, "FAC 2026 0005", date="2025-06-01")])
        on_time = one([line(10, 1200.00, "FAC 2026 0005")])
        self.assertLess(early["score"], on_time["score"])
        self.assertIn("date_out", early["reasons"])

    def test_nothing_is_proposed_for_a_line_without_any_clue(self):
        self.assertEqual(bm.match([line(10, 12.34, "FRAIS BANCAIRES")], ITEMS), [])


class TestSeveralLines(unittest.TestCase):
    def test_two_lines_paying_the_same_invoice_in_full_are_both_left_for_a_human(self):
        proposals = bm.match([line(10, 1200.00, "FAC 2026 0005"),
                              line(11, 1200.00, "MARTIN FAC/2026/0005")], ITEMS)
        self.assertEqual([p["item_ids"] for p in proposals], [[1], [1]])
        self.assertEqual([p["sure"] for p in proposals], [False, False])
        self.assertIn("conflict", proposals[0]["reasons"])

    def test_two_partial_payments_within_what_is_due_both_stay_sure(self):
        proposals = bm.match([line(10, 600.00, "BOULANGERIE MARTIN FAC 2026 0005"),
                              line(11, 600.00, "BOULANGERIE MARTIN FAC 2026 0005")], ITEMS)
        self.assertEqual([p["sure"] for p in proposals], [True, True])


class TestSpeed(unittest.TestCase):
    def test_ten_thousand_lines_against_ten_thousand_items_take_seconds_not_hours(self):
        rng = random.Random(7)
        items, lines = [], []
        start = datetime.date(2026, 1, 2)
        for n in range(10000):
            partner = "Client %s %d" % (rng.choice(["Dupont", "Martin", "Durand"]), n // 5)
            amount = round(rng.uniform(50, 5000), 2)
            date = start + datetime.timedelta(days=n % 300)
            items.append(item(n, "FAC/2026/%05d" % n, partner, amount, date=date,
                              due=date + datetime.timedelta(days=30)))
            label = "VIR SEPA %s" % partner.upper()
            if n % 2:
                label += " FAC 2026 %05d" % n
            lines.append(line(n, amount, label, date=date + datetime.timedelta(days=20)))
        begin = time.time()
        proposals = bm.match(lines, items)
        elapsed = time.time() - begin
        wrong = [p for p in proposals if p["sure"] and p["item_ids"] != [p["line_id"]]]
        self.assertEqual(wrong, [])
        self.assertGreater(len([p for p in proposals if p["sure"]]), 9000)
        self.assertLess(elapsed, 20)
