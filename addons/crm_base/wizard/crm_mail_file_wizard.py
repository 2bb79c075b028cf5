# -*- coding: utf-8 -*-
from odoo import api, fields, models


class CrmMailFileWizard(models.TransientModel):
    """"File to...": post the selected unfiled emails on a contact or company."""
    _name = "crm.mail.file.wizard"
    _description = "File emails to a contact"

    unfiled_ids = fields.Many2many("crm.mail.unfiled", string="Emails", required=True)
    partner_id = fields.Many2one("res.partner", string="File to", required=True,
                                 help="The contact or company whose history receives the emails.")

    @api.model
    def default_get(self, field_names):
        values = super(CrmMailFileWizard, self).default_get(field_names)
        if self.env.context.get("active_model") == "crm.mail.unfiled":
            unfiled = self.env["crm.mail.unfiled"].browse(
                self.env.context.get("active_ids") or []).filtered(lambda u: u.state != "filed")
            values["unfiled_ids"] = [(6, 0, unfiled.ids)]
        return values

    def action_file(self):
        self.ensure_one()
        self.unfiled_ids.action_file_to(self.partner_id)
        return {"type": "ir.actions.act_window_close"}
