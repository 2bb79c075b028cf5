# -*- coding: utf-8 -*-
"""The French chart of accounts (PCG of l10n_fr) for every French company."""
from odoo import api, models


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model
    def _crm_billing_setup_french_companies(self):
        """What crm_billing sets up on the French companies: the French
        chart, invoices FAC/<year>/00001 and credit notes AV/<year>/00001
        (companies whose chart was loaded earlier; later ones get it with
        their chart, account_chart_template.py), VAT rounded per rate. Run
        at install (hooks.py) and by the demo once its company is French,
        before its invoices; each step leaves alone what is already set."""
        self._crm_billing_load_french_chart()
        self.search([])._crm_billing_set_invoice_numbering()
        self._crm_billing_round_vat_globally()

    @api.model
    def _crm_billing_load_french_chart(self):
        """Load l10n_fr's chart on the French companies that have none yet,
        the way l10n_fr loads it for the current company at install."""
        template = self.env.ref("l10n_fr.l10n_fr_pcg_chart_template")
        france = self.env.ref("base.fr")
        companies = self.sudo().search([
            ("chart_template_id", "=", False), ("partner_id.country_id", "=", france.id)])
        for company in companies:
            wizard = self.env["wizard.multi.charts.accounts"].sudo().create({
                "company_id": company.id,
                "chart_template_id": template.id,
                "code_digits": template.code_digits,
                "transfer_account_id": template.transfer_account_id.id,
                "currency_id": template.currency_id.id,
                "bank_account_code_prefix": template.bank_account_code_prefix,
                "cash_account_code_prefix": template.cash_account_code_prefix,
            })
            wizard.onchange_chart_template_id()
            wizard.execute()
        return companies
