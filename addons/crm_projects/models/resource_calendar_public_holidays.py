# -*- coding: utf-8 -*-
"""French public holidays as global leaves of working time calendars.

A global leave (resource.calendar.leaves without resource) is a day nobody on
that calendar works: Odoo's own computations and crm_projects' planner skip
it. ``calendars._crm_add_french_public_holidays(2027)`` adds the 11 French
public holidays of 2027 (13 with Alsace-Moselle's) once: a second run adds
nothing. The days are those of mainland France (Europe/Paris midnight to
midnight); crm_base/logic/public_holidays.py computes them.
"""
import datetime

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.crm_base.logic import public_holidays

HOLIDAYS_TZ = "Europe/Paris"


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    def _crm_add_french_public_holidays(self, year, alsace_moselle=False):
        """Create the French public holidays of ``year`` as global leaves of
        these calendars, except the days a calendar already has one of; return
        the leaves created."""
        try:
            year = int(year)
            days = public_holidays.french_public_holidays(year, alsace_moselle=alsace_moselle)
        except (TypeError, ValueError):
            raise UserError(_("The year %s is not valid for the French public holidays.") % year)
        if not 1900 <= year <= 2200:
            raise UserError(_("The year %s is not valid for the French public holidays.") % year)
        lang = self.env["crm.format.mixin"]._crm_reader_lang()
        names = public_holidays.NAMES_FR if lang.startswith("fr") else public_holidays.NAMES_EN
        tz = pytz.timezone(HOLIDAYS_TZ)

        def utc(day):
            moment = tz.localize(datetime.datetime.combine(day, datetime.time()))
            return fields.Datetime.to_string(moment.astimezone(pytz.utc).replace(tzinfo=None))

        Leave = self.env["resource.calendar.leaves"]
        created = Leave
        one_day = datetime.timedelta(days=1)
        for calendar in self:
            existing = Leave.search([
                ("calendar_id", "=", calendar.id), ("resource_id", "=", False),
                ("date_from", "<", utc(datetime.date(year + 1, 1, 1) + one_day)),
                ("date_to", ">", utc(datetime.date(year, 1, 1) - one_day))])
            for day, code in days:
                start, stop = utc(day), utc(day + one_day)
                if any(leave.date_from < stop and leave.date_to > start for leave in existing):
                    continue
                created |= Leave.create({
                    "name": names[code], "calendar_id": calendar.id, "resource_id": False,
                    "date_from": start, "date_to": stop, "tz": HOLIDAYS_TZ,
                })
        return created

    @api.model
    def _crm_french_calendars(self):
        """The working time calendars of the companies located in France."""
        companies = self.env["res.company"].sudo().search([("country_id.code", "=", "FR")])
        calendars = companies.mapped("resource_calendar_id")
        calendars |= self.sudo().search([("company_id", "in", companies.ids)])
        return calendars

    @api.model
    def _crm_cron_french_public_holidays(self):
        """At install and each year: this year's and next year's French public
        holidays on the calendars of French companies."""
        calendars = self._crm_french_calendars()
        year = fields.Date.from_string(fields.Date.context_today(self)).year
        for one_year in (year, year + 1):
            calendars._crm_add_french_public_holidays(one_year)
        return True

    def action_crm_public_holidays_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": _("Add the French public holidays"),
            "res_model": "crm.public.holidays.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_calendar_ids": [(6, 0, self.ids)]},
        }
