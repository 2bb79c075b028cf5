# -*- coding: utf-8 -*-
"""Invoicing a project's time and re-invoiceable expenses: the timesheet
lines and expenses not invoiced yet become the lines of a draft customer
invoice of crm_billing's French set-up (sales journal, VAT of the company's
chart), each marked with the invoice line that bills it so that a second
click bills nothing twice; cancelling (or deleting) the invoice frees them.

The price of an hour is the project's hourly rate: what the customer agreed
to pay for an hour does not depend on who did the work (an employee's hourly
cost is a cost, not a price)."""
from odoo import _, fields, models
from odoo.exceptions import AccessError, UserError

from ..logic import project_invoicing

VAT_RATE = "20"


class ProjectProject(models.Model):
    _inherit = "project.project"

    crm_hourly_rate = fields.Monetary(
        string="Hourly rate excl. VAT", currency_field="currency_id",
        help="The price of an hour of time invoiced to the customer.")
    crm_invoice_ids = fields.One2many(
        "account.invoice", "crm_project_id", string="Invoices", readonly=True,
        groups="account.group_account_invoice")
    crm_invoice_count = fields.Integer(
        string="Number of invoices", compute="_compute_crm_invoice_count",
        groups="account.group_account_invoice")

    def _compute_crm_invoice_count(self):
        counts = {}
        ids = [pid for pid in self.ids if isinstance(pid, int)]
        if ids:
            counts = {row["crm_project_id"][0]: row["crm_project_id_count"]
                      for row in self.env["account.invoice"].read_group(
                          [("crm_project_id", "in", ids)], ["crm_project_id"],
                          ["crm_project_id"])}
        for project in self:
            project.crm_invoice_count = counts.get(project.id, 0)

    # ------------------------------------------------------------ what is left to bill
    @staticmethod
    def _crm_not_invoiced_domain():
        return ["|", ("crm_invoice_line_id", "=", False),
                ("crm_invoice_line_id.invoice_id.state", "=", "cancel")]

    def _crm_timesheets_to_invoice(self):
        self.ensure_one()
        return self.env["account.analytic.line"].sudo().search(
            [("project_id", "=", self.id)] + self._crm_not_invoiced_domain(),
            order="date, id")

    def _crm_expenses_to_invoice(self):
        self.ensure_one()
        return self.env["crm.project.expense"].sudo().search(
            [("project_id", "=", self.id), ("reinvoice", "=", True)]
            + self._crm_not_invoiced_domain(), order="date, id")

    # ------------------------------------------------------------ the action
    def action_crm_invoice_time_expenses(self):
        """The "Invoice time and expenses" button: a draft invoice, opened."""
        self.ensure_one()
        invoice = self._crm_invoice_time_expenses()
        action = self.env.ref("account.action_invoice_tree1").read()[0]
        action.update(res_id=invoice.id, views=[(self.env.ref("account.invoice_form").id,
                                                 "form")], view_mode="form")
        return action

    def _crm_invoice_time_expenses(self, date_invoice=None):
        self.ensure_one()
        if not self.env.user.has_group("account.group_account_invoice"):
            raise AccessError(_("Only a billing user can invoice a project."))
        if not self.partner_id:
            raise UserError(_("The project %s has no customer: set one before invoicing it.")
                            % self.display_name)
        timesheets = self._crm_timesheets_to_invoice()
        expenses = self._crm_expenses_to_invoice()
        if not timesheets and not expenses:
            raise UserError(_("The project %s has no time nor re-invoiceable expense left to "
                              "invoice.") % self.display_name)
        if timesheets and self.crm_hourly_rate <= 0:
            raise UserError(_("Set the hourly rate of the project %s (Profitability tab) to "
                              "invoice its time.") % self.display_name)
        plan = project_invoicing.invoice_plan(
            [{"id": line.id, "task_key": line.task_id.id or None,
              "task_name": line.task_id.name, "hours": line.unit_amount}
             for line in timesheets],
            [{"id": expense.id, "name": expense.name, "amount": expense.amount}
             for expense in expenses],
            self.crm_hourly_rate)
        if not plan:
            raise UserError(_("The time left to invoice on the project %s adds up to zero "
                              "hours.") % self.display_name)
        invoice = self._crm_create_project_invoice(plan, date_invoice)
        self._crm_mark_invoiced(invoice, plan)
        return invoice

    def _crm_invoice_line_values(self, line, sequence, account, taxes, hour_uom):
        if line["kind"] == "time":
            name = _("Time spent on «%(task)s» (project %(project)s)") % {
                "task": line["name"], "project": self.name} if line["name"] else \
                _("Time spent on the project %s") % self.name
        else:
            name = _("Expense: %s") % line["name"]
        values = {
            "name": name, "sequence": sequence, "account_id": account.id,
            "quantity": float(line["quantity"]), "price_unit": float(line["price"]),
            "invoice_line_tax_ids": [(6, 0, taxes.ids)],
            "account_analytic_id": self.analytic_account_id.id,
        }
        if line["kind"] == "time" and hour_uom:
            values["uom_id"] = hour_uom.id
        return (0, 0, values)

    def _crm_create_project_invoice(self, plan, date_invoice=None):
        company = self.company_id
        journal = company._crm_billing_sale_journal()
        account = journal.default_credit_account_id
        if not account:
            raise UserError(_("The sales journal %s has no default income account.")
                            % journal.name)
        partner = self.partner_id.with_context(force_company=company.id)
        fiscal_position = self.env["account.fiscal.position"].with_context(
            force_company=company.id).get_fiscal_position(partner.id)
        fiscal_position = self.env["account.fiscal.position"].browse(fiscal_position)
        taxes = company._crm_billing_sale_tax(VAT_RATE)
        if fiscal_position:
            taxes = fiscal_position.map_tax(taxes, partner=partner)
        hour_uom = self.env.ref("product.product_uom_hour", raise_if_not_found=False)
        lines = [self._crm_invoice_line_values(line, 10 + index, account, taxes, hour_uom)
                 for index, line in enumerate(plan)]
        invoice = self.env["account.invoice"].create({
            "type": "out_invoice",
            "partner_id": partner.id,
            "account_id": partner.property_account_receivable_id.id,
            "journal_id": journal.id,
            "company_id": company.id,
            "currency_id": self.currency_id.id or company.currency_id.id,
            "date_invoice": date_invoice or fields.Date.context_today(self),
            "origin": self.name,
            "fiscal_position_id": fiscal_position.id,
            "crm_project_id": self.id,
            "invoice_line_ids": lines,
        })
        if not invoice.tax_line_ids:
            invoice.compute_taxes()
        return invoice

    def _crm_mark_invoiced(self, invoice, plan):
        by_sequence = {line.sequence: line for line in invoice.invoice_line_ids}
        Line = self.env["account.analytic.line"].sudo()
        Expense = self.env["crm.project.expense"].sudo()
        for index, planned in enumerate(plan):
            invoice_line = by_sequence[10 + index]
            if planned["timesheet_ids"]:
                Line.browse(planned["timesheet_ids"]).write(
                    {"crm_invoice_line_id": invoice_line.id})
            if planned["expense_ids"]:
                Expense.browse(planned["expense_ids"]).write(
                    {"crm_invoice_line_id": invoice_line.id})
        return True

    def action_crm_invoices(self):
        self.ensure_one()
        action = self.env.ref("account.action_invoice_tree1").read()[0]
        action["domain"] = [("crm_project_id", "=", self.id)]
        action["context"] = {"default_crm_project_id": self.id, "type": "out_invoice"}
        return action
