# -*- coding: utf-8 -*-
"""A French customer or supplier with a VAT number is domestic, not intra-EU.

Odoo 11 looks first for the automatic fiscal positions that require a VAT
number, then for the others. l10n_fr's "Intra-EU B2B" requires one and
covers the whole of Europe (France included), while "Domestique - France"
does not: so every French company with a VAT number got the intra-EU
position, which replaces French VAT by the reverse-charge taxes (measured on
a vendor bill of a supplier order: "TVA due s/ acq. intracommunautaire"
instead of "TVA déductible (achat) 20,0%"). Here a partner in the company's
own country gets a position made for that country first.
"""
from odoo import api, models


class AccountFiscalPosition(models.Model):
    _inherit = "account.fiscal.position"

    @api.model
    def get_fiscal_position(self, partner_id, delivery_id=None):
        position_id = super(AccountFiscalPosition, self).get_fiscal_position(
            partner_id, delivery_id=delivery_id)
        if not position_id:
            return position_id
        position = self.browse(position_id)
        partners = self.env["res.partner"].browse(partner_id)
        delivery = self.env["res.partner"].browse(delivery_id) if delivery_id else partners
        company = self.env["res.company"].browse(
            self.env.context.get("force_company")) or self.env.user.company_id
        country = delivery.country_id
        if (position.vat_required and not position.country_id and country
                and country == company.country_id
                and not (delivery.property_account_position_id
                         or partners.property_account_position_id)):
            domestic = self._get_fpos_by_region(
                country.id, delivery.state_id.id, delivery.zip, False)
            if domestic and domestic.country_id == country:
                return domestic.id
        return position_id
