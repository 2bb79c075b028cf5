# -*- coding: utf-8 -*-
from odoo import api, models


class ProjectTaskAssignees(models.Model):
    """Odoo's ``user_id`` ("Assigned to") stays the first of the assignees
    (``crm_user_ids``): Odoo's views, filters and mails keep working."""
    _inherit = "project.task"

    @api.onchange("crm_user_ids")
    def _onchange_crm_user_ids(self):
        if not self.crm_user_ids:
            self.user_id = False
        elif self.user_id not in self.crm_user_ids:
            self.user_id = self.crm_user_ids[0]

    @api.onchange("user_id")
    def _onchange_user_id_crm_assignees(self):
        if self.user_id and self.user_id not in self.crm_user_ids:
            self.crm_user_ids |= self.user_id

    @api.model
    def _crm_first_user_id(self, commands):
        """The first user an x2many ``commands`` list sets or adds, or None."""
        for command in commands or ():
            if command[0] == 6 and command[2]:
                return command[2][0]
            if command[0] == 4:
                return command[1]
        return None

    def _crm_sync_assignees(self, vals):
        """After create/write with ``vals``: the first assignee becomes
        ``user_id`` when the assignees were given without it; a ``user_id``
        given (or defaulted) joins the assignees. Writes only what differs."""
        set_user = "crm_user_ids" in vals and "user_id" not in vals
        first = self._crm_first_user_id(vals.get("crm_user_ids")) if set_user else None
        for task in self:
            if set_user:
                if not task.crm_user_ids:
                    if task.user_id:
                        task.user_id = False
                elif task.user_id not in task.crm_user_ids:
                    user_id = first if first in task.crm_user_ids.ids else task.crm_user_ids[0].id
                    task.user_id = user_id
            elif task.user_id and task.user_id not in task.crm_user_ids:
                task.crm_user_ids = [(4, task.user_id.id)]
