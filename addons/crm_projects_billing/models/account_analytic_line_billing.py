# -*- coding: utf-8 -*-
from odoo import fields, models


class AccountAnalyticLine(models.Model):
    """A timesheet line billed to the customer: the invoice line that bills
    it. A cancelled (or deleted) invoice frees it: it is to invoice again."""
    _inherit = "account.analytic.line"

    crm_invoice_line_id = fields.Many2one(
        "account.invoice.line", string="Invoice line", ondelete="set null", index=True,
        copy=False, readonly=True, help="The customer invoice line that bills this time.")
    crm_invoice_id = fields.Many2one(
        related="crm_invoice_line_id.invoice_id", string="Invoice", readonly=True)
