# -*- coding: utf-8 -*-
"""The language of a new contact, when nobody chose one (``logic/partner_lang.py``):
French for a French address when French is installed, else its company's, else
ours. Applied by ``create()`` (res_partner.py, so XML-RPC and imports get it)
and, in the form, when the country of a new contact is chosen."""
from odoo import api, models

from ..logic import partner_lang


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _crm_installed_langs(self):
        # Odoo's cached list: no query per contact (the import creates thousands)
        return {code for code, _name in self.env["res.lang"].sudo().get_installed()}

    @api.model
    def _crm_default_lang(self, vals):
        """The language for a contact created with ``vals`` and no language, or None."""
        parent = self.browse(vals.get("parent_id")).sudo()
        country = self.env["res.country"].browse(vals.get("country_id")) or parent.country_id
        company = self.env["res.company"].browse(vals.get("company_id")).sudo() \
            or self.env.user.company_id
        return partner_lang.default_lang(country.code, self._crm_installed_langs(),
                                         parent_lang=parent.lang,
                                         company_lang=company.partner_id.lang)

    @api.onchange("country_id")
    def _onchange_country_id_crm_lang(self):
        """A new contact given a French address is written to in French."""
        if self._origin.id or not self.country_id:
            return
        if self.country_id.code in partner_lang.FRENCH_ADDRESS_COUNTRIES \
                and partner_lang.FRENCH in self._crm_installed_langs():
            self.lang = partner_lang.FRENCH
