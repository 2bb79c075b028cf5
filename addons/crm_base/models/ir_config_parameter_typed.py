# -*- coding: utf-8 -*-
"""Typed system parameters: read a number or a yes/no setting in one call.

``ir.config_parameter`` stores text. The suite's settings are read with::

    days = self.env["ir.config_parameter"]._crm_get_int("crm_sales.x_days", 14, minimum=1)
    hours = self.env["ir.config_parameter"]._crm_get_float("crm_base.y_hours", 7.0,
                                                           minimum=0, maximum=24)
    on = self.env["ir.config_parameter"]._crm_get_bool("crm_base.z_enabled", True)

as superuser (settings are read by jobs and by users who may not read the
parameters). A missing, unreadable or out-of-bounds value gives the default
(``logic/settings.py``).
"""
from odoo import api, models

from ..logic import settings


class IrConfigParameter(models.Model):
    _inherit = "ir.config_parameter"

    @api.model
    def _crm_raw(self, key):
        return self.sudo().get_param(key)

    @api.model
    def _crm_get_int(self, key, default, minimum=None, maximum=None):
        """The integer setting ``key``; ``default`` when missing, not an integer
        or outside [minimum, maximum]."""
        return settings.parse_int(self._crm_raw(key), default, minimum, maximum)

    @api.model
    def _crm_get_float(self, key, default, minimum=None, maximum=None):
        """The number setting ``key`` (a decimal comma is accepted)."""
        return settings.parse_float(self._crm_raw(key), default, minimum, maximum)

    @api.model
    def _crm_get_bool(self, key, default=False):
        """The yes/no setting ``key`` ("1"/"0", "true"/"false", "yes"/"no", "on"/"off")."""
        return settings.parse_bool(self._crm_raw(key), default)
