# -*- coding: utf-8 -*-
from odoo import api, fields, models

PROJECT_USER = "crm_projects.group_projects_user"


class CrmTicket(models.Model):
    """A ticket linked to the customer's project (and task); the time spent
    on it is logged as timesheet lines of that project, so it counts in the
    project's hours and profitability (crm_projects' computations)."""
    _inherit = "crm.ticket"

    project_id = fields.Many2one(
        "project.project", index=True, ondelete="set null",
        track_visibility="onchange", groups=PROJECT_USER,
        domain="['|', ('partner_id', '=', False), ('partner_id', 'child_of', "
               "commercial_partner_id or partner_id)]",
        help="The customer's project the request is about: the time spent on the ticket "
             "is logged on it.")
    task_id = fields.Many2one(
        "project.task", index=True, ondelete="set null", groups=PROJECT_USER,
        domain="[('project_id', '=', project_id)]")
    timesheet_ids = fields.One2many(
        "account.analytic.line", "ticket_id", string="Timesheets", groups=PROJECT_USER)
    crm_hours_spent = fields.Float(
        string="Time spent", compute="_compute_crm_hours_spent",
        help="The hours logged on the ticket, by everyone.")

    def _compute_crm_hours_spent(self):
        ids = [tid for tid in self.ids if isinstance(tid, int)]
        hours = {}
        if ids:
            # everyone's time counts: a project user reads only their own lines
            rows = self.env["account.analytic.line"].sudo().read_group(
                [("ticket_id", "in", ids)], ["ticket_id", "unit_amount"], ["ticket_id"])
            hours = {row["ticket_id"][0]: row["unit_amount"] for row in rows}
        for ticket in self:
            ticket.crm_hours_spent = hours.get(ticket.id, 0.0)

    @api.onchange("project_id")
    def _onchange_project_id(self):
        if self.task_id and self.task_id.project_id != self.project_id:
            self.task_id = False
