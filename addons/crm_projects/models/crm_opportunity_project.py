# -*- coding: utf-8 -*-
"""The "Create project" button of a won opportunity and its "Project" smart
button: the project of its signed quote or, without one, a project with one
task for the opportunity (project_project_quote.py makes both)."""
from odoo import _, fields, models
from odoo.exceptions import UserError


class CrmOpportunity(models.Model):
    _inherit = "crm.opportunity"

    crm_project_ids = fields.One2many(
        "project.project", "crm_opportunity_id", string="Projects")
    crm_project_count = fields.Integer(
        string="Projects", compute="_compute_crm_project_count")

    def _compute_crm_project_count(self):
        counts = {}
        if self.ids:
            groups = self.env["project.project"].read_group(
                [("crm_opportunity_id", "in", self.ids)], ["crm_opportunity_id"],
                ["crm_opportunity_id"])
            counts = {group["crm_opportunity_id"][0]: group["crm_opportunity_id_count"]
                      for group in groups}
        for opp in self:
            opp.crm_project_count = counts.get(opp.id, 0)

    def _crm_signed_quotes(self):
        self.ensure_one()
        return self.quote_ids.filtered(lambda quote: quote.state == "signed")

    def action_crm_create_project(self):
        """Create the project of this won opportunity (from its signed quote
        if it has one), or open the one already made. Assignees: the context
        key ``crm_project_assignees``, as for crm.quote's."""
        self.ensure_one()
        assignees = self.env.context.get("crm_project_assignees")
        Project = self.env["project.project"]
        quotes = self._crm_signed_quotes()
        project = Project._crm_existing_for(
            ["|", ("crm_opportunity_id", "=", self.id), ("crm_quote_id", "in", quotes.ids)])
        if not project:
            if self.state != "won":
                raise UserError(_("The opportunity «%s» is not won: a project is made from "
                                  "a won opportunity.") % self.display_name)
            if len(quotes) > 1:
                raise UserError(_("The opportunity «%s» has several signed quotes: create "
                                  "the project from the quote it delivers.")
                                % self.display_name)
            if quotes:
                project = Project._crm_create_from_quote(
                    quotes, opportunity=self, assignees=assignees)
            else:
                project = Project._crm_create_from_opportunity(self, assignees=assignees)
        return project.with_env(self.env)._crm_open_action()

    def action_crm_view_projects(self):
        self.ensure_one()
        action = self.env.ref("project.open_view_project_all").read()[0]
        action["domain"] = [("crm_opportunity_id", "=", self.id)]
        action["context"] = {"default_crm_opportunity_id": self.id,
                             "default_partner_id": self.partner_id.id}
        if len(self.crm_project_ids) == 1:
            action.update(views=[(False, "form")], view_mode="form",
                          res_id=self.crm_project_ids.id)
        return action
