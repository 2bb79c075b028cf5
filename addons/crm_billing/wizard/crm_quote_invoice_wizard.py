# -*- coding: utf-8 -*-
from odoo import _, fields, models
from odoo.exceptions import UserError

INVOICE_KINDS = [
    ("deposit", "Deposit invoice (acompte)"),
    ("final", "Final invoice (the whole quote, deposits deducted)"),
    ("progress", "Progress invoice (situation de travaux)"),
]


class CrmQuoteInvoiceWizard(models.TransientModel):
    """The "Invoice" button of a signed quote: a deposit, the final invoice
    or a progress statement."""
    _name = "crm.quote.invoice.wizard"
    _description = "Invoice a quote"

    quote_id = fields.Many2one("crm.quote", required=True, readonly=True,
                               ondelete="cascade")
    currency_id = fields.Many2one(related="quote_id.currency_id", readonly=True)
    amount_total = fields.Monetary(related="quote_id.amount_total", readonly=True,
                                   string="Quote total incl. VAT")
    amount_invoiced = fields.Monetary(related="quote_id.crm_amount_invoiced", readonly=True)
    amount_to_invoice = fields.Monetary(related="quote_id.crm_amount_to_invoice",
                                        readonly=True)
    kind = fields.Selection(INVOICE_KINDS, string="Invoice", required=True, default="deposit")
    deposit_mode = fields.Selection(
        [("percent", "A percentage of the quote"), ("amount", "An amount incl. VAT")],
        string="Deposit of", default="percent", required=True)
    deposit_percent = fields.Float(string="Deposit (%)", digits=(16, 2), default=30.0,
                                   help="Percentage of the quote's total incl. VAT.")
    deposit_amount = fields.Monetary(string="Deposit incl. VAT",
                                     help="Deposits are invoiced VAT included.")
    date_invoice = fields.Date(string="Invoice date", default=fields.Date.context_today,
                               required=True)

    def action_create(self):
        self.ensure_one()
        quote = self.quote_id
        if self.kind == "progress":
            quote._crm_check_invoiceable()
            situation = self.env["crm.billing.situation"]._crm_new_for_quote(quote)
            return {
                "type": "ir.actions.act_window",
                "name": _("Progress statement"),
                "res_model": "crm.billing.situation",
                "res_id": situation.id,
                "view_mode": "form",
                "views": [(False, "form")],
                "target": "current",
            }
        if self.kind == "deposit":
            if self.deposit_mode == "percent":
                invoice = quote._crm_create_deposit_invoice(percent=self.deposit_percent,
                                                            date_invoice=self.date_invoice)
            else:
                invoice = quote._crm_create_deposit_invoice(amount=self.deposit_amount,
                                                            date_invoice=self.date_invoice)
        elif self.kind == "final":
            invoice = quote._crm_create_final_invoice(date_invoice=self.date_invoice)
        else:
            raise UserError(_("Choose what to invoice."))
        return {
            "type": "ir.actions.act_window",
            "name": _("Invoice"),
            "res_model": "account.invoice",
            "res_id": invoice.id,
            "view_mode": "form",
            "views": [(self.env.ref("account.invoice_form").id, "form")],
            "target": "current",
        }
