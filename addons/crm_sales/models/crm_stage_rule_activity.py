# -*- coding: utf-8 -*-
import datetime

from odoo import fields, models


class CrmStageRuleActivity(models.Model):
    """An activity a stage rule plans: "call today" (0), "email in 3 days" (3)."""
    _name = "crm.stage.rule.activity"
    _description = "Activity planned by a stage rule"
    _order = "rule_id, sequence, id"

    rule_id = fields.Many2one("crm.stage.rule", required=True,
                              ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    activity_type_id = fields.Many2one(
        "mail.activity.type", string="Activity type", required=True, ondelete="restrict")
    summary = fields.Char()
    note = fields.Text()
    delay_days = fields.Integer(
        string="Due after (days)", default=0,
        help="Days after the entry in the stage: 0 = the same day.")

    _sql_constraints = [
        ("delay_days_positive", "CHECK(delay_days >= 0)",
         "The delay of an activity cannot be negative."),
    ]

    def _crm_deadline(self, start):
        return start + datetime.timedelta(days=self.delay_days)
