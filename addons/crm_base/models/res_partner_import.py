# -*- coding: utf-8 -*-
from odoo import api, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _get_default_image(self, partner_type, is_company, parent_id):
        """No generated picture for contacts created by the contact import.

        Odoo 11 draws a placeholder picture for every new contact and stores it
        three times (big, medium, small: three PNG resizes and three
        attachments). bench/bench_import.py measured it as most of the time of
        a bulk import; without a picture the web client shows the same
        standard placeholder (as for contacts loaded from data files).
        """
        if self.env.context.get("crm_import_no_default_image"):
            return False
        return super(ResPartner, self)._get_default_image(partner_type, is_company, parent_id)
