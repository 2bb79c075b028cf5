# -*- coding: utf-8 -*-
from odoo import fields, models


class ProjectTask(models.Model):
    """What the automatic planner says of a task it could not plan in time:
    the deadline it misses and why, or why it could not be planned at all
    (written by project.project._crm_plan, project_project_planning.py)."""
    _inherit = "project.task"

    crm_planning_issue = fields.Text(
        string="Planning issue", copy=False, readonly=True,
        help="Set by the automatic planning: the deadline this task misses, or why it could "
             "not be planned.")
