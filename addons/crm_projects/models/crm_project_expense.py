# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CrmProjectExpense(models.Model):
    """An expense of a project (materials, travel, a subcontractor), excl.
    VAT: it counts in the project's costs and, when re-invoiceable, can be
    invoiced to the customer (crm_projects_billing).

    A model of its own rather than analytic lines without timesheet: the
    person who logs a train ticket needs no accounting rights, and the
    re-invoiceable flag and the supplier are plain fields here."""
    _name = "crm.project.expense"
    _description = "Project expense"
    _order = "date desc, id desc"

    name = fields.Char(string="Description", required=True)
    project_id = fields.Many2one("project.project", required=True, ondelete="cascade",
                                 index=True)
    task_id = fields.Many2one("project.task", ondelete="set null",
                              domain="[('project_id', '=', project_id)]")
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    partner_id = fields.Many2one("res.partner", string="Supplier", ondelete="set null")
    user_id = fields.Many2one("res.users", string="Logged by", default=lambda self: self.env.uid,
                              readonly=True)
    company_id = fields.Many2one(related="project_id.company_id", store=True, readonly=True,
                                 index=True)
    currency_id = fields.Many2one(related="company_id.currency_id", readonly=True)
    amount = fields.Monetary(string="Amount excl. VAT", required=True,
                             currency_field="currency_id")
    reinvoice = fields.Boolean(string="Re-invoice to the customer", default=False,
                               help="The expense is billed to the customer at its cost.")

    @api.constrains("amount")
    def _check_amount(self):
        for expense in self:
            if expense.amount <= 0:
                raise ValidationError(_(
                    "The expense «%s» must have a positive amount excl. VAT.") % expense.name)
