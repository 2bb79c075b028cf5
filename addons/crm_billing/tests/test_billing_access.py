# -*- coding: utf-8 -*-
"""Who sees which invoices: salespeople read their customers' invoices and
cannot change them; other companies' invoices stay hidden."""
from odoo.exceptions import AccessError

from .receivables_common import ReceivablesCase


class TestBillingAccess(ReceivablesCase):

    @classmethod
    def setUpClass(cls):
        super(TestBillingAccess, cls).setUpClass()
        Users = cls.env["res.users"].with_context(no_reset_password=True)
        sales = cls.env.ref("crm_sales.group_sales_user")
        cls.seller = Users.create({
            "name": "Camille Vendeuse", "login": "camille.billing.test",
            "email": "camille@menuiserie.example.fr",
            "groups_id": [(6, 0, [sales.id])]})
        cls.other_seller = Users.create({
            "name": "Paul Vendeur", "login": "paul.billing.test",
            "email": "paul@menuiserie.example.fr",
            "groups_id": [(6, 0, [sales.id])]})
        cls.billing = Users.create({
            "name": "Bérénice Compta", "login": "berenice.billing.test",
            "email": "berenice@menuiserie.example.fr",
            "groups_id": [(6, 0, [sales.id, cls.env.ref("crm_billing.group_billing_user").id])]})
        cls.customer.user_id = cls.seller
        cls.own_customer_invoice = cls.make_invoice(1000.0)
        cls.sold_by_seller = cls.make_invoice(200.0, user=cls.seller, partner=cls.env[
            "res.partner"].create({"name": "Client de passage", "is_company": True}))
        cls.others = cls.make_invoice(300.0, user=cls.other_seller, partner=cls.env[
            "res.partner"].create({"name": "Client de Paul", "is_company": True}))

    def visible(self, user):
        return self.env["account.invoice"].sudo(user).search(
            [("id", "in", (self.own_customer_invoice | self.sold_by_seller | self.others).ids)])

    def test_a_salesperson_reads_the_invoices_of_their_customers_only(self):
        self.assertEqual(self.visible(self.seller), self.own_customer_invoice | self.sold_by_seller)
        self.assertEqual(self.visible(self.other_seller), self.others)
        invoice = self.own_customer_invoice.sudo(self.seller)
        # what the invoice form shows
        values = invoice.read(["number", "amount_total", "residual", "invoice_line_ids",
                               "tax_line_ids", "crm_dunning_level_id", "state"])[0]
        self.assertEqual((values["amount_total"], values["residual"]), (1200.0, 1200.0))
        invoice.invoice_line_ids.read(["name", "price_subtotal"])
        invoice.tax_line_ids.read(["name", "amount"])
        with self.assertRaises(AccessError):
            self.others.sudo(self.seller).read(["number"])

    def test_a_salesperson_opens_the_invoice_form_and_list(self):
        Invoice = self.env["account.invoice"].sudo(self.seller)
        for view, view_type in (("account.invoice_form", "form"),
                                ("account.invoice_tree", "tree")):
            arch = Invoice.fields_view_get(self.env.ref(view).id, view_type)
            values = self.own_customer_invoice.sudo(self.seller).read(list(arch["fields"]))
            self.assertEqual(values[0]["number"], self.own_customer_invoice.number)
        for line in self.own_customer_invoice.sudo(self.seller).invoice_line_ids:
            line.read(list(line._fields))

    def test_a_salesperson_can_neither_change_nor_create_nor_post_an_invoice(self):
        invoice = self.own_customer_invoice.sudo(self.seller)
        with self.assertRaises(AccessError):
            invoice.write({"comment": "Remise exceptionnelle"})
        with self.assertRaises(AccessError):
            self.env["account.invoice"].sudo(self.seller).create({
                "partner_id": self.customer.id, "type": "out_invoice"})
        draft = self.make_invoice(10.0, post=False, user=self.seller)
        with self.assertRaises(AccessError):
            draft.sudo(self.seller).action_invoice_open()

    def test_a_salesperson_who_is_also_a_billing_user_sees_and_edits_all(self):
        self.assertEqual(len(self.visible(self.billing)), 3)
        self.others.sudo(self.billing).write({"crm_promise_date": self.day(10)})
        self.assertEqual(self.others.crm_promise_date, self.day(10))

    def test_what_customers_owe_follows_the_same_split(self):
        Aged = self.env["crm.billing.aged.receivable"]
        ids = (self.own_customer_invoice | self.sold_by_seller | self.others).ids
        self.assertEqual(Aged.sudo(self.seller).search([("invoice_id", "in", ids)]).mapped(
            "invoice_id"), self.own_customer_invoice | self.sold_by_seller)
        self.assertEqual(len(Aged.sudo(self.billing).search([("invoice_id", "in", ids)])), 3)

    def test_another_companys_invoices_and_reminder_levels_are_invisible(self):
        other = self.env["res.company"].create({
            "name": "Filiale Bordeaux", "country_id": self.env.ref("base.fr").id,
            "currency_id": self.env.ref("base.EUR").id})
        self.env["res.company"]._crm_billing_load_french_chart()
        hidden = self.make_invoice(400.0, company=other, partner=self.customer)
        self.assertEqual(hidden.company_id, other)
        self.assertEqual(hidden.account_id.company_id, other)
        self.assertFalse(self.env["account.invoice"].sudo(self.billing).search(
            [("id", "=", hidden.id)]))
        self.assertFalse(self.env["crm.billing.aged.receivable"].sudo(self.billing).search(
            [("invoice_id", "=", hidden.id)]))
        level = self.env["crm.dunning.level"].create({
            "name": "Relance Bordeaux", "days": 10, "company_id": other.id,
            "mail_template_id": self.env.ref(
                "crm_billing.crm_dunning_mail_template_friendly").id})
        self.assertNotIn(level, self.env["crm.dunning.level"].sudo(self.billing).search([]))
        # the customer's amounts count only what the user may see
        self.assertEqual(self.customer.sudo(self.billing).crm_amount_due, 1200.0)
