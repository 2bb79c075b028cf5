# -*- coding: utf-8 -*-
from odoo import api, fields, models


class CrmProjectPhaseDates(models.Model):
    """When a phase starts and ends (from its tasks' planned dates), and
    whether it is late: a task planned to end after the milestone day."""
    _inherit = "crm.project.phase"

    task_count = fields.Integer(string="Tasks", compute="_compute_crm_dates")
    date_start = fields.Datetime(string="Starts", compute="_compute_crm_dates",
                                 help="The earliest planned start of its tasks.")
    date_end = fields.Datetime(string="Ends", compute="_compute_crm_dates",
                               help="The latest planned end of its tasks.")
    is_late = fields.Boolean(string="Late", compute="_compute_crm_dates",
                             help="A task of the phase is planned to end after the milestone.")

    @api.depends("task_ids.crm_planned_start", "task_ids.crm_planned_end", "date_deadline")
    def _compute_crm_dates(self):
        for phase in self:
            tasks = phase.task_ids
            starts = [t.crm_planned_start for t in tasks if t.crm_planned_start]
            ends = [t.crm_planned_end for t in tasks if t.crm_planned_end]
            phase.task_count = len(tasks)
            phase.date_start = min(starts) if starts else False
            phase.date_end = max(ends) if ends else False
            phase.is_late = bool(phase.date_end and phase.date_deadline and (
                phase._crm_local_day(phase.date_end) > fields.Date.from_string(
                    phase.date_deadline)))

    def _crm_local_day(self, utc_datetime):
        """The day of a stored (UTC) datetime in the user's time zone."""
        return fields.Datetime.context_timestamp(
            self, fields.Datetime.from_string(utc_datetime)).date()
