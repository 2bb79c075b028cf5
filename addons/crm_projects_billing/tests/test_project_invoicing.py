# -*- coding: utf-8 -*-
from odoo.exceptions import UserError

from odoo.addons.crm_projects.tests.timesheet_common import TimesheetCase


class TestProjectInvoicing(TimesheetCase):

    def setUp(self):
        super(TestProjectInvoicing, self).setUp()
        self.customer.country_id = self.env.ref("base.fr")
        self.project.crm_hourly_rate = 75.0
        self.design = self.log(self.emp_lea, self.task_design, 3.0)
        self.dev = self.log(self.emp_hugo, self.task_dev, 2.0)
        self.font = self.expense(100.0, reinvoice=True)
        self.coffee = self.expense(50.0, reinvoice=False, name="Café de l'équipe")

    def invoice(self):
        return self.project._crm_invoice_time_expenses(date_invoice="2026-03-31")

    def test_time_per_task_at_the_hourly_rate_and_reinvoiceable_expenses_make_a_draft(self):
        invoice = self.invoice()
        self.assertEqual(invoice.state, "draft")
        self.assertEqual(invoice.type, "out_invoice")
        self.assertEqual(invoice.partner_id, self.customer)
        self.assertEqual(invoice.crm_project_id, self.project)
        self.assertEqual(
            [(line.quantity, line.price_unit, line.price_subtotal)
             for line in invoice.invoice_line_ids.sorted("sequence")],
            [(3.0, 75.0, 225.0), (2.0, 75.0, 150.0), (1.0, 100.0, 100.0)])
        self.assertIn("Maquettes", invoice.invoice_line_ids.sorted("sequence")[0].name)
        self.assertEqual(invoice.amount_untaxed, 475.0)
        self.assertEqual(invoice.amount_tax, 95.0)
        self.assertEqual(invoice.amount_total, 570.0)
        self.assertEqual((self.design | self.dev).mapped("crm_invoice_id"), invoice)
        self.assertEqual(self.font.crm_invoice_id, invoice)
        self.assertFalse(self.coffee.crm_invoice_id)
        self.assertEqual(self.project.crm_invoice_count, 1)

    def test_invoicing_twice_bills_nothing_twice(self):
        first = self.invoice()
        with self.assertRaises(UserError):
            self.invoice()
        later = self.log(self.emp_lea, self.task_design, 1.5)
        second = self.invoice()
        self.assertNotEqual(first, second)
        self.assertEqual(second.amount_untaxed, 112.5)
        self.assertEqual(later.crm_invoice_id, second)
        self.assertEqual(self.design.crm_invoice_id, first)

    def test_cancelling_the_invoice_frees_its_time_and_expenses(self):
        first = self.invoice()
        first.action_invoice_cancel()
        self.assertEqual(first.state, "cancel")
        again = self.invoice()
        self.assertEqual(again.amount_untaxed, 475.0)
        self.assertEqual(self.design.crm_invoice_id, again)
        self.assertEqual(self.font.crm_invoice_id, again)

    def test_deleting_the_draft_invoice_frees_its_time_and_expenses(self):
        self.invoice().unlink()
        self.assertFalse(self.design.crm_invoice_line_id)
        self.assertFalse(self.font.crm_invoice_line_id)
        self.assertEqual(self.invoice().amount_untaxed, 475.0)

    def test_time_without_an_hourly_rate_is_refused_and_nothing_is_written(self):
        self.project.crm_hourly_rate = 0.0
        with self.assertRaises(UserError):
            self.invoice()
        self.assertFalse(self.env["account.invoice"].search(
            [("crm_project_id", "=", self.project.id)]))
        self.assertFalse(self.design.crm_invoice_line_id)

    def test_a_project_without_customer_cannot_be_invoiced(self):
        self.project.partner_id = False
        with self.assertRaises(UserError):
            self.invoice()
