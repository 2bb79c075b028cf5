# -*- coding: utf-8 -*-
"""A French customer with a VAT number is a domestic customer.

Odoo 11 looks first, for a customer with a VAT number, at the automatic fiscal
positions that require one: l10n_fr's "Intra-EU B2B" (country group Europe,
France included) wins over "Domestique - France" (country France, no VAT
required). A French company's invoice to a French company would then map its
VAT to intra-EU 0 % and print the exemption of CGI art. 262 ter I. Here, for
a customer in the company's own country, a position of that country comes
first; a customer of another country is left to Odoo's rules (a Belgian
company still gets the intra-EU position, as Odoo's own tests expect).
"""
from odoo import api, models


class AccountFiscalPosition(models.Model):
    _inherit = "account.fiscal.position"

    @api.model
    def _get_fpos_by_region(self, country_id=False, state_id=False, zipcode=False,
                            vat_required=False):
        fpos = super(AccountFiscalPosition, self)._get_fpos_by_region(
            country_id, state_id, zipcode, vat_required)
        company = self.env["res.company"].browse(
            self.env.context.get("force_company")) or self.env.user.company_id
        domestic = country_id and country_id == company.country_id.id
        if vat_required and domestic and fpos and fpos.country_id.id != country_id:
            exact = super(AccountFiscalPosition, self)._get_fpos_by_region(
                country_id, state_id, zipcode, False)
            if exact and exact.country_id.id == country_id:
                return exact
        return fpos
