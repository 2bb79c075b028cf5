# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CrmOpportunityStage(models.Model):
    """A column of the pipeline.

    The stage gives its default probability to the opportunities that enter
    it; a *won* stage closes them as won (100 %), a *lost* stage as lost (0 %).
    Stages without a team are shared by every pipeline.
    """
    _name = "crm.opportunity.stage"
    _description = "Pipeline stage"
    _order = "sequence, id"

    name = fields.Char(string="Stage", required=True, translate=True)
    sequence = fields.Integer(default=10)
    probability = fields.Float(
        string="Probability (%)", default=10.0, group_operator="avg",
        help="Default probability of the opportunities that enter this stage.")
    is_won = fields.Boolean(string="Won stage")
    is_lost = fields.Boolean(string="Lost stage")
    fold = fields.Boolean(
        string="Folded in the pipeline",
        help="Folded columns of the Kanban show their count and totals only.")
    team_id = fields.Many2one(
        "crm.sales.team", string="Pipeline", ondelete="cascade",
        help="Leave empty to share the stage between all pipelines.")
    requirements = fields.Text(
        string="What to do in this stage", translate=True,
        help="Shown as a tooltip on the column of the pipeline.")

    _sql_constraints = [
        ("probability_range", "CHECK(probability >= 0 AND probability <= 100)",
         "The probability of a stage is between 0 and 100 %."),
    ]

    @api.constrains("is_won", "is_lost")
    def _check_won_lost(self):
        for stage in self:
            if stage.is_won and stage.is_lost:
                raise ValidationError(_("A stage cannot be both won and lost."))

    @api.onchange("is_won", "is_lost")
    def _onchange_won_lost(self):
        if self.is_won:
            self.probability, self.fold = 100.0, True
        elif self.is_lost:
            self.probability, self.fold = 0.0, True

    @api.model
    def _crm_stages_of(self, team):
        """Stages of a team's pipeline (shared ones included), in order."""
        return self.search(["|", ("team_id", "=", False), ("team_id", "=", team.id)])

    @api.model
    def _crm_first_stage(self, team):
        return self._crm_stages_of(team).filtered(lambda s: not s.is_won and not s.is_lost)[:1]

    @api.model
    def _crm_won_stage(self, team):
        return self._crm_stages_of(team).filtered("is_won")[:1]

    @api.model
    def _crm_lost_stage(self, team):
        return self._crm_stages_of(team).filtered("is_lost")[:1]

    def unlink(self):
        # through the ORM, so that the stage rules take their automated actions along
        self.env["crm.stage.rule"].sudo().with_context(active_test=False).search(
            [("stage_id", "in", self.ids)]).unlink()
        return super(CrmOpportunityStage, self).unlink()
