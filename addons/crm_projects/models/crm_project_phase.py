# -*- coding: utf-8 -*-
from odoo import fields, models


class CrmProjectPhase(models.Model):
    """A phase of a project: the tasks of one section of the quote, ending on
    a milestone (its deadline)."""
    _name = "crm.project.phase"
    _description = "Project phase"
    _order = "project_id, sequence, id"

    name = fields.Char(required=True, translate=False)
    sequence = fields.Integer(default=10)
    project_id = fields.Many2one("project.project", required=True, ondelete="cascade",
                                 index=True)
    company_id = fields.Many2one(related="project_id.company_id", store=True, readonly=True)
    task_ids = fields.One2many("project.task", "crm_phase_id", string="Tasks")
    date_deadline = fields.Date(string="Milestone", help="The day this phase must be done.")
