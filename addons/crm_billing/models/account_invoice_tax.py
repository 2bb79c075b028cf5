# -*- coding: utf-8 -*-
"""The VAT lines of a posted French invoice cannot be altered (see
account_invoice_inalterability.py)."""
from odoo import api, models

from .account_invoice_inalterability import PROTECTED_TAX_FIELDS


class AccountInvoiceTax(models.Model):
    _inherit = "account.invoice.tax"

    @api.model
    def create(self, vals):
        if vals.get("invoice_id"):
            self.env["account.invoice"].browse(vals["invoice_id"])._crm_check_alteration(
                vals, PROTECTED_TAX_FIELDS)
        return super(AccountInvoiceTax, self).create(vals)

    def write(self, vals):
        self.mapped("invoice_id")._crm_check_alteration(vals, PROTECTED_TAX_FIELDS)
        return super(AccountInvoiceTax, self).write(vals)
