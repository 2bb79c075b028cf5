# -*- coding: utf-8 -*-
"""Logging the time of a meeting of the agenda on a task: "Log the time"
creates, for each attendee who is an employee (the organiser included, a
declined attendee not), a timesheet line of the meeting's duration on the
task, once per person and meeting day."""
from odoo import _, fields, models
from odoo.exceptions import UserError
from odoo.addons.calendar.models.calendar import calendar_id2real_id


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    crm_task_id = fields.Many2one(
        "project.task", string="Task", ondelete="set null", index=True,
        help="The project task this meeting is work on: its time can be logged on it.")
    crm_timesheet_ids = fields.One2many(
        "account.analytic.line", "crm_event_id", string="Time logged")

    def action_crm_log_time(self):
        """One timesheet line per employee attendee not logged yet; the
        lines created (a notification when there was nothing to log)."""
        lines = self.env["account.analytic.line"]
        for event in self:
            lines |= event._crm_log_time()
        if not lines:
            raise UserError(_("The time of this meeting is already logged for every "
                              "attendee who is an employee."))
        return True

    def _crm_log_time(self):
        self.ensure_one()
        real = self.browse(calendar_id2real_id(self.id))
        task = real.crm_task_id
        if not task:
            raise UserError(_("Link the meeting «%s» to a task before logging its time.")
                            % real.name)
        if not task.project_id:
            raise UserError(_("The task «%s» has no project: its time cannot be logged.")
                            % task.name)
        hours = real.duration if not real.allday else \
            self.env["calendar.event"]._crm_allday_hours()
        if not hours or hours <= 0:
            raise UserError(_("The meeting «%s» has no duration to log.") % real.name)
        start = fields.Datetime.from_string(self.start if self.start else real.start)
        day = fields.Date.context_today(self, timestamp=start)
        declined = real.attendee_ids.filtered(lambda a: a.state == "declined").mapped(
            "partner_id")
        partners = (real.partner_ids - declined) | real.user_id.partner_id
        users = self.env["res.users"].sudo().search([("partner_id", "in", partners.ids)])
        employees = self.env["hr.employee"].sudo().search([("user_id", "in", users.ids)])
        Line = self.env["account.analytic.line"].sudo()
        done = Line.search([("crm_event_id", "=", real.id), ("date", "=", day)]).mapped(
            "employee_id")
        lines = Line.browse()
        for employee in employees - done:
            lines |= Line.create({
                "name": real.name, "date": day, "unit_amount": hours,
                "project_id": task.project_id.id, "task_id": task.id,
                "employee_id": employee.id, "user_id": employee.user_id.id,
                "crm_event_id": real.id,
            })
        return lines
