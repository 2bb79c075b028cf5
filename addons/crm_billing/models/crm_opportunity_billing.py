# -*- coding: utf-8 -*-
"""A won opportunity that has been invoiced, in the cash-in forecast: what is
left to invoice of its budget (see crm_sales_cash_forecast_invoice.py)."""
from odoo import models


class CrmOpportunity(models.Model):
    _inherit = "crm.opportunity"

    def _crm_billing_invoiced_untaxed(self):
        """The untaxed amount invoiced from the opportunity's quotes (posted
        invoices, credit notes deducted), in the company's currency."""
        self.ensure_one()
        invoices = self.env["account.invoice"].sudo().search([
            ("crm_quote_id.opportunity_id", "=", self.id),
            ("type", "in", ("out_invoice", "out_refund")), ("state", "in", ("open", "paid"))])
        return sum(invoices.mapped("amount_untaxed_signed"))

    def _crm_forecast_row(self):
        row = super(CrmOpportunity, self)._crm_forecast_row()
        if self.env.context.get("crm_billing_left_to_invoice") and row["state"] == "won":
            row["budget"] = max((row["budget"] or 0.0) - self._crm_billing_invoiced_untaxed(), 0.0)
        return row
