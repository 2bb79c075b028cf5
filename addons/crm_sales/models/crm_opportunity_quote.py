# -*- coding: utf-8 -*-
from odoo import _, api, fields, models


class CrmOpportunity(models.Model):
    """The quotes of an opportunity, made and followed from its form, and what
    the customer did with them (visits of the share link: smart button)."""
    _inherit = "crm.opportunity"

    quote_ids = fields.One2many(
        "crm.quote", "opportunity_id", string="Quotes",
        domain=[("superseded_by_id", "=", False)],
        help="The quotes of this opportunity (the latest revision of each).")
    quote_count = fields.Integer(string="Number of quotes", compute="_compute_quote_count")
    quote_visit_count = fields.Integer(
        string="Quote views", compute="_compute_quote_visits",
        help="How many times the customer opened or downloaded the quotes.")
    quote_last_viewed_on = fields.Datetime(
        string="Quote last viewed on", compute="_compute_quote_visits")

    @api.depends("quote_ids")
    def _compute_quote_count(self):
        for opp in self:
            opp.quote_count = len(opp.quote_ids)

    def _crm_quote_defaults(self):
        """Context defaults of a quote made from this opportunity."""
        self.ensure_one()
        return {
            "default_opportunity_id": self.id,
            "default_partner_id": (self.partner_id or self.contact_id).id,
            "default_contact_id": self.contact_id.id,
            "default_user_id": self.user_id.id,
            "default_team_id": self.team_id.id,
            "default_company_id": self.company_id.id,
            "default_payment_term_id": self.payment_term_id.id,
        }

    def action_new_quote(self):
        """A new quote form prefilled from the opportunity."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("New quote"),
            "res_model": "crm.quote",
            "view_mode": "form",
            "views": [(self.env.ref("crm_sales.crm_quote_view_form").id, "form")],
            "target": "current",
            "context": self._crm_quote_defaults(),
        }

    def action_view_quotes(self):
        self.ensure_one()
        action = self.env.ref("crm_sales.crm_quote_action").read()[0]
        action["domain"] = [("opportunity_id", "=", self.id),
                            ("superseded_by_id", "=", False)]
        action["context"] = self._crm_quote_defaults()
        if len(self.quote_ids) == 1:
            action["views"] = [(self.env.ref("crm_sales.crm_quote_view_form").id, "form")]
            action["res_id"] = self.quote_ids.id
        return action

    def _compute_quote_visits(self):
        Visits = self.env["crm.quote.visit"]
        for opp in self:
            if not isinstance(opp.id, int):
                opp.quote_visit_count = 0
                opp.quote_last_viewed_on = False
                continue
            domain = [("opportunity_id", "=", opp.id)]
            opp.quote_visit_count = Visits.search_count(domain)
            opp.quote_last_viewed_on = Visits.search(domain, limit=1, order="date desc").date

    def action_view_quote_visits(self):
        self.ensure_one()
        action = self.env.ref("crm_sales.crm_quote_visit_action").read()[0]
        action["domain"] = [("opportunity_id", "=", self.id)]
        return action
