# -*- coding: utf-8 -*-
from odoo import fields, models, tools

KINDS = [("sold", "Sold"), ("time", "Time"), ("expense", "Expense")]


class CrmProjectProfitabilityReport(models.Model):
    """The profitability of the projects as rows a pivot or a graph sums:
    one row per project for what was sold, one per timesheet line (hours and
    cost of time), one per expense. Margin = sold - costs, summed per project,
    customer, month, employee..."""
    _name = "crm.project.profitability.report"
    _description = "Project profitability"
    _auto = False
    _order = "date desc"

    project_id = fields.Many2one("project.project", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    employee_id = fields.Many2one("hr.employee", readonly=True)
    task_id = fields.Many2one("project.task", readonly=True)
    date = fields.Date(readonly=True)
    kind = fields.Selection(KINDS, readonly=True)
    hours = fields.Float(string="Hours spent", readonly=True)
    sold_amount = fields.Monetary(string="Sold excl. VAT", readonly=True)
    cost_time = fields.Monetary(string="Cost of time", readonly=True)
    cost_expenses = fields.Monetary(string="Expenses", readonly=True)
    margin = fields.Monetary(readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # no user data in this statement: a fixed view definition
        self.env.cr.execute("""
            CREATE VIEW crm_project_profitability_report AS (
                SELECT row_number() OVER (ORDER BY kind, ref) AS id, rows.*,
                       company.currency_id AS currency_id,
                       rows.sold_amount - rows.cost_time - rows.cost_expenses AS margin
                FROM (
                    SELECT 'sold'::varchar AS kind, p.id AS ref, p.id AS project_id,
                           aaa.partner_id, aaa.company_id, NULL::integer AS employee_id,
                           NULL::integer AS task_id,
                           COALESCE(p.crm_date_start, p.create_date::date) AS date,
                           0.0 AS hours, COALESCE(p.crm_sold_amount, 0.0) AS sold_amount,
                           0.0 AS cost_time, 0.0 AS cost_expenses
                    FROM project_project p
                    JOIN account_analytic_account aaa ON aaa.id = p.analytic_account_id
                    UNION ALL
                    SELECT 'time', l.id, l.project_id, aaa.partner_id, aaa.company_id,
                           l.employee_id, l.task_id, l.date, l.unit_amount, 0.0,
                           -l.amount, 0.0
                    FROM account_analytic_line l
                    JOIN project_project p ON p.id = l.project_id
                    JOIN account_analytic_account aaa ON aaa.id = p.analytic_account_id
                    UNION ALL
                    SELECT 'expense', e.id, e.project_id, aaa.partner_id, aaa.company_id,
                           NULL, e.task_id, e.date, 0.0, 0.0, 0.0, e.amount
                    FROM crm_project_expense e
                    JOIN project_project p ON p.id = e.project_id
                    JOIN account_analytic_account aaa ON aaa.id = p.analytic_account_id
                ) AS rows
                JOIN res_company company ON company.id = rows.company_id
            )""")
