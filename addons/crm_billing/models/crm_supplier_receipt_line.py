# -*- coding: utf-8 -*-
from odoo import fields, models
from odoo.addons import decimal_precision as dp


class CrmSupplierReceiptLine(models.Model):
    _name = "crm.supplier.receipt.line"
    _description = "Supplier receipt line"
    _order = "receipt_id, id"

    receipt_id = fields.Many2one("crm.supplier.receipt", required=True, index=True,
                                 ondelete="cascade")
    order_line_id = fields.Many2one(
        "crm.supplier.order.line", string="Ordered line", required=True, index=True,
        ondelete="restrict")
    company_id = fields.Many2one(related="receipt_id.company_id", store=True, readonly=True)
    product_id = fields.Many2one(related="order_line_id.product_id", readonly=True)
    name = fields.Text(related="order_line_id.name", readonly=True, string="Description")
    quantity_ordered = fields.Float(
        related="order_line_id.quantity", readonly=True, string="Ordered",
        digits=dp.get_precision("Product Unit of Measure"))
    quantity = fields.Float(
        string="Received now", digits=dp.get_precision("Product Unit of Measure"),
        help="Quantity that arrived with this receipt.")
