# -*- coding: utf-8 -*-
"""Invoice lines that come from a quote line, or deduct a deposit invoice."""
from odoo import fields, models


class AccountInvoiceLine(models.Model):
    _inherit = "account.invoice.line"

    crm_quote_line_id = fields.Many2one(
        "crm.quote.line", string="Quote line", index=True, copy=False, ondelete="set null")
    crm_deposit_invoice_id = fields.Many2one(
        "account.invoice", string="Deducted deposit", index=True, copy=False,
        ondelete="restrict",
        help="On a final invoice: the deposit invoice this line deducts. The PDF and the "
             "Factur-X show it as an amount already paid, not as a negative line.")
