# -*- coding: utf-8 -*-
"""The business hours of a team, as the SLA clock counts them."""
from datetime import timedelta

import pytz

from odoo import _, api, fields, models
from odoo.addons.crm_base.logic import public_holidays, work_time

from ..logic import sla_clock

DEFAULT_TZ = "Europe/Paris"


def _tz_selection(_self):
    return [(name, name) for name in sorted(pytz.all_timezones)]


def utc_minute(value):
    """Odoo's datetime text (UTC) as a work_time minute; None when empty."""
    moment = work_time.as_datetime(value) if value else None
    return work_time.to_minute(moment) if moment else None


def utc_text(minute):
    """A work_time minute as Odoo's datetime text; False for None."""
    if minute is None:
        return False
    return fields.Datetime.to_string(work_time.to_datetime(minute))


class CrmHelpdeskTeam(models.Model):
    _inherit = "crm.helpdesk.team"

    sla_tz = fields.Selection(
        _tz_selection, string="Time zone of the working hours", required=True,
        default=lambda self: self.env.user.tz or DEFAULT_TZ,
        help="The working hours of the calendar are read in this time zone (Odoo 11's "
             "calendars have none): 9:00 in Paris stays 9:00 in summer and winter.")
    sla_holidays_text = fields.Text(
        string="Public holidays skipped", compute="_compute_sla_holidays_text",
        help="The public holidays of the team's region in the next twelve months: the SLA "
             "clock does not count them.")

    @api.depends("holidays_region")
    def _compute_sla_holidays_text(self):
        today = fields.Date.from_string(fields.Date.context_today(self))
        last = today + timedelta(days=365)
        lang = self.env.context.get("lang") or self.env.user.lang or ""
        names = public_holidays.NAMES_FR if lang.startswith("fr") else public_holidays.NAMES_EN
        for team in self:
            days = sla_clock.holiday_days(team.holidays_region or "none", today, last)
            if not days:
                team.sla_holidays_text = _("None: the clock counts public holidays as "
                                           "working days.")
                continue
            team.sla_holidays_text = "\n".join(
                "%s  %s" % (day.strftime("%d/%m/%Y"), names.get(code, code))
                for day, code in days)

    def _crm_sla_clock(self, since=None):
        """The business clock of the team: its calendar's weekly hours in its
        time zone, minus the calendar's global closures and its region's public
        holidays. ``since``: the earliest minute it will be asked about."""
        self.ensure_one()
        calendar = self.resource_calendar_id.sudo()
        attendances = [(int(att.dayofweek), att.hour_from, att.hour_to)
                       for att in calendar.attendance_ids
                       if not att.date_from and not att.date_to]
        closures = [(utc_minute(leave.date_from), utc_minute(leave.date_to))
                    for leave in calendar.leave_ids if not leave.resource_id]
        if since is None:
            since = work_time.to_minute(fields.Datetime.from_string(fields.Datetime.now()))
        return sla_clock.BusinessClock(self.sla_tz or DEFAULT_TZ, attendances, closures,
                                       region=self.holidays_region or "none", since=since)
