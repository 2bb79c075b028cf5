# -*- coding: utf-8 -*-
"""Settings of the scheduled follow-ups (*Settings > General settings > CRM
Sales*), stored as system parameters (one value for the database)."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..logic import followups
from .crm_opportunity_followup import IDLE_DAYS_PARAM
from .crm_quote_followup import FOLLOWUP_DAYS_PARAM, FOLLOWUP_LIMIT_PARAM


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    crm_sales_idle_days = fields.Integer(
        string="Reminder after days without activity", default=followups.DEFAULT_IDLE_DAYS,
        help="An open opportunity with no planned activity and nothing done (message, "
             "stage change, meeting) for this many days gets a \"To Do\" for its owner.")
    crm_sales_followup_days = fields.Integer(
        string="Follow up sent quotes after (days)", default=followups.DEFAULT_FOLLOWUP_DAYS,
        help="A sent quote not signed gets a follow-up email this many days after it was "
             "sent, then again every this many days.")
    crm_sales_followup_limit = fields.Integer(
        string="Follow-ups per quote", default=followups.DEFAULT_FOLLOWUP_LIMIT,
        help="At most this many follow-up emails per quote; 0 sends none.")

    @api.model
    def get_values(self):
        values = super(ResConfigSettings, self).get_values()
        interval, limit = self.env["crm.quote"]._crm_followup_settings()
        values.update(
            crm_sales_idle_days=self.env["crm.opportunity"]._crm_idle_days(),
            crm_sales_followup_days=interval,
            crm_sales_followup_limit=limit,
        )
        return values

    def set_values(self):
        res = super(ResConfigSettings, self).set_values()
        if self.crm_sales_idle_days < 1:
            raise ValidationError(_("The reminder of opportunities without activity needs at "
                                    "least one day."))
        if self.crm_sales_followup_days < 1:
            raise ValidationError(_("Quote follow-ups need at least one day between them."))
        if self.crm_sales_followup_limit < 0:
            raise ValidationError(_("The number of follow-ups per quote cannot be negative "
                                    "(0 sends none)."))
        before = self.env["crm.quote"]._crm_followup_settings()
        params = self.env["ir.config_parameter"].sudo()
        params.set_param(IDLE_DAYS_PARAM, str(self.crm_sales_idle_days))
        params.set_param(FOLLOWUP_DAYS_PARAM, str(self.crm_sales_followup_days))
        params.set_param(FOLLOWUP_LIMIT_PARAM, str(self.crm_sales_followup_limit))
        if self.env["crm.quote"]._crm_followup_settings() != before:
            self.env["crm.quote"]._crm_followup_recompute()
        return res
