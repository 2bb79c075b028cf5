# -*- coding: utf-8 -*-
"""The quote's VAT rates as the company's French taxes (l10n_fr chart), and
the accounts the invoices of a quote use."""
from odoo import _, api, models
from odoo.exceptions import UserError

from ..logic import quote_billing


class ResCompany(models.Model):
    _inherit = "res.company"

    def _crm_billing_sale_tax(self, rate):
        """The sale tax of this company for a quote's VAT rate ("20", "5.5",
        ...): a percentage, price excluded, due on the invoice (TVA sur les
        débits; l10n_fr's "à l'encaissement" variants come second). The 0 %
        rate, which l10n_fr has no tax for, gets one created on first use."""
        self.ensure_one()
        key = quote_billing.rate_key(rate)
        taxes = self.env["account.tax"].sudo().search([
            ("company_id", "=", self.id), ("type_tax_use", "=", "sale"),
            ("amount_type", "=", "percent"), ("price_include", "=", False)])
        taxes = taxes.filtered(lambda t: quote_billing.rate_key(t.amount) == key)
        if taxes:
            on_invoice = taxes.filtered(lambda t: t.tax_exigibility == "on_invoice")
            return (on_invoice or taxes).sorted(lambda t: (t.sequence, t.id))[0]
        if key == 0 and self.chart_template_id:
            return self.env["account.tax"].sudo().create({
                "name": _("VAT 0% (exempt)"), "description": _("VAT 0%"),
                "amount": 0.0, "amount_type": "percent", "type_tax_use": "sale",
                "company_id": self.id, "sequence": 20})
        raise UserError(_(
            "The company %(company)s has no sale tax of %(rate)s %% (excluded from the price): "
            "install the French chart of accounts or create this tax in Billing > "
            "Configuration > Taxes.") % {"company": self.name, "rate": format(key, "f")})

    def _crm_billing_deposit_account(self):
        """The account of deposits received: 4191 "Clients - avances et
        acomptes reçus sur commandes" of the French chart."""
        self.ensure_one()
        account = self.env["account.account"].sudo().search([
            ("company_id", "=", self.id), ("code", "=like", "4191%"),
            ("deprecated", "=", False)], order="code", limit=1)
        if not account:
            raise UserError(_(
                "The company %s has no account 4191 (customer deposits received): install the "
                "French chart of accounts or create an account whose number starts with "
                "4191.") % self.name)
        return account

    def _crm_billing_sale_journal(self):
        self.ensure_one()
        journal = self.env["account.journal"].sudo().search([
            ("company_id", "=", self.id), ("type", "=", "sale")], order="sequence, id", limit=1)
        if not journal:
            raise UserError(_("The company %s has no sales journal: install the French chart "
                              "of accounts first.") % self.name)
        return journal

    @api.model
    def _crm_billing_round_vat_globally(self):
        """French invoices compute the VAT once per rate on the sum of the
        bases, as crm_sales' quotes do: Odoo's "round globally"."""
        companies = self.sudo().search([
            ("tax_calculation_rounding_method", "!=", "round_globally"),
            ("partner_id.country_id", "=", self.env.ref("base.fr").id)])
        companies.write({"tax_calculation_rounding_method": "round_globally"})
        return companies
