# -*- coding: utf-8 -*-
"""Invoice lines that are a section or a note of the quote."""
from odoo import fields, models


class AccountInvoiceLine(models.Model):
    _inherit = "account.invoice.line"

    # Odoo 11 invoices have no section lines: a quote's sections and notes are
    # lines of quantity 0 without tax; the PDF and Factur-X can leave their
    # quantity and amounts out (and Factur-X the lines themselves)
    crm_display_type = fields.Selection(
        related="crm_quote_line_id.display_type", readonly=True,
        string="Section or note of the quote")
