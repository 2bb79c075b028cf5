# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.addons import decimal_precision as dp
from odoo.addons.crm_sales.logic import quote_totals
from odoo.addons.crm_sales.models.crm_quote_line_mixin import VAT_RATES

# A line's French VAT rate -> the purchase tax of l10n_fr's chart (the xml id
# of its template; the chart gives each company's tax the id
# ``l10n_fr.<company id>_<template>``). "0": no VAT (a supplier not subject
# to VAT, exempt goods).
PURCHASE_TAX_TEMPLATES = {
    "20": "tva_acq_normale",
    "10": "tva_acq_intermediaire",
    "5.5": "tva_acq_reduite",
    "2.1": "tva_acq_super_reduite",
}


class CrmSupplierOrderLine(models.Model):
    _name = "crm.supplier.order.line"
    _description = "Supplier order line"
    _order = "order_id, sequence, id"

    order_id = fields.Many2one("crm.supplier.order", required=True, index=True,
                               ondelete="cascade")
    company_id = fields.Many2one(related="order_id.company_id", store=True, readonly=True)
    currency_id = fields.Many2one(related="order_id.currency_id", store=True, readonly=True)
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one("product.product", ondelete="restrict",
                                 domain="[('purchase_ok', '=', True)]")
    name = fields.Text(string="Description", required=True)
    quantity = fields.Float(default=1.0, digits=dp.get_precision("Product Unit of Measure"))
    price_unit = fields.Float(string="Unit price", digits=dp.get_precision("Product Price"),
                              help="Unit price excluding VAT.")
    vat_rate = fields.Selection(VAT_RATES, string="VAT", default="20", required=True)
    price_subtotal = fields.Monetary(compute="_compute_amounts", store=True,
                                     string="Total excl. VAT")
    receipt_line_ids = fields.One2many("crm.supplier.receipt.line", "order_line_id",
                                       readonly=True)
    invoice_line_ids = fields.One2many("account.invoice.line", "crm_supplier_order_line_id",
                                       string="Vendor bill lines", readonly=True)
    qty_received = fields.Float(
        string="Received", compute="_compute_qty_received", store=True,
        digits=dp.get_precision("Product Unit of Measure"),
        help="Quantity received by the validated receipts.")
    qty_billed = fields.Float(
        string="Billed", compute="_compute_qty_billed", store=True,
        digits=dp.get_precision("Product Unit of Measure"),
        help="Quantity on vendor bills that are not cancelled, draft ones included, less "
             "the supplier credit notes.")

    _sql_constraints = [
        ("quantity_positive", "CHECK(quantity >= 0)",
         "The quantity ordered cannot be negative."),
    ]

    @api.depends("quantity", "price_unit")
    def _compute_amounts(self):
        for line in self:
            line.price_subtotal = float(quote_totals.line_net(line.quantity, line.price_unit))

    @api.depends("receipt_line_ids.quantity", "receipt_line_ids.receipt_id.state")
    def _compute_qty_received(self):
        for line in self:
            line.qty_received = sum(line.receipt_line_ids.filtered(
                lambda r: r.receipt_id.state == "done").mapped("quantity"))

    @api.depends("invoice_line_ids.quantity", "invoice_line_ids.invoice_id.state",
                 "invoice_line_ids.invoice_id.type")
    def _compute_qty_billed(self):
        for line in self:
            billed = 0.0
            for invoice_line in line.invoice_line_ids:
                invoice = invoice_line.invoice_id
                if invoice.state == "cancel":
                    continue
                sign = -1 if invoice.type == "in_refund" else 1
                billed += sign * invoice_line.quantity
            line.qty_billed = billed

    @api.onchange("product_id")
    def _onchange_product_id(self):
        product = self.product_id
        if not product:
            return
        name = product.display_name
        if product.description_purchase:
            name = "%s\n%s" % (name, product.description_purchase)
        self.name = name
        self.price_unit = product.standard_price
        taxes = product.supplier_taxes_id.filtered(
            lambda tax: tax.company_id == self.order_id.company_id)
        if taxes:
            rate = quote_totals.format_rate(taxes[0].amount)
            if rate in dict(VAT_RATES):
                self.vat_rate = rate

    def unlink(self):
        if self.filtered(lambda line: line.receipt_line_ids or line.invoice_line_ids):
            raise UserError(_("A line that was received or billed cannot be deleted."))
        return super(CrmSupplierOrderLine, self).unlink()

    def _crm_purchase_taxes(self):
        """The company's l10n_fr purchase tax for the line's VAT rate (none for 0 %)."""
        self.ensure_one()
        template = PURCHASE_TAX_TEMPLATES.get(self.vat_rate)
        if not template:
            return self.env["account.tax"]
        company = self.order_id.company_id
        tax = self.env.ref("l10n_fr.%d_%s" % (company.id, template), raise_if_not_found=False)
        if not tax:
            tax = self.env["account.tax"].search([
                ("company_id", "=", company.id), ("type_tax_use", "=", "purchase"),
                ("amount_type", "=", "percent"), ("price_include", "=", False),
                ("amount", "=", float(self.vat_rate))], order="sequence, id", limit=1)
        if not tax:
            raise UserError(_("The company %(company)s has no purchase tax at %(rate)s %%: "
                              "install the French chart of accounts or create the tax.")
                            % {"company": company.name, "rate": self.vat_rate})
        return tax

    def _crm_expense_account(self, journal, fiscal_position):
        """The expense account of a vendor bill line: the product's, else the
        purchase journal's, else the company's default for product categories."""
        self.ensure_one()
        account = self.env["account.account"]
        if self.product_id:
            account = self.env["account.invoice.line"].with_context(
                force_company=journal.company_id.id).get_invoice_line_account(
                    "in_invoice", self.product_id, fiscal_position, journal.company_id)
        if not account:
            account = journal.default_debit_account_id
        if not account:
            account = self.env["ir.property"].with_context(
                force_company=journal.company_id.id).get(
                    "property_account_expense_categ_id", "product.category")
        if not account:
            raise UserError(_("No expense account for %s: set one on the product or on the "
                              "purchase journal.") % self.name)
        return fiscal_position.map_account(account) if fiscal_position else account
