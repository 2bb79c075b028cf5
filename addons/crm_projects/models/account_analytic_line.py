# -*- coding: utf-8 -*-
"""Timesheet lines of crm_projects: hr_timesheet's account.analytic.line
with a project (and a task). Their ``amount`` is the cost of the time,
negative as Odoo's analytic costs: hours × the employee's hourly cost of the
day it was logged (or changed). The only create()/write() override of
account.analytic.line in crm_projects is here."""
from odoo import api, fields, models


class AccountAnalyticLine(models.Model):
    _inherit = "account.analytic.line"

    crm_event_id = fields.Many2one(
        "calendar.event", string="Meeting", ondelete="set null", index=True, copy=False,
        help="The meeting of the agenda this time was logged from.")

    @api.model
    def create(self, vals):
        line = super(AccountAnalyticLine, self).create(vals)
        if line.project_id and "amount" not in vals:
            line._crm_set_time_cost()
        return line

    def write(self, vals):
        result = super(AccountAnalyticLine, self).write(vals)
        if ({"unit_amount", "employee_id", "project_id"} & set(vals)
                and "amount" not in vals):
            self.filtered("project_id")._crm_set_time_cost()
        return result

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
