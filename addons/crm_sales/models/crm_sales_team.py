# -*- coding: utf-8 -*-
from odoo import _, api, fields, models


class CrmSalesTeam(models.Model):
    """A sales team and its pipeline.

    Each team works its own pipeline: the stages whose team is empty are
    shared by every pipeline, the others belong to one team. A salesperson
    sees the opportunities they own and those of their teams (record rules).
    """
    _name = "crm.sales.team"
    _description = "Sales team"
    _order = "sequence, name"

    name = fields.Char(string="Sales team", required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True,
        default=lambda self: self.env.user.company_id)
    leader_id = fields.Many2one("res.users", string="Team leader")
    member_ids = fields.Many2many(
        "res.users", "crm_sales_team_member_rel", "team_id", "user_id",
        string="Members")
    color = fields.Integer()
    stage_ids = fields.One2many(
        "crm.opportunity.stage", "team_id", string="Own stages",
        help="Stages of this pipeline only; stages without a team are shared by all pipelines.")
    opportunity_ids = fields.One2many("crm.opportunity", "team_id", string="Opportunities")
    open_opportunity_count = fields.Integer(
        string="Open opportunities", compute="_compute_open_opportunities")
    open_expected_revenue = fields.Monetary(
        string="Open pipeline", compute="_compute_open_opportunities",
        currency_field="currency_id")
    currency_id = fields.Many2one(related="company_id.currency_id", readonly=True)

    def _compute_open_opportunities(self):
        data = self.env["crm.opportunity"].read_group(
            [("team_id", "in", self.ids), ("state", "=", "open")],
            ["team_id", "expected_revenue"], ["team_id"])
        by_team = {d["team_id"][0]: d for d in data}
        for team in self:
            row = by_team.get(team.id, {})
            team.open_opportunity_count = row.get("team_id_count", 0)
            team.open_expected_revenue = row.get("expected_revenue", 0.0)

    @api.model
    def _crm_default_team(self, user=None):
        """The team of a user: one they lead, else one they belong to."""
        user = user or self.env.user
        team = self.search([("leader_id", "=", user.id)], limit=1)
        return team or self.search([("member_ids", "in", user.id)], limit=1)

    def action_open_pipeline(self):
        self.ensure_one()
        action = self.env.ref("crm_sales.crm_opportunity_action_pipeline").read()[0]
        action["display_name"] = action["name"] = _("Pipeline: %s") % self.name
        action["context"] = {"default_team_id": self.id, "search_default_team_id": self.id,
                             "search_default_open": 1}
        return action
