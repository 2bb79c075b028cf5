# -*- coding: utf-8 -*-
"""The FEC names the voucher of every entry (PieceRef).

l10n_fr_fec takes PieceRef from the journal entry's reference, which Odoo
fills with the invoice's "reference" field: the supplier's number on a vendor
bill, but usually nothing on a customer invoice or a credit note, so their
lines came out with PieceRef "-". The voucher of a customer invoice is the
invoice itself: its entry gets its number as reference when it is posted.
"""
from odoo import models


class AccountInvoice(models.Model):
    _inherit = "account.invoice"

    def action_move_create(self):
        result = super(AccountInvoice, self).action_move_create()
        for invoice in self:
            move = invoice.move_id
            if move and not move.ref:
                move.write({"ref": move.name})
        return result
