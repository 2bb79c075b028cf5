# -*- coding: utf-8 -*-
from odoo import fields, models


class CrmTaskChecklistItem(models.Model):
    """One line of a task's checklist: something to do, ticked when done."""
    _name = "crm.task.checklist.item"
    _description = "Checklist item"
    _order = "task_id, sequence, id"

    task_id = fields.Many2one("project.task", required=True, ondelete="cascade", index=True)
    name = fields.Char(string="To do", required=True)
    done = fields.Boolean()
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(related="task_id.company_id", store=True, readonly=True)

    def action_toggle_done(self):
        """Tick or untick the item (the button in the task form's checklist)."""
        for item in self:
            item.done = not item.done
        return True
