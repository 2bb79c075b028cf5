# -*- coding: utf-8 -*-
"""A customer's answer to a team's NPS survey: made when the survey is
sent, answered by a click on one of the eleven links of the mail (its
token); a second click changes the score, it is not a second answer."""
import uuid

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..logic import nps as nps_logic

# stored per answer so that the average in a pivot or graph is the NPS
NPS_POINTS = {"promoter": 100, "passive": 0, "detractor": -100}


class CrmHelpdeskNpsResponse(models.Model):
    _name = "crm.helpdesk.nps.response"
    _description = "Helpdesk NPS answer"
    _inherit = ["crm.timeline.mixin"]
    _order = "sent_date desc, id desc"
    _rec_name = "partner_id"

    survey_id = fields.Many2one("crm.helpdesk.nps.survey", required=True, ondelete="cascade",
                                index=True)
    team_id = fields.Many2one(related="survey_id.team_id", store=True, readonly=True,
                              string="Team")
    company_id = fields.Many2one(related="survey_id.company_id", store=True, readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, index=True,
                                 ondelete="cascade")
    ticket_id = fields.Many2one("crm.ticket", string="After the ticket", ondelete="set null")
    access_token = fields.Char(required=True, copy=False, index=True,
                               default=lambda self: uuid.uuid4().hex)
    sent_date = fields.Datetime(string="Sent on", required=True, default=fields.Datetime.now)
    state = fields.Selection([("sent", "Awaiting the answer"), ("answered", "Answered")],
                             required=True, default="sent", index=True)
    score = fields.Integer(group_operator="avg")
    category = fields.Selection(
        [("promoter", "Promoter (9-10)"), ("passive", "Passive (7-8)"),
         ("detractor", "Detractor (0-6)")], compute="_compute_category", store=True)
    nps_points = fields.Integer(
        string="NPS", compute="_compute_category", store=True, group_operator="avg",
        help="100 for a promoter, 0 for a passive, -100 for a detractor: their average over "
             "a period is the NPS.")
    answer_date = fields.Datetime(string="Answered on", index=True)
    comment = fields.Text()

    _sql_constraints = [("crm_helpdesk_nps_response_token_unique", "UNIQUE(access_token)",
                         "This survey link already exists.")]

    @api.depends("state", "score")
    def _compute_category(self):
        for response in self:
            if response.state == "answered":
                response.category = nps_logic.classify(response.score)
                response.nps_points = NPS_POINTS[response.category]
            else:
                response.category = False
                response.nps_points = 0

    @api.constrains("score", "state")
    def _check_score(self):
        for response in self:
            if response.state == "answered" and not 0 <= response.score <= 10:
                raise ValidationError(_("An NPS score goes from 0 to 10, not %s.")
                                      % response.score)

    def crm_answer(self, score, comment=None):
        """The customer's click (``score`` 0-10) or comment: one answer per
        response, the last click wins."""
        self.ensure_one()
        try:
            score = int(score)
        except (TypeError, ValueError):
            raise ValidationError(_("An NPS score goes from 0 to 10, not %s.") % score)
        values = {"score": score, "state": "answered", "answer_date": fields.Datetime.now()}
        if comment is not None:
            values["comment"] = comment.strip()[:4000]
        self.write(values)
        return True

    def crm_url(self, score=None):
        """The link of the mail: /helpdesk/nps/<token>/<score>."""
        self.ensure_one()
        base = self.env["ir.config_parameter"].sudo().get_param("web.base.url", "")
        url = "%s/helpdesk/nps/%s" % (base.rstrip("/"), self.access_token)
        return url if score is None else "%s/%d" % (url, score)

    # ---------------------------------------------------------------- the 360°

    @api.model
    def _crm_timeline_sources(self):
        return super(CrmHelpdeskNpsResponse, self)._crm_timeline_sources() + [{
            "key": "nps_answers", "label": _("NPS answers"), "icon": "fa-bullhorn",
            "sequence": 74, "date_field": "answer_date", "kind": "nps",
            "count_field": "crm_nps_response_count"}]

    @api.model
    def _crm_timeline_domain(self, key, partners):
        if key == "nps_answers":
            return [("partner_id", "in", partners.ids), ("state", "=", "answered")]
        return super(CrmHelpdeskNpsResponse, self)._crm_timeline_domain(key, partners)

    def _crm_timeline_values(self, key):
        items = super(CrmHelpdeskNpsResponse, self)._crm_timeline_values(key)
        if key != "nps_answers":
            return items
        for item, response in zip(items, self):
            item.update(title=_("NPS %(score)d/10 for %(team)s") % {
                "score": response.score, "team": response.team_id.name},
                summary=response.comment or "", author=response.partner_id.name or "")
        return items
