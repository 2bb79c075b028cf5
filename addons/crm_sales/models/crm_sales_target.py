# -*- coding: utf-8 -*-
"""Monthly sales targets per salesperson, and what they stand at.

A target is an amount excluding VAT for one salesperson and one month (the
date is kept on the 1st of the month: any day typed in is moved there). The
list shows, next to each target, what was won that month, the weighted
pipeline expected to close that month and the achievement, computed in
Python by ``logic/forecast.py`` with the same definitions as the report
*Won vs target* (``crm.sales.target.report``, SQL).

Months are those of the salesperson's time zone: a deal won on the 31st at
11:30 pm in Paris counts in that month.
"""
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..logic import forecast


class CrmSalesTarget(models.Model):
    _name = "crm.sales.target"
    _description = "Monthly sales target"
    _order = "month desc, user_id"
    _rec_name = "user_id"

    user_id = fields.Many2one("res.users", string="Salesperson", required=True, index=True,
                              ondelete="cascade")
    month = fields.Date(
        required=True, index=True,
        default=lambda self: fields.Date.to_string(
            forecast.month_start(fields.Date.from_string(fields.Date.context_today(self)))),
        help="Any day of the month: it is kept as the 1st.")
    amount = fields.Monetary(string="Target", currency_field="currency_id", required=True,
                             help="Amount to win in the month, excluding VAT.")
    company_id = fields.Many2one("res.company", required=True, index=True,
                                 default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one("res.currency", related="company_id.currency_id",
                                  readonly=True)
    won_amount = fields.Monetary(
        string="Amount won", currency_field="currency_id", compute="_compute_progress",
        help="Budget of the opportunities of the salesperson won in the month.")
    weighted_amount = fields.Monetary(
        string="Weighted pipeline", currency_field="currency_id", compute="_compute_progress",
        help="Weighted amount of their open opportunities expected to close in the month.")
    achievement = fields.Float(
        string="Achievement (%)", compute="_compute_progress",
        help="Won / target.")

    _sql_constraints = [
        ("user_month_unique", "UNIQUE(user_id, month)",
         "A salesperson has one target per month."),
        ("amount_positive", "CHECK(amount >= 0)", "A target cannot be negative."),
    ]

    @api.constrains("month")
    def _check_month(self):
        for target in self:
            if fields.Date.from_string(target.month).day != 1:
                raise ValidationError(_("The month of a target is kept as its first day."))

    @api.model
    def _crm_first_of_month(self, vals):
        if vals.get("month"):
            vals = dict(vals, month=fields.Date.to_string(
                forecast.month_start(fields.Date.from_string(vals["month"]))))
        return vals

    @api.model
    def create(self, vals):
        return super(CrmSalesTarget, self).create(self._crm_first_of_month(vals))

    def write(self, vals):
        return super(CrmSalesTarget, self).write(self._crm_first_of_month(vals))

    @api.onchange("month")
    def _onchange_month(self):
        if self.month:
            self.month = fields.Date.to_string(
                forecast.month_start(fields.Date.from_string(self.month)))

    def _compute_progress(self):
        summary = self._crm_forecast_rows(self.mapped("user_id"), self.mapped("month"))
        won = forecast.won_by_month(summary, group="user_id")
        weighted = forecast.weighted_pipeline(summary, group="user_id")
        for target in self:
            key = ((fields.Date.from_string(target.month), target.user_id.id)
                   if target.month else None)
            target.won_amount = won.get(key, 0.0)
            target.weighted_amount = weighted.get(key, 0.0)
            target.achievement = forecast.achievement(target.won_amount, target.amount) or 0.0

    @api.model
    def _crm_forecast_rows(self, users, months):
        """Plain rows (see logic/forecast.py) of the opportunities of ``users``
        won or expected to close in ``months``, read as superuser (a target's
        progress counts every opportunity of the salesperson)."""
        months = [fields.Date.from_string(m) for m in months if m]
        if not users or not months:
            return []
        first = min(months)
        after = forecast.add_months(max(months), 1)
        # a day of margin for the time zones: the month is decided in Python
        margin = datetime.timedelta(days=1)
        opportunities = self.env["crm.opportunity"].sudo().search([
            ("user_id", "in", users.ids),
            "|",
            "&", "&", ("state", "=", "won"),
            ("date_closed", ">=", fields.Datetime.to_string(
                datetime.datetime.combine(first - margin, datetime.time.min))),
            ("date_closed", "<", fields.Datetime.to_string(
                datetime.datetime.combine(after + margin, datetime.time.min))),
            "&", "&", ("state", "=", "open"),
            ("expected_close_date", ">=", fields.Date.to_string(first)),
            ("expected_close_date", "<", fields.Date.to_string(after)),
        ])
        return [opp._crm_forecast_row() for opp in opportunities]
