# -*- coding: utf-8 -*-
"""Import a supplier's Factur-X PDF as a draft vendor bill (from the vendor bills)."""
from odoo import _, fields, models
from odoo.exceptions import UserError


class CrmFacturxImportWizard(models.TransientModel):
    _name = "crm.facturx.import.wizard"
    _description = "Import a Factur-X invoice"

    pdf_file = fields.Binary(string="Factur-X PDF", required=True, attachment=False)
    filename = fields.Char("File name")
    company_id = fields.Many2one(
        "res.company", required=True,
        default=lambda self: self.env.user.company_id)

    def action_import(self):
        self.ensure_one()
        if not self.pdf_file:
            raise UserError(_("Choose the supplier's Factur-X PDF to import."))
        bill_id = self.env["account.invoice"].crm_import_facturx(
            self.pdf_file, filename=self.filename, company_id=self.company_id.id)
        return {
            "type": "ir.actions.act_window",
            "name": _("Vendor bill"),
            "res_model": "account.invoice",
            "res_id": bill_id,
            "view_mode": "form",
            "views": [(self.env.ref("account.invoice_supplier_form").id, "form")],
            "target": "current",
        }
