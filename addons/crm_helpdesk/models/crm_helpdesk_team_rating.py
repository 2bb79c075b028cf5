# -*- coding: utf-8 -*-
"""A team's satisfaction figures: the option to ask for a rating when a
ticket is solved, the percent of satisfied customers and the NPS of its
survey, over the last 90 days (or any period, by the methods)."""
from datetime import timedelta

from odoo import _, api, fields, models

from ..logic import nps as nps_logic

FIGURES_DAYS = 90


class CrmHelpdeskTeam(models.Model):
    _inherit = "crm.helpdesk.team"

    crm_rating_enabled = fields.Boolean(
        string="Ask for a rating when solved", default=True,
        help="When a ticket of the team is solved, its customer gets a mail to rate the "
             "service in one click (satisfied, not satisfied, highly dissatisfied).")
    crm_satisfaction = fields.Integer(
        string="Satisfaction (%)", compute="_compute_crm_satisfaction",
        help="Percent of satisfied customers among the ratings of the last 90 days.")
    crm_rating_count = fields.Integer(string="Ratings (90 days)",
                                      compute="_compute_crm_satisfaction")
    crm_nps_survey_ids = fields.One2many("crm.helpdesk.nps.survey", "team_id",
                                         string="NPS survey")
    crm_nps = fields.Integer(string="NPS", compute="_compute_crm_nps",
                             help="Net Promoter Score of the last 90 days: percent of "
                                  "promoters (9-10) minus percent of detractors (0-6).")
    crm_nps_count = fields.Integer(string="NPS answers (90 days)", compute="_compute_crm_nps")

    @api.model
    def _crm_figures_since(self):
        return fields.Datetime.to_string(fields.Datetime.from_string(fields.Datetime.now())
                                         - timedelta(days=FIGURES_DAYS))

    def crm_satisfaction_for(self, date_from=None, date_to=None):
        """{team id: (percent satisfied or None, number of ratings)} over the period."""
        Ticket = self.env["crm.ticket"]
        domain = Ticket._crm_satisfaction_domain(date_from, date_to) + [
            ("parent_res_model", "=", self._name), ("parent_res_id", "in", self.ids)]
        values = {team.id: [] for team in self}
        for rating in self.env["rating.rating"].sudo().search_read(
                domain, ["parent_res_id", "rating"]):
            values[rating["parent_res_id"]].append(rating["rating"])
        return {team_id: (nps_logic.satisfaction_percent(scores), len(scores))
                for team_id, scores in values.items()}

    def crm_nps_for(self, date_from=None, date_to=None):
        """{team id: figures of logic.nps.nps} of the answers given in the period."""
        domain = [("team_id", "in", self.ids), ("state", "=", "answered")]
        if date_from:
            domain.append(("answer_date", ">=", date_from))
        if date_to:
            domain.append(("answer_date", "<", date_to))
        scores = {team.id: [] for team in self}
        for response in self.env["crm.helpdesk.nps.response"].sudo().search_read(
                domain, ["team_id", "score"]):
            scores[response["team_id"][0]].append(response["score"])
        return {team_id: nps_logic.nps(values) for team_id, values in scores.items()}

    def crm_nps_history(self, period="month", date_from=None):
        """The team's NPS per period ('month', 'quarter' or 'year'): a list of
        {"period": first day 'YYYY-MM-DD', "nps", "count", "promoters",
        "passives", "detractors"}, oldest first (callable over XML-RPC)."""
        self.ensure_one()
        domain = [("team_id", "=", self.id), ("state", "=", "answered")]
        if date_from:
            domain.append(("answer_date", ">=", date_from))
        answers = [(fields.Datetime.from_string(r["answer_date"]), r["score"])
                   for r in self.env["crm.helpdesk.nps.response"].sudo().search_read(
                       domain, ["answer_date", "score"]) if r["answer_date"]]
        return [dict(figures, period=fields.Date.to_string(start))
                for start, figures in nps_logic.nps_by_period(answers, period)]

    def _compute_crm_satisfaction(self):
        teams = self.filtered(lambda team: isinstance(team.id, int))
        figures = teams.crm_satisfaction_for(self._crm_figures_since()) if teams else {}
        for team in self:
            percent, count = figures.get(team.id, (None, 0))
            team.crm_satisfaction = percent or 0
            team.crm_rating_count = count

    def _compute_crm_nps(self):
        teams = self.filtered(lambda team: isinstance(team.id, int))
        figures = teams.crm_nps_for(self._crm_figures_since()) if teams else {}
        for team in self:
            values = figures.get(team.id) or nps_logic.nps([])
            team.crm_nps = values["nps"] or 0
            team.crm_nps_count = values["count"]

    def action_crm_open_ratings(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window", "name": _("Ratings of %s") % self.name,
            "res_model": "rating.rating", "view_mode": "tree,form",
            "views": [(self.env.ref("crm_helpdesk.crm_ticket_rating_view_tree").id, "tree"),
                      (False, "form")],
            "domain": [("res_model", "=", "crm.ticket"), ("parent_res_model", "=", self._name),
                       ("parent_res_id", "=", self.id), ("consumed", "=", True)],
            "context": {"create": False},
        }

    def action_crm_open_nps(self):
        self.ensure_one()
        action = self.env.ref("crm_helpdesk.crm_helpdesk_nps_response_action").read()[0]
        action["domain"] = [("team_id", "=", self.id)]
        action["context"] = {"search_default_answered": 1}
        action["display_name"] = _("NPS answers of %s") % self.name
        return action
