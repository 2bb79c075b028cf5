# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..logic import quote_totals


class CrmQuoteLine(models.Model):
    """A line of a quote. Its amounts come from logic/quote_totals.py."""
    _name = "crm.quote.line"
    _inherit = "crm.quote.line.mixin"
    _description = "Quote line"
    _order = "quote_id, sequence, id"

    quote_id = fields.Many2one("crm.quote", required=True,
                               ondelete="cascade", index=True)
    company_id = fields.Many2one(related="quote_id.company_id", store=True, readonly=True)
    currency_id = fields.Many2one(related="quote_id.currency_id", store=True, readonly=True)
    price_subtotal = fields.Monetary(
        string="Amount excl. VAT", compute="_compute_amounts", store=True,
        currency_field="currency_id")
    price_tax = fields.Monetary(
        string="VAT amount", compute="_compute_amounts", store=True,
        currency_field="currency_id",
        help="VAT of this line alone; the quote's VAT is computed per rate on the "
             "sum of the lines of each rate, so it may differ by a cent.")
    price_total = fields.Monetary(
        string="Amount incl. VAT", compute="_compute_amounts", store=True,
        currency_field="currency_id")

    @api.depends("display_type", "quantity", "price_unit", "discount", "vat_rate")
    def _compute_amounts(self):
        for line in self:
            if line.display_type:
                net = tax = total = 0.0
            else:
                net, tax, total = quote_totals.line_amounts(
                    line.quantity, line.price_unit, line.discount, line.vat_rate or 0)
            line.price_subtotal = float(net)
            line.price_tax = float(tax)
            line.price_total = float(total)

    def _crm_line_partner_lang(self):
        return self.quote_id.partner_id.lang or None

    # ------------------------------------------------------------ locking
    def _crm_check_quote_unlocked(self, quotes):
        locked = quotes.filtered(lambda q: q.state in ("signed", "refused"))
        if locked:
            raise UserError(_("The quote %s is signed or refused: its lines can no longer "
                              "be changed. Make a new revision instead.")
                            % locked[0].display_name)

    @api.model
    def create(self, vals):
        vals = self._crm_clean_vals(vals)
        if vals.get("quote_id"):
            self._crm_check_quote_unlocked(self.env["crm.quote"].browse(vals["quote_id"]))
        return super(CrmQuoteLine, self).create(vals)

    def write(self, vals):
        self._crm_check_quote_unlocked(self.mapped("quote_id"))
        if vals.get("quote_id"):
            self._crm_check_quote_unlocked(self.env["crm.quote"].browse(vals["quote_id"]))
        if vals.get("display_type"):
            vals = self._crm_clean_vals(vals)
        return super(CrmQuoteLine, self).write(vals)

    def unlink(self):
        self._crm_check_quote_unlocked(self.mapped("quote_id"))
        return super(CrmQuoteLine, self).unlink()
