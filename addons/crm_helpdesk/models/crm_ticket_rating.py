# -*- coding: utf-8 -*-
"""The satisfaction vote of a ticket (Odoo's ``rating``): when the ticket is
solved, its customer gets one rating request mail with the one-click links
of /rating/<token>/<score>; the vote and its comment show on the ticket, on
the team (percent satisfied) and on the customer's 360° record. Solving a
ticket also sends the team's NPS survey when its rule says so."""
from odoo import _, api, fields, models

from ..logic.nps import satisfaction_percent

RATING_TEMPLATE = "crm_helpdesk.crm_ticket_rating_request_template"


class CrmTicket(models.Model):
    _inherit = "crm.ticket"

    crm_rating_text = fields.Selection(
        [("satisfied", "Satisfied"), ("not_satisfied", "Not satisfied"),
         ("highly_dissatisfied", "Highly dissatisfied")],
        string="Customer rating", compute="_compute_crm_rating",
        help="The customer's last vote on the satisfaction survey.")
    crm_rating_feedback = fields.Text(string="Customer's comment",
                                      compute="_compute_crm_rating")

    def _compute_crm_rating(self):
        ratings = self.env["rating.rating"].sudo().search(
            [("res_model", "=", self._name), ("res_id", "in", self.ids),
             ("consumed", "=", True)], order="write_date desc, id desc")
        last = {}
        for rating in ratings:
            last.setdefault(rating.res_id, rating)
        for ticket in self:
            rating = last.get(ticket.id)
            ticket.crm_rating_text = rating.rating_text if rating else False
            ticket.crm_rating_feedback = rating.feedback if rating else False

    def _crm_on_stage_change(self, old_states):
        result = super(CrmTicket, self)._crm_on_stage_change(old_states)
        solved = self.filtered(lambda ticket: ticket.stage_state == "solved"
                               and old_states.get(ticket.id) != "solved")
        if solved and not self.env.context.get("crm_no_satisfaction_mail"):
            solved._crm_send_rating_request()
            solved._crm_send_nps_surveys()
        return result

    def _crm_send_rating_request(self):
        """One rating request mail per ticket solved (queued in mail.mail),
        unless its team does not ask or the customer has no address."""
        template = self.env.ref(RATING_TEMPLATE, raise_if_not_found=False)
        if not template:
            return
        for ticket in self:
            if not ticket.team_id.crm_rating_enabled or not ticket.partner_id.email:
                continue
            ticket.rating_send_request(template, lang=ticket.partner_id.lang or False,
                                       force_send=False)
            ticket.message_post(body=_("Satisfaction survey sent to %s.")
                                % ticket.partner_id.email,
                                subtype="mail.mt_note")

    def _crm_send_nps_surveys(self):
        Survey = self.env["crm.helpdesk.nps.survey"].sudo()
        for ticket in self.filtered("partner_id"):
            survey = Survey.search([("team_id", "=", ticket.team_id.id)], limit=1)
            if survey:
                survey._crm_send_if_due(ticket.partner_id, ticket)

    # ------------------------------------------------------------- rating.mixin

    def rating_get_parent_model_name(self, vals):
        return "crm.helpdesk.team"

    def rating_get_parent_id(self):
        return self.team_id.id

    def rating_apply(self, rate, token=None, feedback=None, subtype=None):
        return super(CrmTicket, self).rating_apply(
            rate, token=token, feedback=feedback,
            subtype=subtype or "crm_helpdesk.mt_ticket_rating")

    @api.model
    def _crm_satisfaction_domain(self, date_from=None, date_to=None):
        domain = [("res_model", "=", self._name), ("consumed", "=", True),
                  ("rating", ">=", 1)]
        if date_from:
            domain.append(("write_date", ">=", date_from))
        if date_to:
            domain.append(("write_date", "<", date_to))
        return domain

    @api.model
    def _crm_satisfaction_percent(self, ratings):
        return satisfaction_percent(ratings.mapped("rating"))

    # ---------------------------------------------------------------- the 360°

    @api.model
    def _crm_timeline_sources(self):
        return super(CrmTicket, self)._crm_timeline_sources() + [{
            "key": "ticket_ratings", "label": _("Ratings"), "icon": "fa-smile-o",
            "sequence": 72, "model": "rating.rating", "date_field": "write_date",
            "kind": "rating", "count_field": "crm_ticket_rating_count"}]

    @api.model
    def _crm_timeline_domain(self, key, partners):
        if key == "ticket_ratings":
            return [("res_model", "=", self._name), ("consumed", "=", True),
                    ("partner_id", "in", partners.ids)]
        return super(CrmTicket, self)._crm_timeline_domain(key, partners)

    @api.model
    def _crm_timeline_values_of(self, source, records):
        items = super(CrmTicket, self)._crm_timeline_values_of(source, records)
        if source["key"] != "ticket_ratings":
            return items
        labels = dict(records._fields["rating_text"]._description_selection(self.env))
        for item, rating in zip(items, records):
            item.update(title=_("Rating «%(vote)s» on %(ticket)s") % {
                "vote": labels.get(rating.rating_text, ""), "ticket": rating.res_name},
                summary=rating.feedback or "", model="crm.ticket", res_id=rating.res_id,
                author=rating.partner_id.name or "")
        return items
