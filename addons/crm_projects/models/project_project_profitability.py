# -*- coding: utf-8 -*-
"""The hours and the profitability of a project: what was sold, planned,
spent and is left, the cost of the time (the timesheet lines' stored cost),
the expenses and the margin.

Computed for all the projects shown at once by three read_group (tasks,
timesheet lines, expenses), never one search per project
(bench/bench_timesheets.py compares them with a bare SQL aggregate)."""
from odoo import fields, models

MANAGER = "crm_projects.group_projects_manager"


class ProjectProject(models.Model):
    _inherit = "project.project"

    # crm_sold_amount (what the customer signed for): project_project_quote.py
    crm_expense_ids = fields.One2many("crm.project.expense", "project_id", string="Expenses")
    crm_hours_sold = fields.Float(
        string="Sold hours", compute="_compute_crm_figures",
        help="Hours sold on the tasks' quote lines.")
    crm_hours_planned = fields.Float(
        string="Planned hours", compute="_compute_crm_figures")
    crm_hours_spent = fields.Float(
        string="Spent hours", compute="_compute_crm_figures",
        help="Hours logged on the project's timesheets.")
    crm_hours_remaining = fields.Float(
        string="Remaining hours", compute="_compute_crm_figures",
        help="Planned hours minus spent hours (negative: over the plan).")
    crm_cost_time = fields.Monetary(
        string="Cost of time", compute="_compute_crm_figures", currency_field="currency_id",
        groups=MANAGER, help="Each timesheet line's hours at its employee's hourly cost.")
    crm_cost_expenses = fields.Monetary(
        string="Expenses", compute="_compute_crm_figures", currency_field="currency_id",
        groups=MANAGER)
    crm_cost_total = fields.Monetary(
        string="Total cost", compute="_compute_crm_figures", currency_field="currency_id",
        groups=MANAGER)
    crm_margin = fields.Monetary(
        string="Margin", compute="_compute_crm_figures", currency_field="currency_id",
        groups=MANAGER, help="Sold amount minus the cost of time and the expenses.")
    crm_margin_percent = fields.Float(
        string="Margin (%)", compute="_compute_crm_figures", groups=MANAGER,
        help="The margin as a percentage of the sold amount.")

    def _compute_crm_figures(self):
        figures = self._crm_figures()
        for project in self:
            values = figures.get(project.id) or self._crm_empty_figures()
            for name, value in values.items():
                project[name] = value

    @staticmethod
    def _crm_empty_figures():
        return {"crm_hours_sold": 0.0, "crm_hours_planned": 0.0, "crm_hours_spent": 0.0,
                "crm_hours_remaining": 0.0, "crm_cost_time": 0.0, "crm_cost_expenses": 0.0,
                "crm_cost_total": 0.0, "crm_margin": 0.0, "crm_margin_percent": 0.0}

    def _crm_figures(self):
        """{project id: {field: value}} of the projects of ``self``, by three
        read_group. Everyone's time counts (sudo): a project user sees the
        project's hours, not the other people's lines."""
        ids = [pid for pid in self.ids if isinstance(pid, int)]
        if not ids:
            return {}
        sudo_env = self.sudo().env
        # orderby an aggregate: grouped by project_id, read_group otherwise
        # sorts by the project's _order, joining the projects and their
        # analytic accounts, 3x slower on 100,000 lines (bench/bench_timesheets.py)
        tasks = {row["project_id"][0]: row for row in sudo_env["project.task"].read_group(
            [("project_id", "in", ids)], ["project_id", "crm_sold_hours", "planned_hours"],
            ["project_id"], orderby="planned_hours")}
        lines = {row["project_id"][0]: row for row in sudo_env["account.analytic.line"].read_group(
            [("project_id", "in", ids)], ["project_id", "unit_amount", "amount"], ["project_id"],
            orderby="amount")}
        expenses = {row["project_id"][0]: row for row in sudo_env["crm.project.expense"].read_group(
            [("project_id", "in", ids)], ["project_id", "amount"], ["project_id"],
            orderby="amount")}
        sold_amounts = {row["id"]: row["crm_sold_amount"]
                        for row in self.sudo().browse(ids).read(["crm_sold_amount"])}
        result = {}
        for pid in ids:
            task, line, expense = tasks.get(pid, {}), lines.get(pid, {}), expenses.get(pid, {})
            planned = task.get("planned_hours") or 0.0
            spent = line.get("unit_amount") or 0.0
            cost_time = -(line.get("amount") or 0.0)
            cost_expenses = expense.get("amount") or 0.0
            sold = sold_amounts.get(pid) or 0.0
            margin = sold - cost_time - cost_expenses
            result[pid] = {
                "crm_hours_sold": task.get("crm_sold_hours") or 0.0,
                "crm_hours_planned": planned,
                "crm_hours_spent": spent,
                "crm_hours_remaining": planned - spent,
                "crm_cost_time": cost_time,
                "crm_cost_expenses": cost_expenses,
                "crm_cost_total": cost_time + cost_expenses,
                "crm_margin": margin,
                "crm_margin_percent": round(100.0 * margin / sold, 2) if sold else 0.0,
            }
        return result

    def action_crm_timesheets(self):
        """The project's timesheet lines (everyone's for a manager)."""
        self.ensure_one()
        action = self.env.ref("crm_projects.crm_timesheet_action_all").read()[0]
        action.update(domain=[("project_id", "=", self.id)],
                      context={"default_project_id": self.id,
                               "search_default_groupby_task": 1})
        return action

    def action_crm_expenses(self):
        self.ensure_one()
        action = self.env.ref("crm_projects.crm_project_expense_action").read()[0]
        action.update(domain=[("project_id", "=", self.id)],
                      context={"default_project_id": self.id})
        return action
