# -*- coding: utf-8 -*-
from odoo import fields, models


class ProjectProject(models.Model):
    """A project of the suite: made from a signed quote (or a won opportunity),
    planned automatically or by hand. The features extend it in
    ``project_project_<feature>.py``; the one create()/write() override of
    crm_projects on project.project belongs here."""
    _inherit = "project.project"

    crm_quote_id = fields.Many2one(
        "crm.quote", string="Quote", ondelete="set null", index=True, copy=False,
        help="The signed quote this project delivers.")
    crm_opportunity_id = fields.Many2one(
        "crm.opportunity", string="Opportunity", ondelete="set null", index=True, copy=False)
    crm_phase_ids = fields.One2many("crm.project.phase", "project_id", string="Phases")
    crm_planning_auto = fields.Boolean(
        string="Automatic planning", default=True,
        help="Tasks are placed in their assignees' free time by the planner; "
             "moving a task moves the tasks that depend on it.")
    crm_date_start = fields.Date(
        string="Start planning on",
        help="The planner places no work before this day (empty: today).")

    _sql_constraints = [
        ("crm_quote_unique", "UNIQUE(crm_quote_id)",
         "This quote already has a project."),
    ]
