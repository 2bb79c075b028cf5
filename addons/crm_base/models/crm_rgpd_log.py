# -*- coding: utf-8 -*-
"""The register of RGPD operations: who exported or erased whose data, when.

A line names the contact by its id only: after an erasure its name must not
be found anywhere, not even here. Lines are written by the operations
themselves (as superuser) and nobody changes them afterwards.
"""
from odoo import _, fields, models
from odoo.exceptions import UserError

RGPD_OPERATIONS = [
    ("export", "Export of personal data"),
    ("erase", "Erasure"),
]


class CrmRgpdLog(models.Model):
    _name = "crm.rgpd.log"
    _description = "RGPD operation"
    _order = "date desc, id desc"
    _rec_name = "operation"

    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)
    user_id = fields.Many2one("res.users", string="Done by", required=True, readonly=True,
                              ondelete="restrict", default=lambda self: self.env.user)
    operation = fields.Selection(RGPD_OPERATIONS, required=True, readonly=True)
    partner_ref = fields.Integer(
        string="Contact ID", required=True, readonly=True, index=True,
        help="Identifier of the contact in the database (its name is not kept).")
    summary = fields.Text(string="What was done", readonly=True)
    message_count = fields.Integer(string="Messages", readonly=True)
    attachment_count = fields.Integer(string="Documents", readonly=True)
    event_count = fields.Integer(string="Meetings", readonly=True)
    consent_count = fields.Integer(string="Consents", readonly=True)
    retained_count = fields.Integer(
        string="Legally retained documents", readonly=True,
        help="Records kept because the law says so (invoices...), with the contact's name "
             "replaced.")
    has_archive = fields.Boolean(string="Archive available", compute="_compute_has_archive")

    def _archive(self):
        self.ensure_one()
        return self.env["ir.attachment"].search(
            [("res_model", "=", self._name), ("res_id", "=", self.id)], limit=1)

    def _compute_has_archive(self):
        for log in self:
            log.has_archive = log.operation == "export" and bool(log._archive())

    def action_download(self):
        archive = self._archive()
        if not archive:
            raise UserError(_("The archive of this export no longer exists: the contact was "
                              "erased."))
        return {"type": "ir.actions.act_url",
                "url": "/web/content/%d?download=true" % archive.id, "target": "self"}
