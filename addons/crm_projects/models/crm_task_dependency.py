# -*- coding: utf-8 -*-
from odoo import fields, models


class CrmTaskDependency(models.Model):
    """Finish-to-start: ``task_id`` starts after ``depends_on_id`` ends, plus
    ``lag_days`` working days of the task's assignee."""
    _name = "crm.task.dependency"
    _description = "Task dependency"
    _order = "task_id, id"

    task_id = fields.Many2one("project.task", required=True,
                              ondelete="cascade", index=True)
    depends_on_id = fields.Many2one("project.task", string="Depends on", required=True,
                                    ondelete="cascade", index=True)
    lag_days = fields.Float(string="Lag (working days)", default=0.0,
                            help="Working days to wait after the other task ends.")
    company_id = fields.Many2one(related="task_id.company_id", store=True, readonly=True)

    _sql_constraints = [
        ("crm_dependency_unique", "UNIQUE(task_id, depends_on_id)",
         "This task already depends on that one."),
        ("crm_dependency_not_self", "CHECK(task_id != depends_on_id)",
         "A task cannot depend on itself."),
        ("crm_dependency_lag", "CHECK(lag_days >= 0)", "The lag cannot be negative."),
    ]
