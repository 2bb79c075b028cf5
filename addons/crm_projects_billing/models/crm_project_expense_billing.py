# -*- coding: utf-8 -*-
from odoo import fields, models


class CrmProjectExpense(models.Model):
    """A re-invoiceable expense billed to the customer: the invoice line that
    bills it. A cancelled (or deleted) invoice frees it."""
    _inherit = "crm.project.expense"

    crm_invoice_line_id = fields.Many2one(
        "account.invoice.line", string="Invoice line", ondelete="set null", index=True,
        copy=False, readonly=True)
    crm_invoice_id = fields.Many2one(
        related="crm_invoice_line_id.invoice_id", string="Invoice", readonly=True)
