# -*- coding: utf-8 -*-
"""Report "Time in meetings": hours per user and day, to pivot by week.

The figures come from calendar.event._crm_meeting_hours (overlaps counted
once, recurring meetings expanded, all-day meetings as a fixed number of
hours), which a SQL view could not compute; the lines are therefore stored
and refreshed for a window of days each time the report is opened.
"""
import datetime

from odoo import api, fields, models

from ..logic import meeting_time

REPORT_PAST_DAYS = 91
REPORT_FUTURE_DAYS = 28


class CrmMeetingTime(models.Model):
    _name = "crm.meeting.time"
    _description = "Time in meetings"
    _order = "date desc, user_id"
    _rec_name = "user_id"

    user_id = fields.Many2one("res.users", required=True, readonly=True,
                              index=True, ondelete="cascade")
    date = fields.Date(required=True, readonly=True, index=True)
    week = fields.Char(readonly=True, help="ISO week, e.g. 2026-W09.")
    hours = fields.Float(string="Hours in meetings", readonly=True, group_operator="sum")

    _sql_constraints = [
        ("user_date_uniq", "unique (user_id, date)", "One line per user and day."),
    ]

    @api.model
    def _crm_refresh(self, date_from, date_to, users=None):
        """Recompute the lines of ``users`` (default: all internal users) between two dates."""
        if users is None:
            users = self.env["res.users"].sudo().search([("share", "=", False)])
        hours = self.env["calendar.event"]._crm_meeting_hours(users, date_from, date_to)
        lines = self.sudo()
        lines.search([("user_id", "in", users.ids),
                      ("date", ">=", fields.Date.to_string(date_from)),
                      ("date", "<=", fields.Date.to_string(date_to))]).unlink()
        for user_id, days in hours.items():
            for day, value in days.items():
                lines.create({"user_id": user_id, "date": day, "hours": value,
                              "week": meeting_time.iso_week(fields.Date.from_string(day))})
        return True

    @api.model
    def action_crm_open_report(self):
        """Menu entry: refresh the last 3 months and the next 4 weeks, then open the pivot."""
        today = fields.Date.from_string(fields.Date.context_today(self))
        self._crm_refresh(today - datetime.timedelta(days=REPORT_PAST_DAYS),
                          today + datetime.timedelta(days=REPORT_FUTURE_DAYS))
        return self.env.ref("crm_base.crm_meeting_time_action").read()[0]
