# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class AccountAnalyticLine(models.Model):
    """Time spent on a ticket: a timesheet line of the ticket's project."""
    _inherit = "account.analytic.line"

    ticket_id = fields.Many2one(
        "crm.ticket", index=True, ondelete="set null", copy=False,
        groups="crm_helpdesk.group_helpdesk_user",
        help="The support ticket this time was spent on.")

    @api.constrains("ticket_id", "project_id")
    def _check_crm_ticket_project(self):
        for line in self.sudo().filtered("ticket_id"):
            if not line.ticket_id.project_id:
                raise ValidationError(_(
                    "Link the ticket %s to a project before logging time on it.")
                    % line.ticket_id.display_name)
            if line.project_id != line.ticket_id.project_id:
                raise ValidationError(_(
                    "The time spent on the ticket %(ticket)s goes on its project, %(project)s.")
                    % {"ticket": line.ticket_id.display_name,
                       "project": line.ticket_id.project_id.display_name})
