# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..logic import quote_billing as qb

SITUATION_STATES = [("draft", "Draft"), ("invoiced", "Invoiced")]


class CrmBillingSituation(models.Model):
    """A progress statement (situation de travaux) of a signed quote: the
    cumulative % of work done per line (or per section), from which its
    progress invoice bills what was not billed yet."""
    _name = "crm.billing.situation"
    _description = "Progress statement"
    _order = "quote_id, number"

    name = fields.Char(compute="_compute_name", store=True)
    quote_id = fields.Many2one("crm.quote", required=True, index=True,
                               ondelete="cascade", readonly=True)
    partner_id = fields.Many2one(related="quote_id.partner_id", readonly=True, store=True)
    company_id = fields.Many2one(related="quote_id.company_id", readonly=True, store=True)
    currency_id = fields.Many2one(related="quote_id.currency_id", readonly=True)
    number = fields.Integer(string="Statement no.", readonly=True, required=True, default=1)
    date = fields.Date(default=fields.Date.context_today, required=True,
                       readonly=True, states={"draft": [("readonly", False)]})
    state = fields.Selection(SITUATION_STATES, default="draft", required=True, readonly=True)
    retention_percent = fields.Float(
        string="Guarantee retention (%)", digits=(16, 2),
        readonly=True, states={"draft": [("readonly", False)]},
        help="Part of the total incl. VAT the customer holds back until the works are "
             "accepted (retenue de garantie, at most 5 %, only if the contract provides "
             "for it).")
    line_ids = fields.One2many("crm.billing.situation.line", "situation_id", string="Progress",
                               readonly=True, states={"draft": [("readonly", False)]})
    invoice_id = fields.Many2one("account.invoice", string="Progress invoice", readonly=True,
                                 ondelete="set null")
    amount_contract = fields.Monetary(string="Contract amount excl. VAT",
                                      compute="_compute_amounts")
    amount_cumulative = fields.Monetary(string="Cumulative work done excl. VAT",
                                        compute="_compute_amounts")
    amount_previous = fields.Monetary(string="Previously invoiced excl. VAT",
                                      compute="_compute_amounts")
    amount_untaxed = fields.Monetary(string="This invoice excl. VAT",
                                     compute="_compute_amounts")
    amount_total = fields.Monetary(string="This invoice incl. VAT",
                                   compute="_compute_amounts")

    @api.depends("number", "quote_id.name")
    def _compute_name(self):
        for situation in self:
            situation.name = _("Statement no. %(number)s of %(quote)s") % {
                "number": situation.number, "quote": situation.quote_id.name or ""}

    @api.depends("line_ids.percent", "state")
    def _compute_amounts(self):
        for situation in self:
            invoice = situation.invoice_id
            if situation.state == "invoiced" and invoice:
                situation.amount_contract = invoice.crm_contract_amount
                situation.amount_cumulative = invoice.crm_cumulative_amount
                situation.amount_previous = invoice.crm_previous_amount
                situation.amount_untaxed = invoice.amount_untaxed
                situation.amount_total = invoice.amount_total
                continue
            # also while the form is edited (onchange on new records): the
            # statement follows the percentages as they are typed
            situation.update({"amount_contract": 0.0, "amount_cumulative": 0.0,
                              "amount_previous": 0.0, "amount_untaxed": 0.0,
                              "amount_total": 0.0})
            if not situation.quote_id:
                continue
            try:
                result = situation.quote_id.sudo()._crm_progress_result(situation._crm_percents())
            except UserError:
                continue
            situation.amount_contract = float(result["contract"])
            situation.amount_cumulative = float(result["cumulative"])
            situation.amount_previous = float(result["previous"])
            situation.amount_untaxed = float(result["untaxed"])
            situation.amount_total = float(result["total"])

    @api.constrains("retention_percent")
    def _check_retention_percent(self):
        for situation in self:
            if not 0 <= situation.retention_percent <= float(qb.MAX_RETENTION_PERCENT):
                raise ValidationError(_(
                    "The guarantee retention is at most 5 %% of the total incl. VAT (%s %% "
                    "entered).") % qb.format_number(situation.retention_percent))

    def _crm_percents(self):
        """{quote line id: cumulative %} of the lines with a price."""
        self.ensure_one()
        return {line.quote_line_id.id: qb.to_decimal(line.percent)
                for line in self.line_ids if not line.display_type}

    def _crm_previous_percents(self):
        self.ensure_one()
        return {line.quote_line_id.id: line.previous_percent for line in self.line_ids}

    @api.model
    def _crm_new_for_quote(self, quote):
        """A draft statement of ``quote``, its lines at the % of the last
        invoiced statement (or the draft one already open)."""
        draft = self.search([("quote_id", "=", quote.id), ("state", "=", "draft")], limit=1)
        if draft:
            return draft
        done = self.search([("quote_id", "=", quote.id), ("state", "=", "invoiced"),
                            ("invoice_id.state", "!=", "cancel")], order="number desc")
        last = done[:1]
        before = {line.quote_line_id.id: line.percent for line in last.line_ids}
        lines = [(0, 0, {"quote_line_id": line.id, "sequence": line.sequence,
                         "previous_percent": before.get(line.id, 0.0),
                         "percent": before.get(line.id, 0.0)})
                 for line in quote.line_ids if line.display_type != "line_note"]
        return self.create({"quote_id": quote.id, "number": len(done) + 1,
                            "retention_percent": last.retention_percent,
                            "line_ids": lines})

    def action_crm_create_invoice(self):
        """Bill this statement: its progress invoice, in draft, opened."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(_("The statement %s is already invoiced.") % self.display_name)
        invoice = self.quote_id._crm_create_progress_invoice(self)
        self.write({"state": "invoiced", "invoice_id": invoice.id})
        return {
            "type": "ir.actions.act_window",
            "name": _("Progress invoice"),
            "res_model": "account.invoice",
            "res_id": invoice.id,
            "view_mode": "form",
            "views": [(self.env.ref("account.invoice_form").id, "form")],
            "target": "current",
        }

    def unlink(self):
        if self.filtered(lambda s: s.state != "draft"):
            raise UserError(_("An invoiced progress statement cannot be deleted: cancel its "
                              "invoice or issue a credit note."))
        return super(CrmBillingSituation, self).unlink()
