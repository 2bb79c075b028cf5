# -*- coding: utf-8 -*-
"""Supplier orders: order, receive fully or partly, bill what was received
once, with the French purchase VAT of the company's chart."""
from odoo.exceptions import AccessError, UserError
from odoo.tests.common import SavepointCase


class TestSupplierOrder(SavepointCase):
    @classmethod
    def setUpClass(cls):
        super(TestSupplierOrder, cls).setUpClass()
        cls.company = cls.env.ref("base.main_company")
        cls.supplier = cls.env["res.partner"].create({
            "name": "Bois & Panneaux du Beaujolais", "is_company": True, "supplier": True,
            "country_id": cls.env.ref("base.fr").id})
        cls.order = cls.env["crm.supplier.order"].create({
            "partner_id": cls.supplier.id,
            "partner_ref": "BPB-4410",
            "line_ids": [
                (0, 0, {"name": "Contreplaqué bouleau 18 mm", "quantity": 10,
                        "price_unit": 52.0, "vat_rate": "20"}),
                (0, 0, {"name": "Ouvrage technique sur la menuiserie", "quantity": 2,
                        "price_unit": 30.0, "vat_rate": "5.5"}),
            ]})
        cls.panels, cls.books = cls.order.line_ids

    def receive(self, quantities, order=None):
        order = order or self.order
        action = order.action_receive()
        receipt = self.env["crm.supplier.receipt"].browse(action["res_id"])
        for line in receipt.line_ids:
            line.quantity = quantities.get(line.order_line_id, 0.0)
        receipt.action_validate()
        return receipt

    def test_an_order_is_numbered_and_totalled_with_vat_per_rate(self):
        self.assertRegex(self.order.name, r"^CF-\d{4}-\d{4}$")
        self.assertEqual(self.order.state, "draft")
        self.assertEqual(self.order.amount_untaxed, 580.0)
        self.assertEqual(self.order.amount_tax, 107.3)
        self.assertEqual(self.order.amount_total, 687.3)

    def test_a_partial_receipt_then_the_rest_moves_the_order_to_received(self):
        self.order.action_confirm()
        self.assertEqual(self.order.state, "confirmed")
        first = self.receive({self.panels: 4, self.books: 2})
        self.assertRegex(first.name, r"^REC-\d{4}-\d{4}$")
        self.assertEqual((self.panels.qty_received, self.books.qty_received), (4.0, 2.0))
        self.assertEqual(self.order.reception_status, "partial")
        self.assertEqual(self.order.state, "confirmed")
        self.receive({self.panels: 6})
        self.assertEqual(self.panels.qty_received, 10.0)
        self.assertEqual(self.order.reception_status, "full")
        self.assertEqual(self.order.state, "received")
        self.assertEqual(self.order.receipt_count, 2)

    def test_receiving_more_than_ordered_is_refused_and_nothing_is_recorded(self):
        self.order.action_confirm()
        self.receive({self.panels: 8})
        action = self.order.action_receive()
        receipt = self.env["crm.supplier.receipt"].browse(action["res_id"])
        receipt.line_ids.filtered(lambda line: line.order_line_id == self.panels).quantity = 3
        with self.assertRaisesRegex(UserError, "more than was ordered") as error:
            receipt.action_validate()
        self.assertIn("Contreplaqué bouleau 18 mm: 10 ordered, 11 received in all",
                      str(error.exception))
        self.assertEqual(receipt.state, "draft")
        self.assertEqual(self.panels.qty_received, 8.0)

    def test_a_negative_or_empty_receipt_is_refused(self):
        self.order.action_confirm()
        action = self.order.action_receive()
        receipt = self.env["crm.supplier.receipt"].browse(action["res_id"])
        receipt.line_ids[0].quantity = -2
        with self.assertRaisesRegex(UserError, "negative quantity"):
            receipt.action_validate()
        receipt.line_ids.write({"quantity": 0})
        with self.assertRaisesRegex(UserError, "receives nothing"):
            receipt.action_validate()
        self.assertEqual(self.order.line_ids.mapped("qty_received"), [0.0, 0.0])

    def test_the_vendor_bill_carries_what_was_received_with_french_purchase_vat(self):
        self.order.action_confirm()
        self.receive({self.panels: 4})
        action = self.order.action_create_vendor_bill()
        bill = self.env["account.invoice"].browse(action["res_id"])
        self.assertEqual(bill.type, "in_invoice")
        self.assertEqual(bill.state, "draft")
        self.assertEqual(bill.partner_id, self.supplier)
        self.assertEqual(bill.crm_supplier_order_id, self.order)
        self.assertEqual((bill.origin, bill.reference), (self.order.name, "BPB-4410"))
        [line] = bill.invoice_line_ids
        self.assertEqual((line.quantity, line.price_unit), (4.0, 52.0))
        self.assertEqual(line.invoice_line_tax_ids,
                         self.env.ref("l10n_fr.%d_tva_acq_normale" % self.company.id))
        self.assertEqual((bill.amount_untaxed, bill.amount_tax, bill.amount_total),
                         (208.0, 41.6, 249.6))
        self.assertEqual(self.panels.qty_billed, 4.0)
        self.assertEqual(self.order.invoice_count, 1)

    def test_a_french_supplier_with_a_vat_number_is_billed_french_vat_not_intra_eu(self):
        # the domestic fiscal position (account_fiscal_position_domestic.py)
        self.supplier.vat = "FR64432187656"
        self.order.action_confirm()
        self.receive({self.panels: 1})
        bill = self.env["account.invoice"].browse(
            self.order.action_create_vendor_bill()["res_id"])
        self.assertEqual(bill.fiscal_position_id.name, "Domestique - France")
        self.assertEqual(bill.invoice_line_ids.invoice_line_tax_ids,
                         self.env.ref("l10n_fr.%d_tva_acq_normale" % self.company.id))
        self.assertEqual(bill.amount_tax, 10.4)

    def test_nothing_is_billed_twice_and_the_order_ends_billed(self):
        self.order.action_confirm()
        self.receive({self.panels: 4})
        self.order.action_create_vendor_bill()
        with self.assertRaisesRegex(UserError, "Nothing to bill"):
            self.order.action_create_vendor_bill()
        self.receive({self.panels: 6, self.books: 2})
        action = self.order.action_create_vendor_bill()
        second = self.env["account.invoice"].browse(action["res_id"])
        self.assertEqual(sorted(second.invoice_line_ids.mapped("quantity")), [2.0, 6.0])
        books_line = second.invoice_line_ids.filtered(
            lambda line: line.crm_supplier_order_line_id == self.books)
        self.assertEqual(books_line.invoice_line_tax_ids,
                         self.env.ref("l10n_fr.%d_tva_acq_reduite" % self.company.id))
        self.assertEqual((self.panels.qty_billed, self.books.qty_billed), (10.0, 2.0))
        self.assertEqual(self.order.state, "billed")

    def test_a_cancelled_vendor_bill_gives_its_quantities_back_to_bill(self):
        self.order.action_confirm()
        self.receive({self.panels: 10, self.books: 2})
        action = self.order.action_create_vendor_bill()
        self.assertEqual(self.order.state, "billed")
        self.env["account.invoice"].browse(action["res_id"]).action_invoice_cancel()
        self.assertEqual(self.panels.qty_billed, 0.0)
        self.assertEqual(self.order.state, "received")

    def test_an_order_with_goods_received_cannot_be_cancelled(self):
        self.order.action_confirm()
        self.receive({self.books: 1})
        with self.assertRaisesRegex(UserError, "has received goods"):
            self.order.action_cancel()
        with self.assertRaisesRegex(UserError, "Only a draft or cancelled"):
            self.order.unlink()

    def test_a_confirmed_order_without_receipt_can_be_cancelled_and_redrafted(self):
        self.order.action_confirm()
        self.order.action_cancel()
        self.assertEqual(self.order.state, "cancel")
        self.order.action_draft()
        self.assertEqual(self.order.state, "draft")

    def test_an_empty_order_cannot_be_confirmed(self):
        order = self.env["crm.supplier.order"].create({"partner_id": self.supplier.id})
        with self.assertRaisesRegex(UserError, "no line to order"):
            order.action_confirm()

    def test_a_product_fills_the_line_with_its_cost_and_purchase_vat_rate(self):
        product = self.env["product.product"].create({
            "name": "Colle polyuréthane D4", "purchase_ok": True, "standard_price": 12.4,
            "description_purchase": "Cartouche de 310 ml",
            "supplier_taxes_id": [(6, 0, self.env.ref(
                "l10n_fr.%d_tva_acq_reduite" % self.company.id).ids)]})
        line = self.env["crm.supplier.order.line"].new({
            "order_id": self.order.id, "product_id": product.id})
        line._onchange_product_id()
        self.assertEqual((line.price_unit, line.vat_rate), (12.4, "5.5"))
        self.assertEqual(line.name, "Colle polyuréthane D4\nCartouche de 310 ml")

    def test_the_demo_has_an_order_billed_one_partly_received_and_a_draft(self):
        billed = self.env.ref("crm_billing.crm_supplier_order_demo_oak")
        partial = self.env.ref("crm_billing.crm_supplier_order_demo_hardware")
        draft = self.env.ref("crm_billing.crm_supplier_order_demo_finish")
        self.assertEqual(billed.state, "billed")
        self.assertEqual(billed.invoice_ids.state, "open")
        self.assertEqual(billed.invoice_ids.amount_total, (2.5 * 1450 + 120) * 1.2)
        self.assertEqual((partial.state, partial.reception_status), ("confirmed", "partial"))
        self.assertEqual(draft.state, "draft")


