# -*- coding: utf-8 -*-
"""The open customer invoices in crm_sales' *Cash-in forecast*.

Each open customer invoice (credit notes negative) brings what is left to
pay on it, in the month of its due date: kind "invoice". An overdue one
shows in its past month, as an open opportunity whose date has passed does.
A won opportunity that has been invoiced no longer brings its full budget
but what is left to invoice of it (budget minus the untaxed amount invoiced
from its quotes, never below zero): the invoices bring the rest.

The view's rows get even ids for the opportunities and odd ones for the
invoices, so that the two never share one.
"""
from odoo import api, fields, models, tools

from odoo.addons.crm_sales.logic import forecast


class CrmSalesCashForecast(models.Model):
    _inherit = "crm.sales.cash.forecast"

    kind = fields.Selection(selection_add=[("invoice", "Invoiced, to be paid")])
    invoice_id = fields.Many2one("account.invoice", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW crm_sales_cash_forecast AS (
                WITH invoiced AS (
                    SELECT q.opportunity_id, SUM(i.amount_untaxed_signed) AS amount
                      FROM account_invoice i
                      JOIN crm_quote q ON q.id = i.crm_quote_id
                     WHERE i.type IN ('out_invoice', 'out_refund')
                       AND i.state IN ('open', 'paid')
                       AND q.opportunity_id IS NOT NULL
                     GROUP BY q.opportunity_id
                )
                SELECT o.id * 2 AS id,
                       o.id AS opportunity_id,
                       NULL::integer AS invoice_id,
                       o.partner_id, o.user_id, o.team_id, o.company_id, o.currency_id,
                       o.stage_id, o.payment_term_id,
                       CASE WHEN o.state = 'won' THEN 'won' ELSE 'open' END AS kind,
                       o.expected_payment_date AS payment_date,
                       date_trunc('month', o.expected_payment_date)::date AS month,
                       CASE WHEN o.state = 'won'
                            THEN GREATEST(COALESCE(o.expected_revenue, 0)
                                          - COALESCE(inv.amount, 0), 0)
                            ELSE COALESCE(o.weighted_revenue, 0) END AS amount,
                       COALESCE(o.expected_revenue, 0) AS budget,
                       o.probability
                  FROM crm_opportunity o
                  LEFT JOIN invoiced inv ON inv.opportunity_id = o.id
                 WHERE o.active
                   AND o.expected_payment_date IS NOT NULL
                   AND (o.state = 'open'
                        OR (o.state = 'won' AND o.expected_payment_date >= CURRENT_DATE))
                UNION ALL
                SELECT i.id * 2 + 1 AS id,
                       q.opportunity_id,
                       i.id AS invoice_id,
                       i.commercial_partner_id AS partner_id, i.user_id, q.team_id,
                       i.company_id, i.currency_id,
                       NULL::integer AS stage_id, NULL::integer AS payment_term_id,
                       'invoice' AS kind,
                       COALESCE(i.date_due, i.date_invoice) AS payment_date,
                       date_trunc('month', COALESCE(i.date_due, i.date_invoice))::date AS month,
                       i.residual_signed AS amount,
                       0.0 AS budget,
                       100.0 AS probability
                  FROM account_invoice i
                  LEFT JOIN crm_quote q ON q.id = i.crm_quote_id
                 WHERE i.type IN ('out_invoice', 'out_refund')
                   AND i.state = 'open'
            )
        """)

    @api.model
    def crm_cash_in_by_month(self, months=6, date_from=None):
        """crm_sales' summary with the open invoices: each month gains
        "invoice" (what is left to pay on the invoices due that month) in its
        total; won opportunities bring only what is left to invoice."""
        result = super(CrmSalesCashForecast, self.with_context(
            crm_billing_left_to_invoice=True)).crm_cash_in_by_month(months, date_from)
        if not result:
            return result
        start = fields.Date.from_string(result[0]["month"])
        after = forecast.add_months(fields.Date.from_string(result[-1]["month"]), 1)
        invoices = self.env["account.invoice"].search([
            ("type", "in", ("out_invoice", "out_refund")), ("state", "=", "open"),
            ("date_due", ">=", fields.Date.to_string(start)),
            ("date_due", "<", fields.Date.to_string(after)),
        ])
        totals = {}
        for invoice in invoices:
            month = fields.Date.to_string(
                forecast.month_start(fields.Date.from_string(invoice.date_due)))
            totals[month] = totals.get(month, 0.0) + invoice.residual_signed
        for line in result:
            line["invoice"] = totals.get(line["month"], 0.0)
            line["total"] += line["invoice"]
        return result
