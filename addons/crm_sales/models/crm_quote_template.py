# -*- coding: utf-8 -*-
from odoo import _, fields, models
from odoo.exceptions import UserError


class CrmQuoteTemplate(models.Model):
    """Ready-made quote: lines, terms and validity to start a quote from."""
    _name = "crm.quote.template"
    _description = "Quote template"
    _order = "name"

    name = fields.Char(string="Template", required=True, translate=True)
    active = fields.Boolean(default=True)
    line_ids = fields.One2many("crm.quote.template.line", "template_id", string="Lines",
                               copy=True)
    validity_days = fields.Integer(
        string="Validity (days)",
        help="Days a quote made from this template is valid; empty: the company's.")
    note = fields.Html(string="Terms and conditions", sanitize=True, translate=True)
    payment_term_id = fields.Many2one(
        "crm.payment.term", string="Payment terms",
        help="Used when the opportunity has no payment terms of its own.")

    _sql_constraints = [
        ("validity_days_positive", "CHECK(validity_days >= 0)",
         "The validity cannot be negative."),
    ]

    def _crm_create_quote(self, opportunity):
        """A new draft quote for ``opportunity`` (crm.opportunity) with the
        customer, contact, owner, team and payment terms of the opportunity
        and the lines of this template. Returns the crm.quote."""
        self.ensure_one()
        opportunity.ensure_one()
        partner = opportunity.partner_id or opportunity.contact_id
        if not partner:
            raise UserError(_("The opportunity %s has no customer: choose one before "
                              "making a quote.") % opportunity.display_name)
        lang = partner.lang or self.env.lang
        template = self.with_context(lang=lang)
        vals = {
            "opportunity_id": opportunity.id,
            "partner_id": partner.id,
            "contact_id": opportunity.contact_id.id,
            "user_id": opportunity.user_id.id,
            "team_id": opportunity.team_id.id,
            "company_id": opportunity.company_id.id,
            "payment_term_id": (opportunity.payment_term_id or self.payment_term_id).id,
            "note": template.note,
            "line_ids": [(0, 0, line._crm_line_values())
                         for line in template.line_ids],
        }
        if self.validity_days:
            date = fields.Date.context_today(self)
            vals.update(date=date, validity_date=self.env["crm.quote"]._crm_validity_date(
                date, opportunity.company_id, self.validity_days))
        return self.env["crm.quote"].create(vals)
