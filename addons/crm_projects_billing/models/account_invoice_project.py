# -*- coding: utf-8 -*-
from odoo import fields, models


class AccountInvoice(models.Model):
    _inherit = "account.invoice"

    crm_project_id = fields.Many2one(
        "project.project", string="Project", index=True, copy=False, readonly=True,
        ondelete="restrict", help="The project whose time and expenses this invoice bills.")
