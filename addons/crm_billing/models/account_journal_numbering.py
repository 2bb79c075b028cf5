# -*- coding: utf-8 -*-
"""Invoice numbers without gaps, per year, the French way.

Odoo gives each sale journal a ``no_gap`` sequence (INV/2026/0001); l10n_fr
gives French sale journals a separate one for credit notes (RINV/...). Here
the sale journals of French companies number invoices FAC/2026/00001 and
credit notes AV/2026/00001: ``no_gap`` sequences (the number is taken in the
transaction that posts the invoice, so a rolled-back posting leaves no gap),
with a date range per year (numbering restarts at 1 each year, the year being
the invoice's). Drafts have no number, so deleting a draft leaves no gap.
"""
from odoo import models

INVOICE_PREFIX = "FAC/%(range_year)s/"
CREDIT_NOTE_PREFIX = "AV/%(range_year)s/"
PADDING = 5


class AccountJournal(models.Model):
    _inherit = "account.journal"

    def _crm_billing_set_french_numbering(self):
        """Set FAC/<year>/00001 and AV/<year>/00001 on the sale journals of self."""
        for journal in self.filtered(lambda j: j.type == "sale"):
            if not journal.refund_sequence:
                # account.journal.write creates the credit note sequence
                journal.write({"refund_sequence": True})
            for sequence, prefix in ((journal.sequence_id, INVOICE_PREFIX),
                                     (journal.refund_sequence_id, CREDIT_NOTE_PREFIX)):
                if not sequence:
                    continue
                values = {"prefix": prefix, "padding": PADDING, "implementation": "no_gap",
                          "use_date_range": True, "suffix": False}
                changed = {key: value for key, value in values.items()
                           if sequence[key] != value}
                if changed:
                    sequence.sudo().write(changed)
        return True
