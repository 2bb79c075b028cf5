# -*- coding: utf-8 -*-
from odoo import api, fields, models


class CalendarEvent(models.Model):
    """The planned work of crm_projects in each person's agenda: every
    crm.task.slot has one event (name "Project — Task", the person as
    organizer and attendee, shown as busy), made and replaced by the planner
    (project_project_planning.py). These events are planned work, not
    meetings: crm_base's meeting hours and the planner's busy time leave them
    out (``_crm_meeting_domain``)."""
    _inherit = "calendar.event"

    crm_task_slot_id = fields.Many2one(
        "crm.task.slot", string="Planned work", ondelete="cascade", index=True, copy=False,
        readonly=True)
    crm_task_id = fields.Many2one(
        "project.task", string="Planned task", ondelete="cascade", index=True, copy=False,
        readonly=True)

    @api.model
    def _crm_meeting_domain(self):
        return super(CalendarEvent, self)._crm_meeting_domain() + [
            ("crm_task_slot_id", "=", False)]
