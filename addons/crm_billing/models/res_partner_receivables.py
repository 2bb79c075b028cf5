# -*- coding: utf-8 -*-
"""What a customer owes, on its 360° record: its invoices (the smart button of
the timeline source "invoices"), the amount due and the amount overdue, of
the company and its contacts; and a promise to pay, which holds the payment
reminders of all its invoices until the promised date has passed."""
from odoo import _, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    crm_invoice_count = fields.Integer(
        string="Invoices", compute="_compute_crm_timeline_counts")
    crm_amount_due = fields.Monetary(
        string="Amount due", compute="_compute_crm_amount_due", currency_field="currency_id",
        help="What is left to pay on the open invoices, credit notes deducted.")
    crm_amount_overdue = fields.Monetary(
        string="Amount overdue", compute="_compute_crm_amount_due",
        currency_field="currency_id",
        help="What is left to pay on the invoices whose due date has passed.")
    crm_promise_date = fields.Date(
        string="Payment promised for", track_visibility="onchange",
        help="The customer promised to pay by this date: no payment reminder is sent "
             "for its invoices until it has passed.")

    def _compute_crm_amount_due(self):
        today = fields.Date.context_today(self)
        Invoice = self.env["account.invoice"]
        for partner in self:
            due = overdue = 0.0
            if isinstance(partner.id, int):
                domain = [("partner_id", "in", partner._crm_timeline_partners().ids),
                          ("type", "in", ("out_invoice", "out_refund")),
                          ("state", "=", "open")]
                for group in Invoice.read_group(domain, ["residual_company_signed"], []):
                    due = group["residual_company_signed"] or 0.0
                for group in Invoice.read_group(domain + [("date_due", "<", today)],
                                                ["residual_company_signed"], []):
                    overdue = group["residual_company_signed"] or 0.0
            partner.crm_amount_due = due
            partner.crm_amount_overdue = overdue

    def action_crm_billing_open_due(self):
        """The aged list of what this customer owes (overdue only from the
        "overdue" button)."""
        self.ensure_one()
        action = self.env.ref("crm_billing.crm_billing_aged_receivable_action").read()[0]
        action["domain"] = [("partner_id", "child_of", self.commercial_partner_id.id)]
        context = {"search_default_group_partner": 0}
        if self.env.context.get("crm_overdue_only"):
            context["search_default_overdue"] = 1
        action["context"] = context
        action["name"] = _("What %s owes") % self.commercial_partner_id.display_name
        return action
