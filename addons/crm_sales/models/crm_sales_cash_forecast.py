# -*- coding: utf-8 -*-
"""Report *Cash-in forecast*: what customers should pay us, by month of
expected payment (SQL view, one row per opportunity that counts).

The expected payment date is the expected close date plus the payment terms
(``crm.opportunity.expected_payment_date``). A row is:

* an **open** opportunity with a payment date: it brings its weighted amount
  (budget x probability); one whose date has passed shows in that past month,
  a sign that its close date needs updating;
* a **won** opportunity whose payment date is today or later: it brings its
  full budget (an earlier one is taken as paid).

Lost opportunities, archived ones and open ones without a close date are not
in it. The same rule in Python is ``logic.forecast.cash_in_by_month``.
"""
from odoo import api, fields, models, tools

from ..logic import forecast

KINDS = [("open", "Open (weighted)"), ("won", "Won (full budget)")]


class CrmSalesCashForecast(models.Model):
    _name = "crm.sales.cash.forecast"
    _description = "Cash-in forecast"
    _auto = False
    _order = "payment_date, id"
    _rec_name = "opportunity_id"

    opportunity_id = fields.Many2one("crm.opportunity", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    user_id = fields.Many2one("res.users", string="Owner", readonly=True)
    team_id = fields.Many2one("crm.sales.team", string="Sales team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    stage_id = fields.Many2one("crm.opportunity.stage", readonly=True)
    payment_term_id = fields.Many2one("crm.payment.term", string="Payment terms", readonly=True)
    kind = fields.Selection(KINDS, readonly=True)
    payment_date = fields.Date(string="Expected payment", readonly=True)
    month = fields.Date(readonly=True,
                        help="First day of the month of the expected payment.")
    amount = fields.Monetary(
        string="Expected cash-in", currency_field="currency_id", readonly=True,
        help="Open opportunities: budget x probability; won ones: the full budget.")
    budget = fields.Monetary(currency_field="currency_id", readonly=True)
    probability = fields.Float(string="Probability (%)", readonly=True, group_operator="avg")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW crm_sales_cash_forecast AS (
                SELECT o.id AS id,
                       o.id AS opportunity_id,
                       o.partner_id, o.user_id, o.team_id, o.company_id, o.currency_id,
                       o.stage_id, o.payment_term_id,
                       CASE WHEN o.state = 'won' THEN 'won' ELSE 'open' END AS kind,
                       o.expected_payment_date AS payment_date,
                       date_trunc('month', o.expected_payment_date)::date AS month,
                       CASE WHEN o.state = 'won' THEN COALESCE(o.expected_revenue, 0)
                            ELSE COALESCE(o.weighted_revenue, 0) END AS amount,
                       COALESCE(o.expected_revenue, 0) AS budget,
                       o.probability
                  FROM crm_opportunity o
                 WHERE o.active
                   AND o.expected_payment_date IS NOT NULL
                   AND (o.state = 'open'
                        OR (o.state = 'won' AND o.expected_payment_date >= CURRENT_DATE))
            )
        """)

    @api.model
    def crm_cash_in_by_month(self, months=6, date_from=None):
        """[{"month": "YYYY-MM-01", "open": x, "won": y, "total": x + y}] for
        ``months`` months from the month of ``date_from`` (today), for the
        opportunities the user may see; computed in Python by
        logic/forecast.py from the opportunities themselves."""
        today = fields.Date.from_string(fields.Date.context_today(self))
        start = forecast.month_start(fields.Date.from_string(date_from) if date_from else today)
        buckets = forecast.month_buckets(start, months)
        after = forecast.add_months(buckets[-1], 1)
        opportunities = self.env["crm.opportunity"].search([
            ("state", "in", ("open", "won")),
            ("expected_payment_date", ">=", fields.Date.to_string(start)),
            ("expected_payment_date", "<", fields.Date.to_string(after)),
        ])
        rows = []
        for opp in opportunities:
            row = opp._crm_forecast_row()
            row["kind"] = forecast.cash_in_kind(row["state"], row["payment_date"], today)
            rows.append(row)
        totals = forecast.cash_in_by_month(rows, today, group="kind")
        result = []
        for month in buckets:
            opened, won = totals.get((month, "open"), 0.0), totals.get((month, "won"), 0.0)
            result.append({"month": fields.Date.to_string(month), "open": opened, "won": won,
                           "total": opened + won})
        return result
