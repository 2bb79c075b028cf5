# -*- coding: utf-8 -*-
"""A team's NPS survey: "how likely are you to recommend us?" (0 to 10),
sent by mail to the customers of its tickets by a rule (after every N
tickets solved, or at most every N days after a ticket solved); the mail
has eleven one-click links, one per score."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..logic import nps as nps_logic

NPS_TEMPLATE = "crm_helpdesk.crm_helpdesk_nps_mail_template"


class CrmHelpdeskNpsSurvey(models.Model):
    _name = "crm.helpdesk.nps.survey"
    _description = "Helpdesk NPS survey"
    _order = "team_id"

    name = fields.Char(compute="_compute_name")
    team_id = fields.Many2one("crm.helpdesk.team", required=True, ondelete="cascade",
                              index=True)
    company_id = fields.Many2one(related="team_id.company_id", store=True, readonly=True)
    active = fields.Boolean(default=True)
    question = fields.Char(
        required=True, translate=True,
        default=lambda self: _("How likely are you to recommend us to a friend or colleague?"))
    rule = fields.Selection(
        [("tickets", "After a number of solved tickets"),
         ("days", "At most every N days, after a solved ticket")],
        string="Send", required=True, default="tickets")
    interval = fields.Integer(
        string="Every", required=True, default=3,
        help="Tickets solved (rule by tickets) or days (rule by days) between two surveys "
             "to the same customer.")
    response_ids = fields.One2many("crm.helpdesk.nps.response", "survey_id", string="Answers")

    _sql_constraints = [("crm_helpdesk_nps_survey_team_unique", "UNIQUE(team_id)",
                         "A team has one NPS survey.")]

    @api.depends("team_id")
    def _compute_name(self):
        for survey in self:
            survey.name = _("NPS of %s") % (survey.team_id.name or "")

    @api.constrains("interval")
    def _check_interval(self):
        for survey in self:
            if survey.interval < 1:
                raise ValidationError(_("The NPS survey of %s: the interval must be at least 1.")
                                      % survey.team_id.name)

    def _crm_send_if_due(self, partner, ticket=None):
        """Send the survey to ``partner`` if the rule says it is time; the
        response record made, or an empty recordset."""
        self.ensure_one()
        Response = self.env["crm.helpdesk.nps.response"].sudo()
        if not self.active or not partner.email:
            return Response
        last = Response.search([("survey_id", "=", self.id), ("partner_id", "=", partner.id)],
                               order="sent_date desc, id desc", limit=1)
        closed = [("team_id", "=", self.team_id.id), ("partner_id", "=", partner.id),
                  ("stage_state", "=", "solved")]
        if last:
            # solved after it was sent (in the same second: after its ticket)
            closed += ["|", ("closed_date", ">", last.sent_date),
                       "&", ("closed_date", "=", last.sent_date),
                       ("id", ">", last.ticket_id.id or 0)]
        closed_count = self.env["crm.ticket"].sudo().search_count(closed)
        last_sent = fields.Datetime.from_string(last.sent_date) if last else None
        now = fields.Datetime.from_string(fields.Datetime.now())
        if not nps_logic.survey_due(self.rule, self.interval, closed_count, last_sent, now):
            return Response
        return self._crm_send(partner, ticket)

    def _crm_send(self, partner, ticket=None):
        """A new response awaiting the customer's click, and its mail (queued)."""
        self.ensure_one()
        response = self.env["crm.helpdesk.nps.response"].sudo().create({
            "survey_id": self.id, "partner_id": partner.id,
            "ticket_id": ticket.id if ticket else False})
        template = self.env.ref(NPS_TEMPLATE)
        template.sudo().with_context(lang=partner.lang or False).send_mail(
            response.id, force_send=False)
        return response
