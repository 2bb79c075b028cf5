# -*- coding: utf-8 -*-
"""The demo of payments and reminders reads as its comments say."""
from odoo.tests.common import SavepointCase


class TestReceivablesDemo(SavepointCase):

    def demo(self, key):
        return self.env.ref("crm_billing.crm_billing_demo_invoice_%s" % key)

    def test_the_demo_has_paid_partly_paid_reminded_and_promised_invoices(self):
        level = "crm_billing.crm_dunning_level_%s"
        self.assertEqual((self.demo("paid").state, self.demo("paid").residual), ("paid", 0.0))
        partly = self.demo("partly_paid")
        self.assertEqual((partly.state, partly.residual), ("open", partly.amount_total / 2))
        self.assertEqual(partly.crm_dunning_level_id, self.env.ref(level % "friendly"))
        self.assertEqual(self.demo("second").crm_dunning_level_id, self.env.ref(level % "second"))
        self.assertEqual(self.demo("formal").crm_dunning_level_id, self.env.ref(level % "formal"))
        promised = self.demo("promised")
        self.assertTrue(promised.crm_promise_date)
        self.assertFalse(promised.crm_dunning_level_id)
        self.assertFalse(self.demo("not_due").crm_dunning_level_id)
        # each reminded invoice has its email in its chatter
        for key in ("partly_paid", "second", "formal"):
            invoice = self.demo(key)
            self.assertTrue([m for m in invoice.message_ids
                             if invoice.number in (m.subject or "")], key)

    def test_the_demo_portal_customer_has_an_open_invoice(self):
        invoice = self.demo("portal")
        self.assertEqual(invoice.state, "open")
        portal_user = self.env.ref("base.demo_user0")
        self.assertIn(invoice, self.env["account.invoice"].sudo(portal_user).search([]))
