# -*- coding: utf-8 -*-
"""An opportunity as a plain row of logic/forecast.py: what the targets
(crm_sales_target.py) and the cash-in forecast (crm_sales_cash_forecast.py)
count."""
from odoo import fields, models


class CrmOpportunity(models.Model):
    _inherit = "crm.opportunity"

    def _crm_forecast_row(self):
        """This opportunity as a plain row of logic/forecast.py; its closing
        date is the day in its owner's time zone."""
        self.ensure_one()
        closed_on = None
        if self.date_closed:
            local = fields.Datetime.context_timestamp(
                self.with_context(tz=self.user_id.tz or "UTC"),
                fields.Datetime.from_string(self.date_closed))
            closed_on = local.date()
        return {
            "id": self.id,
            "user_id": self.user_id.id,
            "team_id": self.team_id.id,
            "state": self.state,
            "budget": self.expected_revenue,
            "probability": self.probability,
            "weighted": self.weighted_revenue,
            "close_date": fields.Date.from_string(self.expected_close_date),
            "closed_on": closed_on,
            "payment_date": fields.Date.from_string(self.expected_payment_date),
        }
