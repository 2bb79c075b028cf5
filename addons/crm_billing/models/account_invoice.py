# -*- coding: utf-8 -*-
"""What crm_billing adds to Odoo's invoices: the quote billed and the kind of
invoice, which the deposits, progress billing, PDF and Factur-X all read.

The only create() and write() of account.invoice in crm_billing go here.
"""
from odoo import fields, models

BILLING_KINDS = [
    ("standard", "Invoice"),
    ("deposit", "Deposit invoice"),
    ("progress", "Progress invoice"),
    ("final", "Final invoice"),
]


class AccountInvoice(models.Model):
    _inherit = "account.invoice"

    crm_quote_id = fields.Many2one(
        "crm.quote", string="Quote", index=True, copy=False, readonly=True,
        ondelete="restrict", help="The signed quote this invoice bills.")
    crm_billing_kind = fields.Selection(
        BILLING_KINDS, string="Kind of invoice", default="standard", required=True,
        copy=False, readonly=True,
        help="Deposit invoice (acompte), progress invoice (situation de travaux), final "
             "invoice (after deposits or progress invoices) or an ordinary invoice.")

    def write(self, vals):
        # a posted French invoice keeps what it says (account_invoice_inalterability.py)
        self._crm_check_alteration(vals)
        return super(AccountInvoice, self).write(vals)
