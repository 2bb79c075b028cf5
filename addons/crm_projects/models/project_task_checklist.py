# -*- coding: utf-8 -*-
from odoo import api, fields, models


class ProjectTaskChecklist(models.Model):
    """A task's checklist and its progress ("3/5" on the Kanban card)."""
    _inherit = "project.task"

    crm_checklist_ids = fields.One2many("crm.task.checklist.item", "task_id",
                                        string="Checklist", copy=True)
    crm_checklist_done = fields.Integer(string="Items done", compute="_compute_crm_checklist",
                                        store=True)
    crm_checklist_count = fields.Integer(string="Checklist items",
                                         compute="_compute_crm_checklist", store=True)
    crm_checklist_progress = fields.Char(string="Checklist", compute="_compute_crm_checklist",
                                         store=True, help="Items done / items, e.g. 3/5.")

    @api.depends("crm_checklist_ids.done")
    def _compute_crm_checklist(self):
        for task in self:
            items = task.crm_checklist_ids
            task.crm_checklist_count = len(items)
            task.crm_checklist_done = len(items.filtered("done"))
            task.crm_checklist_progress = (
                "%d/%d" % (task.crm_checklist_done, task.crm_checklist_count) if items else False)
