# -*- coding: utf-8 -*-
"""The "Create project" button of a signed quote and its "Project" smart
button; the project is made by project.project._crm_create_from_quote
(project_project_quote.py)."""
from odoo import _, fields, models
from odoo.exceptions import UserError


class CrmQuote(models.Model):
    _inherit = "crm.quote"

    crm_project_id = fields.Many2one(
        "project.project", string="Project", compute="_compute_crm_project_id",
        help="The project that delivers this quote.")

    def _compute_crm_project_id(self):
        Project = self.env["project.project"]
        projects = {}
        if self.ids:
            for project in Project.search([("crm_quote_id", "in", self.ids)]):
                projects[project.crm_quote_id.id] = project
        for quote in self:
            quote.crm_project_id = projects.get(quote.id, Project)

    def action_crm_create_project(self):
        """Create the project of this signed quote, or open the one already
        made. The context key ``crm_project_assignees`` (optional) gives the
        assignees: a list of user ids for every task, or {quote line id:
        [user ids]} (a button's method takes no argument: the web client
        passes its context as the first one)."""
        self.ensure_one()
        assignees = self.env.context.get("crm_project_assignees")
        Project = self.env["project.project"]
        project = Project._crm_existing_for([("crm_quote_id", "=", self.id)])
        if not project:
            if self.state != "signed":
                raise UserError(_("The quote %s is not signed: a project is made from a "
                                  "signed quote.") % self.display_name)
            project = Project._crm_create_from_quote(self, assignees=assignees)
        return project.with_env(self.env)._crm_open_action()

    def action_crm_view_project(self):
        self.ensure_one()
        if not self.crm_project_id:
            raise UserError(_("The quote %s has no project yet.") % self.display_name)
        return self.crm_project_id._crm_open_action()
