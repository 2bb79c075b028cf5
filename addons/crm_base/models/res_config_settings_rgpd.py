# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from .res_partner_rgpd_retention import DEFAULT_RETENTION_MONTHS, RETENTION_PARAM


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    crm_rgpd_retention_months = fields.Integer(
        string="Retention of prospects (months)", default=DEFAULT_RETENTION_MONTHS,
        help="A prospect with no email, note, meeting, activity or consent for this many months "
             "is listed for erasure (the CNIL recommends 3 years).")

    @api.model
    def get_values(self):
        values = super(ResConfigSettings, self).get_values()
        values["crm_rgpd_retention_months"] = self.env["res.partner"]._crm_rgpd_retention_months()
        return values

    def set_values(self):
        res = super(ResConfigSettings, self).set_values()
        if self.crm_rgpd_retention_months < 1:
            raise ValidationError(
                _("The retention period of prospects must be at least one month."))
        self.env["ir.config_parameter"].sudo().set_param(
            RETENTION_PARAM, str(self.crm_rgpd_retention_months))
        return res
