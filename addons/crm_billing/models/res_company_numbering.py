# -*- coding: utf-8 -*-
from odoo import models


class ResCompany(models.Model):
    _inherit = "res.company"

    def _crm_billing_set_invoice_numbering(self):
        """FAC/<year>/00001 and AV/<year>/00001 on the sale journals of the
        French companies of self (see account_journal_numbering.py)."""
        french = self.filtered(lambda company: company._is_accounting_unalterable())
        journals = self.env["account.journal"].sudo().search(
            [("type", "=", "sale"), ("company_id", "in", french.ids)])
        journals._crm_billing_set_french_numbering()
        return journals
