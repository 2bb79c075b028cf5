# -*- coding: utf-8 -*-
from odoo import fields, models


class HrEmployee(models.Model):
    """The hourly cost of an employee's time, which each timesheet line
    stores (negative, as Odoo's analytic costs) when it is logged.

    Odoo 11 defines ``timesheet_cost`` in sale_timesheet only (hr_timesheet
    has it from Odoo 12 on): the same name and type here, so that both addons
    can be installed together and porting keeps the field."""
    _inherit = "hr.employee"

    currency_id = fields.Many2one(
        "res.currency", related="company_id.currency_id", readonly=True)
    timesheet_cost = fields.Monetary(
        string="Hourly cost", currency_field="currency_id", default=0.0,
        groups="hr.group_hr_user",
        help="What an hour of this person costs the company (salary and charges). A "
             "timesheet line keeps the cost of the day it was logged.")
