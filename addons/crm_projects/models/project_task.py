# -*- coding: utf-8 -*-
from odoo import api, fields, models


class ProjectTask(models.Model):
    """A task of the suite: sold hours from its quote line, assignees,
    dependencies, a phase, and the dates the planner gives it. The features
    extend it in ``project_task_<feature>.py``; the one create()/write()
    override of crm_projects on project.task belongs here."""
    _inherit = "project.task"

    crm_quote_line_id = fields.Many2one(
        "crm.quote.line", string="Quote line", ondelete="set null", index=True, copy=False)
    crm_phase_id = fields.Many2one(
        "crm.project.phase", string="Phase", ondelete="set null", index=True,
        domain="[('project_id', '=', project_id)]")
    crm_user_ids = fields.Many2many(
        "res.users", "crm_project_task_user_rel", "task_id", "user_id", string="Assignees",
        help="Everyone who works on the task; the planned hours are shared between them.")
    crm_sold_hours = fields.Float(
        string="Sold hours", copy=False,
        help="Hours sold on the quote line, in the company calendar's hours.")
    crm_dependency_ids = fields.One2many(
        "crm.task.dependency", "task_id", string="Depends on")
    crm_successor_ids = fields.One2many(
        "crm.task.dependency", "depends_on_id", string="Needed by")
    crm_not_before = fields.Datetime(
        string="Not before", copy=False,
        help="The planner starts this task no earlier (set when a task is moved by hand).")
    crm_planned_start = fields.Datetime(string="Planned start", copy=False, index=True)
    crm_planned_end = fields.Datetime(string="Planned end", copy=False, index=True)
    crm_slot_ids = fields.One2many("crm.task.slot", "task_id", string="Planned work")

    @api.model
    def create(self, vals):
        task = super(ProjectTask, self).create(vals)
        task._crm_sync_assignees(vals)
        return task

    def write(self, vals):
        result = super(ProjectTask, self).write(vals)
        if "user_id" in vals or "crm_user_ids" in vals:
            self._crm_sync_assignees(vals)
        return result
