# -*- coding: utf-8 -*-
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    crm_mail_tracking = fields.Boolean(related="company_id.crm_mail_tracking",
                                       string="Track email opens and clicks")
