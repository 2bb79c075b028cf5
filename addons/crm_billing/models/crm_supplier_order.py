# -*- coding: utf-8 -*-
"""A supplier order (commande fournisseur) of our own.

Odoo's ``purchase`` needs ``stock`` and ``stock_account`` (warehouses,
locations, routes, valuation): measured as too heavy for a small business
(README, "Supplier orders, numbering, FEC"). Here an order is a list of lines
bought from one supplier; receipts (crm.supplier.receipt) record what arrived,
in one or several steps; "Create vendor bill" turns what was received and not
billed yet into a draft vendor bill. The quantities and the state come from
logic/supplier_order.py.
"""
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.addons.crm_sales.logic import quote_totals

from ..logic import supplier_order

ORDER_STATES = [
    ("draft", "Draft"),
    ("confirmed", "Confirmed"),
    ("received", "Received"),
    ("billed", "Billed"),
    ("cancel", "Cancelled"),
]

RECEPTION_STATUSES = [
    ("none", "Nothing received"),
    ("partial", "Partly received"),
    ("full", "Fully received"),
]


class CrmSupplierOrder(models.Model):
    _name = "crm.supplier.order"
    _description = "Supplier order"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_order desc, id desc"

    name = fields.Char(string="Number", required=True, copy=False, readonly=True,
                       default="/", index=True)
    partner_id = fields.Many2one(
        "res.partner", string="Supplier", required=True, index=True,
        track_visibility="onchange", readonly=True, states={"draft": [("readonly", False)]})
    partner_ref = fields.Char(
        string="Supplier reference", copy=False,
        help="The supplier's own reference for this order (their quote or order number).")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, readonly=True,
        states={"draft": [("readonly", False)]},
        default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(related="company_id.currency_id", readonly=True, store=True)
    user_id = fields.Many2one("res.users", string="Buyer", index=True,
                              default=lambda self: self.env.user)
    date_order = fields.Date(
        string="Order date", required=True, index=True, default=fields.Date.context_today,
        readonly=True, states={"draft": [("readonly", False)]})
    date_planned = fields.Date(string="Expected delivery")
    # The buttons move ``progress`` (draft, confirmed, cancelled); ``state``
    # follows from it and from the quantities received and billed, so that a
    # vendor bill cancelled or deleted gives its quantities back to bill.
    progress = fields.Selection(
        [("draft", "Draft"), ("confirmed", "Confirmed"), ("cancel", "Cancelled")],
        default="draft", required=True, readonly=True, copy=False,
        track_visibility="onchange")
    state = fields.Selection(ORDER_STATES, compute="_compute_state", store=True, index=True,
                             string="Status")
    line_ids = fields.One2many(
        "crm.supplier.order.line", "order_id", string="Lines", copy=True,
        readonly=True, states={"draft": [("readonly", False)]})
    receipt_ids = fields.One2many("crm.supplier.receipt", "order_id", string="Receipts",
                                  readonly=True)
    invoice_ids = fields.One2many("account.invoice", "crm_supplier_order_id",
                                  string="Vendor bills", readonly=True)
    receipt_count = fields.Integer(compute="_compute_counts")
    invoice_count = fields.Integer(compute="_compute_counts")
    reception_status = fields.Selection(
        RECEPTION_STATUSES, compute="_compute_reception_status", store=True,
        string="Reception")
    amount_untaxed = fields.Monetary(compute="_compute_amounts", store=True,
                                     string="Total excl. VAT")
    amount_tax = fields.Monetary(compute="_compute_amounts", store=True, string="VAT")
    amount_total = fields.Monetary(compute="_compute_amounts", store=True,
                                   string="Total incl. VAT")
    note = fields.Text(string="Notes")

    @api.depends("line_ids.quantity", "line_ids.price_unit", "line_ids.vat_rate")
    def _compute_amounts(self):
        for order in self:
            totals = quote_totals.compute_totals(
                {"quantity": line.quantity, "price_unit": line.price_unit,
                 "vat_rate": line.vat_rate} for line in order.line_ids)
            order.amount_untaxed = float(totals["untaxed"])
            order.amount_tax = float(totals["tax"])
            order.amount_total = float(totals["total"])

    @api.depends("progress", "line_ids.quantity", "line_ids.qty_received",
                 "line_ids.qty_billed")
    def _compute_state(self):
        for order in self:
            if order.progress != "confirmed":
                order.state = order.progress
            else:
                order.state = supplier_order.order_state(order._crm_quantities())

    @api.depends("line_ids.quantity", "line_ids.qty_received")
    def _compute_reception_status(self):
        for order in self:
            order.reception_status = supplier_order.reception_status(
                order._crm_quantities())

    def _compute_counts(self):
        for order in self:
            order.receipt_count = len(order.receipt_ids.filtered(lambda r: r.state == "done"))
            order.invoice_count = len(order.invoice_ids)

    def _crm_quantities(self):
        """The lines' quantities as plain dicts for logic/supplier_order.py."""
        return [{"key": line.id, "ordered": line.quantity, "received": line.qty_received,
                 "billed": line.qty_billed} for line in self.line_ids]

    @api.model
    def create(self, vals):
        if vals.get("name", "/") == "/":
            company = self.env["res.company"].browse(
                vals.get("company_id") or self.env.user.company_id.id)
            sequence = self.env["ir.sequence"].with_context(force_company=company.id)
            vals["name"] = sequence.next_by_code("crm.supplier.order") or "/"
        return super(CrmSupplierOrder, self).create(vals)

    def unlink(self):
        if self.filtered(lambda order: order.state not in ("draft", "cancel")):
            raise UserError(_("Only a draft or cancelled supplier order can be deleted; "
                              "cancel it first."))
        return super(CrmSupplierOrder, self).unlink()

    # -- the buttons -------------------------------------------------------

    def action_confirm(self):
        for order in self:
            if order.state != "draft":
                raise UserError(_("The supplier order %s is not a draft.") % order.name)
            if not order.line_ids.filtered(lambda line: line.quantity > 0):
                raise UserError(_("The supplier order %s has no line to order.") % order.name)
        self.write({"progress": "confirmed"})
        return True

    def action_cancel(self):
        for order in self:
            if order.receipt_ids.filtered(lambda r: r.state == "done"):
                raise UserError(_("The supplier order %s has received goods: it cannot be "
                                  "cancelled.") % order.name)
            if order.invoice_ids.filtered(lambda inv: inv.state != "cancel"):
                raise UserError(_("The supplier order %s has a vendor bill: it cannot be "
                                  "cancelled.") % order.name)
        self.mapped("receipt_ids").unlink()
        self.write({"progress": "cancel"})
        return True

    def action_draft(self):
        if self.filtered(lambda order: order.state != "cancel"):
            raise UserError(_("Only a cancelled supplier order can be set back to draft."))
        self.write({"progress": "draft"})
        return True

    def action_receive(self):
        """A new draft receipt with what is still to receive, opened in its form."""
        self.ensure_one()
        if self.state not in ("confirmed",):
            raise UserError(_("Only a confirmed supplier order that is not fully received "
                              "can receive goods (%s).") % self.name)
        lines = [(0, 0, {"order_line_id": line.id,
                         "quantity": max(line.quantity - line.qty_received, 0.0)})
                 for line in self.line_ids if line.quantity > line.qty_received]
        receipt = self.env["crm.supplier.receipt"].create({
            "order_id": self.id, "line_ids": lines})
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.supplier.receipt",
            "res_id": receipt.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_create_vendor_bill(self):
        """A draft vendor bill of what was received and not billed yet."""
        self.ensure_one()
        if self.state not in ("confirmed", "received"):
            raise UserError(_("The supplier order %s must be confirmed to be billed.")
                            % self.name)
        quantities = supplier_order.to_bill(
            {"key": line.id, "received": line.qty_received, "billed": line.qty_billed}
            for line in self.line_ids)
        if not quantities:
            raise UserError(_("Nothing to bill on %s: every quantity received is already on "
                              "a vendor bill. Record a receipt first.") % self.name)
        invoice = self.env["account.invoice"].create(self._crm_vendor_bill_values(quantities))
        invoice.compute_taxes()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.invoice",
            "res_id": invoice.id,
            "view_mode": "form",
            "views": [(self.env.ref("account.invoice_supplier_form").id, "form")],
            "context": {"type": "in_invoice"},
            "target": "current",
        }

    def _crm_vendor_bill_values(self, quantities):
        company = self.company_id
        journal = self.env["account.journal"].search(
            [("type", "=", "purchase"), ("company_id", "=", company.id)], limit=1)
        if not journal:
            raise UserError(_("The company %s has no purchase journal: install its chart of "
                              "accounts first.") % company.name)
        partner = self.partner_id.commercial_partner_id
        payable = partner.with_context(force_company=company.id).property_account_payable_id
        fiscal_position = self.env["account.fiscal.position"].with_context(
            force_company=company.id).get_fiscal_position(partner.id)
        fiscal_position = self.env["account.fiscal.position"].browse(fiscal_position)
        lines = []
        for line in self.line_ids:
            if line.id not in quantities:
                continue
            taxes = fiscal_position.map_tax(line._crm_purchase_taxes(), partner=partner)
            lines.append((0, 0, {
                "crm_supplier_order_line_id": line.id,
                "product_id": line.product_id.id,
                "name": line.name,
                "quantity": float(quantities[line.id]),
                "price_unit": line.price_unit,
                "account_id": line._crm_expense_account(journal, fiscal_position).id,
                "invoice_line_tax_ids": [(6, 0, taxes.ids)],
                "uom_id": line.product_id.uom_po_id.id or line.product_id.uom_id.id,
            }))
        return {
            "type": "in_invoice",
            "partner_id": partner.id,
            "company_id": company.id,
            "journal_id": journal.id,
            "account_id": payable.id,
            "currency_id": self.currency_id.id,
            "fiscal_position_id": fiscal_position.id,
            "origin": self.name,
            "reference": self.partner_ref or False,
            "crm_supplier_order_id": self.id,
            "invoice_line_ids": lines,
        }

    def action_view_receipts(self):
        self.ensure_one()
        action = self.env.ref("crm_billing.crm_supplier_receipt_action").read()[0]
        action["domain"] = [("order_id", "=", self.id)]
        action["context"] = {"default_order_id": self.id}
        return action

    def action_view_invoices(self):
        self.ensure_one()
        action = self.env.ref("account.action_invoice_tree2").read()[0]
        action["domain"] = [("crm_supplier_order_id", "=", self.id)]
        action["context"] = {"type": "in_invoice", "default_type": "in_invoice"}
        if len(self.invoice_ids) == 1:
            action["views"] = [(self.env.ref("account.invoice_supplier_form").id, "form")]
            action["res_id"] = self.invoice_ids.id
        return action
