# -*- coding: utf-8 -*-
from odoo import api, fields, models

from ..logic import phone_numbers


class ResPartner(models.Model):
    """Find a contact from a caller's number, however it was typed.

    Each contact keeps the normalized key of its phone and its mobile
    (logic/phone_numbers.py) in stored, indexed columns: the lookup is one
    indexed query, not a loop over the contacts."""
    _inherit = "res.partner"

    crm_phone_key = fields.Char(compute="_compute_crm_phone_keys", store=True, index=True,
                                readonly=True, copy=False, string="Phone (normalized)")
    crm_mobile_key = fields.Char(compute="_compute_crm_phone_keys", store=True, index=True,
                                 readonly=True, copy=False, string="Mobile (normalized)")

    @api.depends("phone", "mobile")
    def _compute_crm_phone_keys(self):
        for partner in self:
            partner.crm_phone_key = phone_numbers.normalize(partner.phone)
            partner.crm_mobile_key = phone_numbers.normalize(partner.mobile)

    @api.model
    def crm_find_by_phone(self, number, limit=20):
        """The contacts whose phone or mobile is ``number`` (any format), people
        before companies; empty when ``number`` is not a phone number. Under the
        caller's rights (record rules apply)."""
        key = phone_numbers.normalize(number)
        if not key:
            return self.browse()
        return self.search(["|", ("crm_phone_key", "=", key), ("crm_mobile_key", "=", key)],
                           order="is_company, name, id", limit=limit)
