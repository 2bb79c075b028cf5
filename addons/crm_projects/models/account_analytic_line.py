# -*- coding: utf-8 -*-
"""Timesheet lines of crm_projects: hr_timesheet's account.analytic.line
with a project (and a task). Their ``amount`` is the cost of the time,
negative as Odoo's analytic costs: hours × the employee's hourly cost of the
day it was logged (or changed). The only create()/write() override of
account.analytic.line in crm_projects is here."""
from odoo import api, fields, models


class AccountAnalyticLine(models.Model):
    _inherit = "account.analytic.line"

    # hr_timesheet does not index it; every figure of a project filters on it
    # (bench/bench_timesheets.py)
    project_id = fields.Many2one(index=True)
    crm_event_id = fields.Many2one(
        "calendar.event", string="Meeting", ondelete="set null", index=True, copy=False,
        help="The meeting of the agenda this time was logged from.")

    @api.model
    def create(self, vals):
        if vals.get("project_id") and "amount" not in vals:
            # the cost goes in with the line: a second write() would recompute
            # the task's hours again (bench/bench_timesheets.py, entry)
            vals = dict(vals, amount=self._crm_time_cost(vals))
        return super(AccountAnalyticLine, self).create(vals)

    def write(self, vals):
        result = super(AccountAnalyticLine, self).write(vals)
        if {"unit_amount", "employee_id", "project_id"} & set(vals) and "amount" not in vals:
            self.filtered("project_id")._crm_set_time_cost()
        return result

    @api.model
    def _crm_time_cost(self, vals):
        """The cost of a new line's time from its values: the employee given,
        else the user's (as hr_timesheet's create() finds it)."""
        Employee = self.env["hr.employee"].sudo()
        if vals.get("employee_id"):
            employee = Employee.browse(vals["employee_id"])
        else:
            user_id = vals.get("user_id") or self._default_user()
            employee = Employee.search([("user_id", "=", user_id)], limit=1)
        project = self.env["project.project"].sudo().browse(vals["project_id"])
        currency = project.company_id.currency_id or self.env.user.company_id.currency_id
        return currency.round(-(vals.get("unit_amount") or 0.0) * (employee.timesheet_cost or 0.0))

    def _crm_set_time_cost(self):
        """amount = -hours × hourly cost of the line's employee, in the
        currency of the line's company (rounded to its cents)."""
        for line in self.sudo():
            cost = line.employee_id.timesheet_cost or 0.0
            currency = line.company_id.currency_id or line.env.user.company_id.currency_id
            amount = currency.round(-line.unit_amount * cost)
            if line.amount != amount:
                line.write({"amount": amount})
        return True
