# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ProjectTaskGantt(models.Model):
    """What the Gantt (OCA web_timeline) needs: the tasks a task waits for,
    for its arrows, and the move of a task by hand."""
    _inherit = "project.task"

    crm_depends_on_task_ids = fields.Many2many(
        "project.task", string="Waits for", compute="_compute_crm_depends_on_task_ids",
        help="The tasks this one starts after (the arrows of the Gantt).")

    @api.depends("crm_dependency_ids.depends_on_id")
    def _compute_crm_depends_on_task_ids(self):
        # one query for all the tasks the timeline loads (thousands): not
        # one read of crm_dependency_ids per task (bench/bench_gantt.py)
        waits_for = {}
        ids = [task_id for task_id in self.ids if isinstance(task_id, int)]
        if ids:
            self.env.cr.execute(
                "SELECT task_id, depends_on_id FROM crm_task_dependency WHERE task_id IN %s",
                (tuple(ids),))
            for task_id, depends_on_id in self.env.cr.fetchall():
                waits_for.setdefault(task_id, []).append(depends_on_id)
        for task in self:
            if isinstance(task.id, int):
                task.crm_depends_on_task_ids = [(6, 0, waits_for.get(task.id, []))]
            else:
                task.crm_depends_on_task_ids = task.crm_dependency_ids.mapped("depends_on_id")

    def crm_gantt_move(self, vals):
        """A task dragged in the Gantt: its new planned dates (and group:
        project or first assignee). The planner starts it no earlier than
        where it was dropped; with automatic planning its project is
        re-planned, which moves the tasks that wait for it."""
        # only the dates and the group of the row it was dropped on: a group-by
        # on another field (a tag, a date) does not change the task
        allowed = ("crm_planned_start", "crm_planned_end", "project_id", "user_id", "stage_id")
        vals = dict((name, value) for name, value in vals.items() if name in allowed)
        if not vals.get("crm_planned_start"):
            raise UserError(_("A task moved in the Gantt needs its new start."))
        vals["crm_not_before"] = vals["crm_planned_start"]
        # dropped outside any group ("-"): keep the task's
        for name in ("project_id", "user_id", "stage_id"):
            if name in vals and not vals[name]:
                del vals[name]
        for task in self:
            task_vals = dict(vals)
            if vals.get("user_id") and task.user_id and task.user_id.id != vals["user_id"]:
                # dropped on another person's row: they take the first one's place
                task_vals["crm_user_ids"] = [(3, task.user_id.id), (4, vals["user_id"])]
            task.write(task_vals)
        self._crm_after_manual_move()
        return True

    def _crm_after_manual_move(self):
        """Re-plan the projects planned automatically of the tasks moved by
        hand (project.project._crm_plan: planning on real calendars)."""
        projects = self.mapped("project_id").filtered("crm_planning_auto")
        if projects:
            projects._crm_plan()
