# -*- coding: utf-8 -*-
"""French VAT numbers checked for real.

base_vat checks a French number with the ``vatnumber`` package and, without it
(it does not build on Python 3.11), only that the country code exists, so
"FR00000000000" passes. python-stdnum checks the key against the SIREN.
"""
from odoo import api, models

from ..logic import legal_ids


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def check_vat_fr(self, vat):
        return legal_ids.is_valid_fr_vat_number(vat)