class TestSupplierOrderAccess(SavepointCase):
    @classmethod
    def setUpClass(cls):
        super(TestSupplierOrderAccess, cls).setUpClass()
        cls.other_company = cls.env["res.company"].create({"name": "Filiale Bois Sud"})
        cls.supplier = cls.env["res.partner"].create({"name": "Fournisseur Sud",
                                                      "is_company": True})
        cls.other_order = cls.env["crm.supplier.order"].create({
            "partner_id": cls.supplier.id, "company_id": cls.other_company.id,
            "line_ids": [(0, 0, {"name": "Lasure", "quantity": 1, "price_unit": 10})]})
        cls.user = cls.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Camille Achats", "login": "camille.achats@example.com",
            "email": "camille.achats@example.com",
            "company_id": cls.env.ref("base.main_company").id,
            "company_ids": [(6, 0, [cls.env.ref("base.main_company").id])],
            "groups_id": [(6, 0, [cls.env.ref("crm_billing.group_billing_user").id])]})

    def test_a_billing_user_orders_but_does_not_see_another_companys_orders(self):
        orders = self.env["crm.supplier.order"].sudo(self.user)
        order = orders.create({"partner_id": self.supplier.id, "line_ids": [
            (0, 0, {"name": "Colle vinylique", "quantity": 2, "price_unit": 12.5})]})
        order.action_confirm()
        self.assertEqual(order.state, "confirmed")
        self.assertNotIn(self.other_order, orders.search([]))
        self.assertIn(order, orders.search([]))

    def test_a_salesperson_without_billing_rights_cannot_read_supplier_orders(self):
        user = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Vendeur Sans Achats", "login": "vendeur.sans.achats@example.com",
            "groups_id": [(6, 0, [self.env.ref("crm_base.group_crm_user").id])]})
        with self.assertRaises(AccessError):
            self.env["crm.supplier.order"].sudo(user).search([])
