# -*- coding: utf-8 -*-
from odoo import fields, models


class CrmTaskSlot(models.Model):
    """A piece of planned work: one person on one task from ``start`` to
    ``stop`` (UTC), as the planner placed it, with why it is there."""
    _name = "crm.task.slot"
    _description = "Planned work"
    _order = "start, id"

    task_id = fields.Many2one("project.task", required=True, ondelete="cascade", index=True)
    project_id = fields.Many2one(related="task_id.project_id", store=True, readonly=True,
                                 index=True)
    user_id = fields.Many2one("res.users", string="Person", required=True,
                              ondelete="cascade", index=True)
    start = fields.Datetime(required=True, index=True)
    stop = fields.Datetime(required=True)
    hours = fields.Float(required=True)
    explanation = fields.Char(help="Why the planner put this work here.")
    company_id = fields.Many2one(related="task_id.company_id", store=True, readonly=True)
