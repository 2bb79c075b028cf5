# -*- coding: utf-8 -*-
"""A receipt (réception) of goods or services ordered from a supplier.

A receipt is made as a draft with what is still to receive; the user sets
the quantities that arrived and validates it. Only validated receipts count
as received; a receipt beyond what was ordered is refused as a whole.
"""
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..logic import supplier_order


class CrmSupplierReceipt(models.Model):
    _name = "crm.supplier.receipt"
    _description = "Supplier receipt"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"

    name = fields.Char(string="Number", required=True, copy=False, readonly=True,
                       default="/", index=True)
    order_id = fields.Many2one(
        "crm.supplier.order", string="Supplier order", required=True, index=True,
        ondelete="cascade", readonly=True, states={"draft": [("readonly", False)]},
        domain="[('state', '=', 'confirmed')]")
    partner_id = fields.Many2one(related="order_id.partner_id", store=True, readonly=True,
                                 string="Supplier")
    company_id = fields.Many2one(related="order_id.company_id", store=True, readonly=True)
    date = fields.Date(string="Receipt date", required=True, default=fields.Date.context_today,
                       readonly=True, states={"draft": [("readonly", False)]})
    state = fields.Selection([("draft", "Draft"), ("done", "Validated")], default="draft",
                             required=True, readonly=True, copy=False,
                             track_visibility="onchange")
    line_ids = fields.One2many("crm.supplier.receipt.line", "receipt_id", string="Lines",
                               readonly=True, states={"draft": [("readonly", False)]})
    note = fields.Text(string="Notes", help="Delivery note number, damaged goods...")

    @api.model
    def create(self, vals):
        if vals.get("name", "/") == "/":
            order = self.env["crm.supplier.order"].browse(vals.get("order_id"))
            sequence = self.env["ir.sequence"].with_context(
                force_company=order.company_id.id or self.env.user.company_id.id)
            vals["name"] = sequence.next_by_code("crm.supplier.receipt") or "/"
        return super(CrmSupplierReceipt, self).create(vals)

    def unlink(self):
        if self.filtered(lambda receipt: receipt.state == "done"):
            raise UserError(_("A validated receipt cannot be deleted."))
        return super(CrmSupplierReceipt, self).unlink()

    def action_validate(self):
        """Validate the receipts: nothing over what was ordered, or nothing at all."""
        for receipt in self:
            if receipt.state != "draft":
                raise UserError(_("The receipt %s is already validated.") % receipt.name)
            if receipt.order_id.state != "confirmed":
                raise UserError(_("The supplier order %s is not waiting for goods.")
                                % receipt.order_id.name)
            if receipt.line_ids.filtered(lambda line: line.quantity < 0):
                raise UserError(_("The receipt %s has a negative quantity: enter what "
                                  "arrived, or 0.") % receipt.name)
            lines = receipt.line_ids.filtered(lambda line: line.quantity)
            if not lines:
                raise UserError(_("The receipt %s receives nothing: enter the quantities "
                                  "received.") % receipt.name)
            if lines.filtered(lambda line: line.order_line_id.order_id != receipt.order_id):
                raise UserError(_("The receipt %s has lines of another order.")
                                % receipt.name)
            receiving = {}
            for line in lines:
                receiving[line.order_line_id] = receiving.get(line.order_line_id, 0.0) \
                    + line.quantity
            problems = supplier_order.over_receipts(
                {"key": order_line, "ordered": order_line.quantity,
                 "received": order_line.qty_received, "receiving": quantity}
                for order_line, quantity in receiving.items())
            if problems:
                details = "\n".join(
                    _("- %(line)s: %(ordered)s ordered, %(total)s received in all") % {
                        "line": order_line.name.splitlines()[0],
                        "ordered": _number(ordered), "total": _number(total)}
                    for order_line, ordered, total in problems)
                raise UserError(_("The receipt %(receipt)s receives more than was ordered:\n"
                                  "%(details)s") % {"receipt": receipt.name,
                                                    "details": details})
            (receipt.line_ids - lines).unlink()
            receipt.write({"state": "done"})
        return True


def _number(quantity):
    """A quantity without useless zeros: Decimal("10.000") -> "10", "2.500" -> "2.5"."""
    text = format(quantity.normalize(), "f")
    return text
