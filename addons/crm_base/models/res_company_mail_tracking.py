# -*- coding: utf-8 -*-
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    crm_mail_tracking = fields.Boolean(
        string="Track email opens and clicks", default=True,
        help="Emails sent from the CRM carry an invisible image and tracked links, "
             "so that the message and the contact show when they were opened and clicked.")
