# -*- coding: utf-8 -*-
import uuid

from odoo import api, fields, models

QUOTE_STATES = [
    ("draft", "Draft"),
    ("sent", "Sent"),
    ("signed", "Signed"),
    ("refused", "Refused"),
    ("cancel", "Cancelled"),
]


class CrmQuote(models.Model):
    """A quote (devis) made inside an opportunity.

    Core fields; lines and totals, revisions and the PDF, the share link and
    the e-signature extend this model in their own files.
    """
    _name = "crm.quote"
    _description = "Quote"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(string="Number", required=True, copy=False, readonly=True,
                       default="/", index=True)
    opportunity_id = fields.Many2one(
        "crm.opportunity", string="Opportunity", index=True, ondelete="cascade",
        track_visibility="onchange")
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True,
        track_visibility="onchange")
    contact_id = fields.Many2one(
        "res.partner", string="Contact", domain="[('is_company', '=', False)]",
        help="The person the quote is sent to and who signs it.")
    user_id = fields.Many2one(
        "res.users", string="Salesperson", index=True, default=lambda self: self.env.user)
    team_id = fields.Many2one("crm.sales.team", string="Sales team")
    company_id = fields.Many2one(
        "res.company", string="Company", required=True, index=True,
        default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(
        "res.currency", related="company_id.currency_id", store=True, readonly=True)
    state = fields.Selection(
        QUOTE_STATES, string="Status", default="draft", required=True, index=True,
        copy=False, track_visibility="onchange")
    date = fields.Date(string="Quote date", default=fields.Date.context_today, copy=False)
    validity_date = fields.Date(string="Valid until", copy=False)
    payment_term_id = fields.Many2one("crm.payment.term", string="Payment terms")
    sent_date = fields.Datetime(string="Sent on", readonly=True, copy=False)
    note = fields.Html(string="Terms and conditions", sanitize=True)

    # share link and e-signature
    access_token = fields.Char(
        string="Share token", copy=False, readonly=True, groups="base.group_user",
        default=lambda self: uuid.uuid4().hex)
    signer_name = fields.Char(string="Signed by", readonly=True, copy=False)
    signer_email = fields.Char(string="Signer email", readonly=True, copy=False)
    signer_ip = fields.Char(string="Signer IP address", readonly=True, copy=False)
    signed_on = fields.Datetime(string="Signed on", readonly=True, copy=False)
    signature_image = fields.Binary(string="Signature", readonly=True, copy=False,
                                    attachment=True)
    signed_pdf_sha256 = fields.Char(string="SHA-256 of the signed PDF", readonly=True,
                                    copy=False)
    signed_attachment_id = fields.Many2one("ir.attachment", string="Signed PDF",
                                           readonly=True, copy=False)
    refused_on = fields.Datetime(string="Refused on", readonly=True, copy=False)
    refuse_reason = fields.Text(string="Reason for refusal", readonly=True, copy=False)

    @api.onchange("opportunity_id")
    def _onchange_opportunity_id(self):
        opp = self.opportunity_id
        if opp:
            self.partner_id = opp.partner_id or opp.contact_id
            self.contact_id = opp.contact_id
            self.user_id = opp.user_id
            self.team_id = opp.team_id
            self.payment_term_id = opp.payment_term_id
