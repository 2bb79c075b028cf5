# -*- coding: utf-8 -*-
from odoo import fields, models


class AccountInvoiceLine(models.Model):
    """A vendor bill line made from a supplier order line: its quantity counts
    as billed on that line (crm.supplier.order.line.qty_billed)."""
    _inherit = "account.invoice.line"

    crm_supplier_order_line_id = fields.Many2one(
        "crm.supplier.order.line", string="Supplier order line", index=True, copy=False,
        readonly=True, ondelete="set null")
