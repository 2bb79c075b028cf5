# -*- coding: utf-8 -*-
"""A French customer with a VAT number is a domestic customer.

Odoo 11 looks first, for a customer with a VAT number, at the automatic fiscal
positions that require one: l10n_fr's "Intra-EU B2B" (country group Europe,
France included) wins over "Domestique - France" (country France, no VAT
required). A French company's invoice to a French company would then map its
VAT to intra-EU 0 % and print the exemption of CGI art. 262 ter I. Here a
position of the customer's own country comes first; a customer of another EU
country still gets the intra-EU position.
"""
from odoo import api, models


class AccountFiscalPosition(models.Model):
    _inherit = "account.fiscal.position"

    @api.model
    def _get_fpos_by_region(self, country_id=False, state_id=False, zipcode=False,
                            vat_required=False):
        fpos = super(AccountFiscalPosition, self)._get_fpos_by_region(
            country_id, state_id, zipcode, vat_required)
        if vat_required and country_id and fpos and fpos.country_id.id != country_id:
            exact = super(AccountFiscalPosition, self)._get_fpos_by_region(
                country_id, state_id, zipcode, False)
            if exact and exact.country_id.id == country_id:
                return exact
        return fpos
