# -*- coding: utf-8 -*-
from odoo import fields, models

from ..logic import payment_terms


class CrmPaymentTerm(models.Model):
    """When a customer pays: N days, optionally end of month (French usage:
    "45 jours fin de mois"). Used by the cash-in forecast and printed on quotes."""
    _name = "crm.payment.term"
    _description = "Payment terms"
    _order = "sequence, days"

    name = fields.Char(string="Payment terms", required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    days = fields.Integer(default=30,
                          help="Days between the invoice and the payment.")
    end_of_month = fields.Boolean(
        string="End of month",
        help="The payment is due at the end of the month the days lead to "
             "(\"45 jours fin de mois\").")
    note = fields.Text(string="Text on documents", translate=True)

    _sql_constraints = [
        ("days_positive", "CHECK(days >= 0)", "The number of days cannot be negative."),
    ]

    def _crm_due_date(self, invoice_date):
        """The date the customer pays an amount invoiced on ``invoice_date``."""
        self.ensure_one()
        return payment_terms.due_date(invoice_date, self.days, self.end_of_month)
