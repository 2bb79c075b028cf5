# -*- coding: utf-8 -*-
"""How far a project is, as its customer and the 360° record show it: the
share of its planned hours that is done, the hours planned and spent
(hr_timesheet's planned_hours and effective_hours of its tasks), and the next
milestone (the earliest phase deadline whose tasks are not all done).

A task in a folded stage (done, cancelled) counts as done: all its planned
hours; any other task counts its hours spent, up to its planned hours."""
from odoo import fields, models


class ProjectProject(models.Model):
    _inherit = "project.project"

    crm_progress = fields.Float(
        string="Progress (%)", compute="_compute_crm_progress",
        help="Share of the planned hours that is done: all the hours of the done "
             "tasks, the hours spent (up to the planned hours) on the others.")
    crm_progress_planned_hours = fields.Float(
        string="Planned hours", compute="_compute_crm_progress")
    crm_progress_spent_hours = fields.Float(
        string="Hours spent", compute="_compute_crm_progress")
    crm_next_phase_id = fields.Many2one(
        "crm.project.phase", string="Next milestone", compute="_compute_crm_progress")
    crm_next_milestone_date = fields.Date(
        string="Next milestone on", compute="_compute_crm_progress")

    def _compute_crm_progress(self):
        ids = [project_id for project_id in self.ids if isinstance(project_id, int)]
        figures = {project_id: {"planned": 0.0, "spent": 0.0, "done": 0.0} for project_id in ids}
        open_phases = set()
        if ids:
            # whoever may read the project may read how far it is: one query
            tasks = self.env["project.task"].sudo().search_read(
                [("project_id", "in", ids)],
                ["project_id", "planned_hours", "effective_hours", "stage_id", "crm_phase_id"])
            stages = self.env["project.task.type"].sudo().browse(
                {task["stage_id"][0] for task in tasks if task["stage_id"]})
            folded = set(stages.filtered("fold").ids)
            for task in tasks:
                figure = figures[task["project_id"][0]]
                planned, spent = task["planned_hours"] or 0.0, task["effective_hours"] or 0.0
                is_done = bool(task["stage_id"]) and task["stage_id"][0] in folded
                figure["planned"] += planned
                figure["spent"] += spent
                figure["done"] += planned if is_done else min(spent, planned)
                if not is_done and task["crm_phase_id"]:
                    open_phases.add(task["crm_phase_id"][0])
        Phase = self.env["crm.project.phase"]
        next_phases = {}
        if open_phases:
            for phase in Phase.sudo().search(
                    [("id", "in", list(open_phases)), ("date_deadline", "!=", False)],
                    order="date_deadline, sequence, id"):
                next_phases.setdefault(phase.project_id.id, phase)
        for project in self:
            figure = figures.get(project.id, {"planned": 0.0, "spent": 0.0, "done": 0.0})
            phase = next_phases.get(project.id, Phase)
            project.crm_progress_planned_hours = figure["planned"]
            project.crm_progress_spent_hours = figure["spent"]
            project.crm_progress = round(100.0 * figure["done"] / figure["planned"], 1) \
                if figure["planned"] else 0.0
            project.crm_next_phase_id = phase.id
            project.crm_next_milestone_date = phase.date_deadline
