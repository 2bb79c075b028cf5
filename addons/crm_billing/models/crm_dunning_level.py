# -*- coding: utf-8 -*-
"""A level of payment reminder (relance): sent so many days after the due
date of an unpaid customer invoice, with its mail template. The daily run is
``account.invoice._crm_dunning_run`` (models/account_invoice_dunning.py),
the rule ``logic/dunning.py``."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CrmDunningLevel(models.Model):
    _name = "crm.dunning.level"
    _description = "Payment reminder level"
    _order = "days, sequence, id"

    name = fields.Char(string="Level", required=True, translate=True)
    sequence = fields.Integer(default=10)
    days = fields.Integer(
        string="Days after the due date", required=True, default=7,
        help="The reminder is sent when the invoice is this many days late.")
    mail_template_id = fields.Many2one(
        "mail.template", string="Email", required=True, ondelete="restrict",
        domain=[("model", "=", "account.invoice")],
        help="The email sent to the customer, with the invoice attached.")
    company_id = fields.Many2one(
        "res.company", required=True,
        default=lambda self: self.env["res.company"]._company_default_get("crm.dunning.level"))
    active = fields.Boolean(default=True)
    invoice_count = fields.Integer(
        string="Invoices at this level", compute="_compute_invoice_count")

    _sql_constraints = [
        ("days_company_uniq", "unique(company_id, days)",
         "Two reminder levels of a company cannot have the same number of days."),
    ]

    @api.constrains("days")
    def _check_days(self):
        for level in self:
            if level.days < 1:
                raise ValidationError(
                    _("A reminder is sent at least one day after the due date."))

    def _compute_invoice_count(self):
        groups = self.env["account.invoice"].read_group(
            [("crm_dunning_level_id", "in", self.ids)], ["crm_dunning_level_id"],
            ["crm_dunning_level_id"])
        counts = {g["crm_dunning_level_id"][0]: g["crm_dunning_level_id_count"] for g in groups}
        for level in self:
            level.invoice_count = counts.get(level.id, 0)

    def _crm_dunning_values(self):
        """The levels as plain dicts for logic/dunning.py."""
        return [{"id": level.id, "sequence": level.sequence, "days": level.days}
                for level in self]
