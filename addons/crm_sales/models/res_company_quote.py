# -*- coding: utf-8 -*-
from odoo import _, fields, models

DEFAULT_LATE_PAYMENT_PENALTY = \
    "Late payment penalties: three times the French legal interest rate."


class ResCompany(models.Model):
    """What a company prints on its quotes: how long they are valid and the
    mentions French law requires on commercial documents (Code de commerce
    L441-10: late payment penalties and the fixed recovery fee, D441-5: 40 €)."""
    _inherit = "res.company"

    crm_quote_validity_days = fields.Integer(
        string="Quote validity (days)", default=30,
        help="A new quote is valid for this many days after its date.")
    crm_late_payment_penalty = fields.Text(
        string="Late payment penalties", translate=True,
        default=DEFAULT_LATE_PAYMENT_PENALTY,
        help="Printed on quotes (Code de commerce, art. L441-10).")
    crm_recovery_fee = fields.Float(
        string="Fixed recovery fee", default=40.0, digits=(16, 2),
        help="Fixed compensation for recovery costs owed by a professional customer "
             "who pays late (Code de commerce, art. L441-10 and D441-5: 40 €).")
    crm_quote_footer = fields.Text(
        string="Quote footer", translate=True,
        help="Free text printed at the bottom of quotes (bank details, insurance...).")

    def _crm_late_payment_text(self):
        """The penalty text in the language of the context: the default text
        left untouched is translated like the rest of the interface."""
        self.ensure_one()
        text = self.crm_late_payment_penalty or ""
        if text.strip() == DEFAULT_LATE_PAYMENT_PENALTY:
            return _("Late payment penalties: three times the French legal interest rate.")
        return text
