# -*- coding: utf-8 -*-
"""crm_sales' cash-in forecast with the open invoices, by due date, for what
is left to pay on them."""
import datetime

from odoo import fields

from odoo.addons.crm_sales.logic import forecast

from .receivables_common import ReceivablesCase


class TestCashForecastInvoices(ReceivablesCase):

    @classmethod
    def setUpClass(cls):
        super(TestCashForecastInvoices, cls).setUpClass()
        cls.next_month = forecast.add_months(forecast.month_start(cls.today), 1)
        due = (cls.next_month + datetime.timedelta(days=9) - cls.today).days
        cls.open_invoice = cls.make_invoice(1000.0, due_in=due)
        cls.partly_paid = cls.make_invoice(500.0, due_in=due)
        cls.pay(cls.partly_paid, 200.0)
        cls.paid = cls.make_invoice(800.0, due_in=due)
        cls.pay(cls.paid, 960.0)
        cls.Forecast = cls.env["crm.sales.cash.forecast"]

    def test_an_open_invoice_due_next_month_is_in_next_month_for_what_is_left(self):
        rows = self.Forecast.search([("kind", "=", "invoice"),
                                     ("partner_id", "=", self.customer.id)])
        self.assertEqual({row.invoice_id: (row.month, row.amount) for row in rows}, {
            self.open_invoice: (fields.Date.to_string(self.next_month), 1200.0),
            self.partly_paid: (fields.Date.to_string(self.next_month), 400.0),
        })
        self.assertNotIn(self.paid, rows.mapped("invoice_id"))

    def test_the_python_summary_counts_the_invoices_like_the_report(self):
        summary = self.Forecast.crm_cash_in_by_month(months=3)
        line = [ln for ln in summary if ln["month"] == fields.Date.to_string(self.next_month)][0]
        [group] = self.Forecast.read_group(
            [("kind", "=", "invoice"), ("month", "=", line["month"])], ["amount"], [])
        self.assertAlmostEqual(line["invoice"], group["amount"], places=2)
        self.assertGreaterEqual(line["invoice"], 1600.0)
        self.assertAlmostEqual(line["total"], line["open"] + line["won"] + line["invoice"])

    def test_a_won_deal_once_invoiced_brings_only_what_is_left_to_invoice(self):
        opportunity = self.env["crm.opportunity"].create({
            "name": "Agencement boutique", "partner_id": self.customer.id,
            "expected_revenue": 10000.0, "expected_close_date": self.day(0)})
        opportunity.action_set_won()
        quote = self.env["crm.quote"].create({
            "opportunity_id": opportunity.id, "partner_id": self.customer.id,
            "line_ids": [(0, 0, {"name": "Agencement", "quantity": 1,
                                 "price_unit": 10000.0, "vat_rate": "20"})]})
        row = self.Forecast.search([("opportunity_id", "=", opportunity.id),
                                    ("kind", "=", "won")])
        self.assertEqual(row.amount, 10000.0)
        deposit = self.make_invoice(3000.0, due_in=5, post=False)
        deposit.crm_quote_id = quote
        deposit.action_invoice_open()
        self.Forecast.invalidate_cache()
        row = self.Forecast.search([("opportunity_id", "=", opportunity.id),
                                    ("kind", "=", "won")])
        self.assertEqual(row.amount, 7000.0)
        [invoice_row] = self.Forecast.search([("invoice_id", "=", deposit.id)])
        self.assertEqual((invoice_row.amount, invoice_row.opportunity_id),
                         (3600.0, opportunity))
