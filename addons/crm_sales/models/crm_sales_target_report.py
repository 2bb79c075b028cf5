# -*- coding: utf-8 -*-
"""Report *Won vs target vs weighted pipeline*: one row per salesperson,
company and month (SQL view).

* **Target**: the salesperson's target of the month (``crm.sales.target``);
* **Won**: the budget of their opportunities won in the month (by the date
  they were closed, in the salesperson's time zone);
* **Weighted pipeline**: the weighted amount of their open opportunities
  expected to close in the month;
* **Achievement**: won / target in percent (empty without a target).

The team is the salesperson's team: one they lead, else one they belong to
(as ``crm.sales.team._crm_default_team``). The same definitions, in Python,
are ``logic/forecast.py`` (used by the progress shown on the targets).
"""
from odoo import fields, models, tools


class CrmSalesTargetReport(models.Model):
    _name = "crm.sales.target.report"
    _description = "Won vs target vs weighted pipeline"
    _auto = False
    _order = "month desc, user_id"
    _rec_name = "user_id"

    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    team_id = fields.Many2one("crm.sales.team", string="Sales team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    month = fields.Date(readonly=True)
    target = fields.Monetary(currency_field="currency_id", readonly=True)
    won = fields.Monetary(string="Amount won", currency_field="currency_id", readonly=True)
    weighted = fields.Monetary(string="Weighted pipeline", currency_field="currency_id",
                               readonly=True)
    won_and_weighted = fields.Monetary(
        string="Won + weighted", currency_field="currency_id", readonly=True,
        help="What the month may reach: won so far plus the weighted pipeline.")
    achievement = fields.Float(string="Achievement (%)", readonly=True, group_operator="avg",
                               help="Won / target. Grouped rows show the average of the "
                                    "salespeople's achievements.")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW crm_sales_target_report AS (
                WITH targets AS (
                    SELECT t.user_id, t.company_id, t.month, SUM(t.amount) AS target
                      FROM crm_sales_target t
                     GROUP BY t.user_id, t.company_id, t.month
                ), won AS (
                    SELECT o.user_id, o.company_id,
                           date_trunc('month', (o.date_closed AT TIME ZONE 'UTC')
                                      AT TIME ZONE COALESCE(NULLIF(p.tz, ''), 'UTC'))::date
                               AS month,
                           SUM(o.expected_revenue) AS won
                      FROM crm_opportunity o
                      JOIN res_users u ON u.id = o.user_id
                      JOIN res_partner p ON p.id = u.partner_id
                     WHERE o.active AND o.state = 'won' AND o.date_closed IS NOT NULL
                     GROUP BY 1, 2, 3
                ), pipeline AS (
                    SELECT o.user_id, o.company_id,
                           date_trunc('month', o.expected_close_date)::date AS month,
                           SUM(o.weighted_revenue) AS weighted
                      FROM crm_opportunity o
                     WHERE o.active AND o.state = 'open' AND o.user_id IS NOT NULL
                       AND o.expected_close_date IS NOT NULL
                     GROUP BY 1, 2, 3
                ), keys AS (
                    SELECT user_id, company_id, month FROM targets
                    UNION SELECT user_id, company_id, month FROM won
                    UNION SELECT user_id, company_id, month FROM pipeline
                )
                SELECT row_number() OVER (ORDER BY k.month, k.user_id, k.company_id) AS id,
                       k.user_id, k.company_id, k.month,
                       c.currency_id,
                       team.id AS team_id,
                       COALESCE(t.target, 0) AS target,
                       COALESCE(w.won, 0) AS won,
                       COALESCE(p.weighted, 0) AS weighted,
                       COALESCE(w.won, 0) + COALESCE(p.weighted, 0) AS won_and_weighted,
                       CASE WHEN COALESCE(t.target, 0) > 0
                            THEN 100.0 * COALESCE(w.won, 0) / t.target END AS achievement
                  FROM keys k
                  JOIN res_company c ON c.id = k.company_id
                  LEFT JOIN targets t ON t.user_id = k.user_id AND t.company_id = k.company_id
                                     AND t.month = k.month
                  LEFT JOIN won w ON w.user_id = k.user_id AND w.company_id = k.company_id
                                 AND w.month = k.month
                  LEFT JOIN pipeline p ON p.user_id = k.user_id AND p.company_id = k.company_id
                                      AND p.month = k.month
                  LEFT JOIN LATERAL (
                      SELECT st.id FROM crm_sales_team st
                       WHERE st.active
                         AND (st.leader_id = k.user_id
                              OR EXISTS (SELECT 1 FROM crm_sales_team_member_rel r
                                          WHERE r.team_id = st.id AND r.user_id = k.user_id))
                       ORDER BY (st.leader_id = k.user_id) DESC NULLS LAST,
                                st.sequence, st.name, st.id
                       LIMIT 1
                  ) team ON TRUE
            )
        """)
