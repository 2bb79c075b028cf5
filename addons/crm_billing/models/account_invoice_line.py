# -*- coding: utf-8 -*-
"""Invoice lines that come from a quote line, or deduct a deposit invoice."""
from odoo import api, fields, models

from .account_invoice_inalterability import PROTECTED_LINE_FIELDS


class AccountInvoiceLine(models.Model):
    _inherit = "account.invoice.line"

    crm_quote_line_id = fields.Many2one(
        "crm.quote.line", string="Quote line", index=True, copy=False, ondelete="set null")
    crm_deposit_invoice_id = fields.Many2one(
        "account.invoice", string="Deducted deposit", index=True, copy=False,
        ondelete="restrict",
        help="On a final invoice: the deposit invoice this line deducts. The PDF and the "
             "Factur-X show it as an amount already paid, not as a negative line.")

    @api.model
    def create(self, vals):
        # a line added to a posted French invoice (account_invoice_inalterability.py)
        if vals.get("invoice_id"):
            self.env["account.invoice"].browse(vals["invoice_id"])._crm_check_alteration(
                vals, PROTECTED_LINE_FIELDS)
        return super(AccountInvoiceLine, self).create(vals)

    def write(self, vals):
        self.mapped("invoice_id")._crm_check_alteration(vals, PROTECTED_LINE_FIELDS)
        return super(AccountInvoiceLine, self).write(vals)
