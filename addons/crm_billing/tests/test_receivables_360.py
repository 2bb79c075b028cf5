# -*- coding: utf-8 -*-
"""What customers owe: on the 360° record (invoices, due, overdue, the
timeline) and in the aged list by customer and age."""
from ..logic import dunning
from .receivables_common import ReceivablesCase


class TestCustomerRecord(ReceivablesCase):

    @classmethod
    def setUpClass(cls):
        super(TestCustomerRecord, cls).setUpClass()
        cls.contact = cls.env["res.partner"].create({
            "name": "Lucie Fournil", "parent_id": cls.customer.id, "type": "invoice"})
        cls.overdue = cls.make_invoice(1000.0, due_in=-40)              # 1,200.00 TTC
        cls.current = cls.make_invoice(500.0, due_in=20, partner=cls.contact)   # 600.00
        cls.paid = cls.make_invoice(100.0, due_in=-5)
        cls.pay(cls.paid, 120.0)
        cls.refund = cls.make_invoice(50.0, due_in=0, kind="out_refund")       # -60.00
        cls.draft = cls.make_invoice(999.0, post=False)

    def test_the_company_shows_its_invoices_and_what_it_owes(self):
        self.assertEqual(self.customer.crm_invoice_count, 4)   # the draft is not counted
        self.assertEqual(self.customer.crm_amount_due, 1200.0 + 600.0 - 60.0)
        self.assertEqual(self.customer.crm_amount_overdue, 1200.0)
        # the contact, alone: its own invoice
        self.assertEqual((self.contact.crm_invoice_count, self.contact.crm_amount_due,
                          self.contact.crm_amount_overdue), (1, 600.0, 0.0))

    def test_the_contact_form_has_the_invoices_button_and_the_amounts(self):
        arch = self.env["res.partner"].fields_view_get(
            self.env.ref("base.view_partner_form").id, "form")["arch"]
        self.assertIn("'crm_timeline_source': 'invoices'", arch)
        self.assertIn('name="crm_invoice_count"', arch)
        self.assertIn('name="crm_amount_due"', arch)
        self.assertIn('name="crm_amount_overdue"', arch)
        action = self.customer.with_context(
            crm_timeline_source="invoices").action_crm_timeline_open()
        self.assertEqual(self.env["account.invoice"].search(action["domain"]),
                         self.overdue | self.current | self.paid | self.refund)

    def test_the_invoices_are_in_the_timeline_with_what_is_left_to_pay(self):
        items = [item for item in self.customer.crm_timeline_get(limit=50)["items"]
                 if item["model"] == "account.invoice"]
        self.assertEqual({item["res_id"] for item in items},
                         set((self.overdue | self.current | self.paid | self.refund).ids))
        by_id = {item["res_id"]: item for item in items}
        self.assertEqual(by_id[self.overdue.id]["title"], "Invoice %s" % self.overdue.number)
        self.assertIn("1,200.00", by_id[self.overdue.id]["summary"])
        self.assertIn("paid", by_id[self.paid.id]["summary"])
        self.assertTrue(by_id[self.refund.id]["title"].startswith("Credit note"))

    def test_the_aged_list_puts_each_open_invoice_in_its_age(self):
        Aged = self.env["crm.billing.aged.receivable"]
        rows = Aged.search([("partner_id", "=", self.customer.id)])
        self.assertEqual({row.invoice_id: (row.age, row.residual) for row in rows}, {
            self.overdue: ("31_60", 1200.0),
            self.current: ("not_due", 600.0),
            self.refund: ("not_due", -60.0),
        })
        overdue_row = rows.filtered(lambda r: r.invoice_id == self.overdue)
        self.assertEqual((overdue_row.days_late, overdue_row.amount_31_60,
                          overdue_row.amount_1_30), (40, 1200.0, 0.0))
        [group] = Aged.read_group([("partner_id", "=", self.customer.id)],
                                  ["partner_id", "residual", "amount_not_due", "amount_31_60"],
                                  ["partner_id"])
        self.assertEqual((group["residual"], group["amount_not_due"], group["amount_31_60"]),
                         (1740.0, 540.0, 1200.0))

    def test_the_aged_list_and_the_python_rule_agree_on_every_age(self):
        invoices = self.env["account.invoice"]
        for days in (1, 30, 31, 60, 61, 90, 91, 200):
            invoices |= self.make_invoice(10.0, due_in=-days)
        rows = self.env["crm.billing.aged.receivable"].search(
            [("invoice_id", "in", invoices.ids)])
        self.assertEqual(len(rows), 8)
        for row in rows:
            self.assertEqual(row.age, dunning.age_bucket(row.days_late), row.days_late)

    def test_the_due_button_opens_what_the_customer_owes(self):
        action = self.customer.with_context(crm_overdue_only=True).action_crm_billing_open_due()
        self.assertEqual(action["res_model"], "crm.billing.aged.receivable")
        self.assertEqual(action["context"].get("search_default_overdue"), 1)
        rows = self.env["crm.billing.aged.receivable"].search(action["domain"])
        self.assertEqual(rows.mapped("invoice_id"), self.overdue | self.current | self.refund)
