# -*- coding: utf-8 -*-
from odoo import fields, models


class AccountInvoice(models.Model):
    """A vendor bill made from a supplier order (crm.supplier.order)."""
    _inherit = "account.invoice"

    crm_supplier_order_id = fields.Many2one(
        "crm.supplier.order", string="Supplier order", index=True, copy=False,
        readonly=True, ondelete="restrict",
        help="The supplier order whose received quantities this vendor bill carries.")
