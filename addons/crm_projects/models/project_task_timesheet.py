# -*- coding: utf-8 -*-
"""A task's hours: sold (crm_sold_hours, from its quote line), planned
(planned_hours), spent (hr_timesheet's effective_hours, stored) and left,
both against the plan (hr_timesheet's remaining_hours) and against what was
sold; and the cost of its time for the managers."""
from odoo import api, fields, models


class ProjectTask(models.Model):
    _inherit = "project.task"

    crm_sold_hours_left = fields.Float(
        string="Sold hours left", compute="_compute_crm_sold_hours_left", store=True,
        help="Sold hours minus the hours spent (negative: more time spent than sold).")
    crm_cost_time = fields.Monetary(
        string="Cost of time", compute="_compute_crm_cost_time",
        currency_field="crm_currency_id", groups="crm_projects.group_projects_manager",
        help="The task's timesheet lines at each employee's hourly cost.")
    crm_currency_id = fields.Many2one(related="company_id.currency_id", readonly=True)

    @api.depends("crm_sold_hours", "effective_hours")
    def _compute_crm_sold_hours_left(self):
        for task in self:
            task.crm_sold_hours_left = task.crm_sold_hours - task.effective_hours

    def _compute_crm_cost_time(self):
        ids = [tid for tid in self.ids if isinstance(tid, int)]
        costs = {}
        if ids:
            costs = {row["task_id"][0]: -(row["amount"] or 0.0)
                     for row in self.env["account.analytic.line"].sudo().read_group(
                         [("task_id", "in", ids)], ["task_id", "amount"], ["task_id"],
                         orderby="amount")}
        for task in self:
            task.crm_cost_time = costs.get(task.id, 0.0)
