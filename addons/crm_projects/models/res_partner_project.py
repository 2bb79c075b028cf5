# -*- coding: utf-8 -*-
"""A customer's projects on its 360° record: the count on the smart button
(the timeline source of project_project_360.py) and the list with their
progress (project_project_progress.py), of the company and its contacts."""
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    crm_project_count = fields.Integer(
        string="Projects", compute="_compute_crm_timeline_counts")
    crm_project_ids = fields.Many2many(
        "project.project", string="Projects", compute="_compute_crm_project_ids",
        help="The projects of this customer and of its contacts.")

    def _compute_crm_project_ids(self):
        Project = self.env["project.project"]
        for partner in self:
            if not isinstance(partner.id, int) or not Project.check_access_rights(
                    "read", raise_exception=False):
                partner.crm_project_ids = Project
                continue
            partner.crm_project_ids = Project.search(
                [("partner_id", "in", partner._crm_timeline_partners().ids)])
