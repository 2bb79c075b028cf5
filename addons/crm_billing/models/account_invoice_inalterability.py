# -*- coding: utf-8 -*-
"""Posted invoices of a French company cannot be altered.

l10n_fr_certification protects the journal entries: the date, journal and
company of a posted entry, and the debit, credit, account and partner of its
items, cannot be written, and cancelling a posted entry (hence an invoice)
is refused. It does not protect the invoice itself: its lines, amounts,
customer or dates could still be written over XML-RPC, and the invoice would
no longer say what its entry says. Here the invoice, its lines and its VAT
lines refuse such writes once posted (open or paid); a credit note (avoir)
is the only way to reverse it (CGI art. 242 nonies A, 286 I-3° bis).

The create() and write() overrides that call these checks are in
account_invoice.py, account_invoice_line.py and account_invoice_tax.py.
"""
from odoo import _, models
from odoo.exceptions import UserError

# What a posted invoice says and keeps: its parties, dates, number, lines
# and amounts. Its state, payment status, sending, chatter and the fields of
# the follow-up (dunning, notes) stay writable.
PROTECTED_INVOICE_FIELDS = {
    "partner_id", "commercial_partner_id", "date_invoice", "date", "date_due",
    "payment_term_id", "journal_id", "company_id", "currency_id", "account_id", "type",
    "number", "move_name", "reference", "invoice_line_ids", "tax_line_ids",
    "fiscal_position_id", "amount_untaxed", "amount_tax", "amount_total",
}
PROTECTED_LINE_FIELDS = {
    "invoice_id", "name", "product_id", "quantity", "price_unit", "discount",
    "invoice_line_tax_ids", "account_id", "uom_id", "price_subtotal", "price_total",
    "currency_id", "company_id", "partner_id",
}
PROTECTED_TAX_FIELDS = {
    "invoice_id", "tax_id", "amount", "amount_rounding", "base", "account_id", "name",
    "manual", "currency_id", "company_id",
}


class AccountInvoice(models.Model):
    _inherit = "account.invoice"

    def _crm_unalterable(self):
        """The invoices of self that are posted for a company whose accounting
        is unalterable (France and its overseas territories)."""
        return self.filtered(lambda inv: inv.state in ("open", "paid")
                             and inv.company_id._is_accounting_unalterable())

    def action_cancel(self):
        # refused before anything is written (l10n_fr_certification refuses
        # too, but only once the invoice is already marked cancelled)
        posted = self._crm_unalterable()
        if posted:
            raise UserError(_(
                "The invoice %s is posted and cannot be cancelled (French law: the "
                "inalterability of accounting, CGI art. 286). Issue a credit note to reverse "
                "it.") % (posted[0].number or posted[0].display_name))
        return super(AccountInvoice, self).action_cancel()

    def _crm_check_alteration(self, fields_written, protected=PROTECTED_INVOICE_FIELDS):
        """Refuse writing ``fields_written`` if one is protected and an
        invoice of self is posted for a French company."""
        touched = sorted(set(fields_written) & protected)
        posted = self._crm_unalterable() if touched else self.browse()
        if posted:
            raise UserError(_(
                "The invoice %(invoice)s is posted and cannot be changed (French law: the "
                "inalterability of accounting, CGI art. 286). To correct or cancel it, issue "
                "a credit note. Fields refused: %(fields)s.") % {
                    "invoice": posted[0].number or posted[0].display_name,
                    "fields": ", ".join(touched)})
