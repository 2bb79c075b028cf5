# -*- coding: utf-8 -*-
from odoo import models


class ProjectProjectGantt(models.Model):
    """The "Gantt" button of the project form."""
    _inherit = "project.project"

    def action_crm_gantt(self):
        """The project's tasks in the Gantt (timeline) view."""
        self.ensure_one()
        action = self.env.ref("crm_projects.project_task_gantt_action").read()[0]
        action["context"] = {
            "search_default_project_id": [self.id],
            "default_project_id": self.id,
        }
        action["display_name"] = action["name"] = self.name
        return action
