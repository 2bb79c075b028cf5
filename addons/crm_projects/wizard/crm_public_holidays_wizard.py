# -*- coding: utf-8 -*-
from odoo import _, fields, models
from odoo.exceptions import UserError


class CrmPublicHolidaysWizard(models.TransientModel):
    """"Add the French public holidays" of a year to working time calendars."""
    _name = "crm.public.holidays.wizard"
    _description = "Add the French public holidays"

    calendar_ids = fields.Many2many(
        "resource.calendar", string="Working times", required=True,
        default=lambda self: self.env["resource.calendar"].browse(
            self.env.context.get("active_ids") or []
            if self.env.context.get("active_model") == "resource.calendar" else []))
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.from_string(fields.Date.context_today(self)).year)
    alsace_moselle = fields.Boolean(
        string="Alsace-Moselle",
        help="Add Good Friday and 26 December, public holidays in Bas-Rhin, Haut-Rhin and "
             "Moselle.")

    def action_apply(self):
        self.ensure_one()
        if not self.calendar_ids:
            raise UserError(_("Choose the working times to add the public holidays to."))
        calendars = self.calendar_ids
        # a project manager sets up the days off the planner avoids, without
        # being an HR manager (who alone may create leaves in Odoo)
        if self.env.user.has_group("crm_projects.group_projects_manager"):
            calendars = calendars.sudo()
        calendars._crm_add_french_public_holidays(self.year, self.alsace_moselle)
        return {"type": "ir.actions.act_window_close"}
