# -*- coding: utf-8 -*-
"""The NPS survey: sent by its rule when tickets are solved, one answer
per mail whose score a second click changes, the NPS of the team and of the
report, the 360° record."""
from datetime import timedelta

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests.common import SavepointCase


class TestHelpdeskNps(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestHelpdeskNps, cls).setUpClass()
        cls.team = cls.env["crm.helpdesk.team"].create({
            "name": "Support NPS", "alias_name": "support-test-nps",
            "crm_rating_enabled": False})
        cls.survey = cls.env["crm.helpdesk.nps.survey"].create({
            "team_id": cls.team.id, "rule": "tickets", "interval": 2})
        cls.customer = cls.env["res.partner"].create({
            "name": "Paul Durand", "email": "paul.nps@example.fr"})
        cls.solved = cls.env.ref("crm_helpdesk.stage_solved")

    def solve_ticket(self, partner=None):
        ticket = self.env["crm.ticket"].create({
            "name": "Écran noir", "team_id": self.team.id,
            "partner_id": (partner or self.customer).id})
        ticket.stage_id = self.solved
        return ticket

    def responses(self, partner=None):
        return self.env["crm.helpdesk.nps.response"].search(
            [("survey_id", "=", self.survey.id),
             ("partner_id", "=", (partner or self.customer).id)])

    def test_the_survey_goes_after_every_second_solved_ticket_with_eleven_links(self):
        self.solve_ticket()
        self.assertFalse(self.responses())
        second = self.solve_ticket()
        [response] = self.responses()
        self.assertEqual(response.ticket_id, second)
        [mail] = self.env["mail.mail"].search([("model", "=", "crm.helpdesk.nps.response"),
                                               ("res_id", "=", response.id)])
        self.assertIn("Support NPS", mail.subject)
        for score in range(11):
            self.assertIn(response.crm_url(score) + '"', mail.body_html)
        self.solve_ticket()
        self.assertEqual(len(self.responses()), 1)
        self.solve_ticket()
        self.assertEqual(len(self.responses()), 2)

    def test_a_survey_by_days_waits_its_interval_after_the_last_one(self):
        self.survey.write({"rule": "days", "interval": 30})
        self.solve_ticket()
        [first] = self.responses()
        self.solve_ticket()
        self.assertEqual(len(self.responses()), 1)
        first.sent_date = fields.Datetime.to_string(
            fields.Datetime.from_string(fields.Datetime.now()) - timedelta(days=31))
        self.solve_ticket()
        self.assertEqual(len(self.responses()), 2)

    def test_a_second_click_changes_the_score_instead_of_adding_an_answer(self):
        response = self.survey._crm_send(self.customer)
        response.crm_answer(3)
        self.assertEqual((response.state, response.category), ("answered", "detractor"))
        response.crm_answer(9, comment="Finalement très bien")
        self.assertEqual((response.score, response.category, response.nps_points),
                         (9, "promoter", 100))
        self.assertEqual(len(self.responses()), 1)
        with self.assertRaises(ValidationError):
            response.crm_answer(11)

    def test_the_team_and_the_report_show_the_nps(self):
        partners = [self.env["res.partner"].create({
            "name": "Client %d" % i, "email": "client%d.nps@example.fr" % i})
            for i in range(5)]
        for partner, score in zip(partners, (10, 9, 8, 6, 10)):
            self.survey._crm_send(partner).crm_answer(score)
        self.survey._crm_send(self.customer)  # not answered: not counted
        self.team.invalidate_cache()
        # 3 promoters, 1 passive, 1 detractor of 5: 60 - 20 = 40
        self.assertEqual((self.team.crm_nps, self.team.crm_nps_count), (40, 5))
        [group] = self.env["crm.helpdesk.nps.response"].read_group(
            [("team_id", "=", self.team.id), ("state", "=", "answered")],
            ["nps_points", "team_id"], ["team_id"])
        self.assertEqual(group["nps_points"], 40)
        action = self.team.action_crm_open_nps()
        self.assertEqual(self.env["crm.helpdesk.nps.response"].search_count(
            action["domain"] + [("state", "=", "answered")]), 5)

    def test_the_customer_360_record_lists_their_nps_answers(self):
        self.survey._crm_send(self.customer).crm_answer(10, comment="Je recommande")
        self.customer.invalidate_cache()
        self.assertEqual(self.customer.crm_nps_response_count, 1)
        [item] = [item for item in self.customer.crm_timeline_get()["items"]
                  if item["source"] == "nps_answers"]
        self.assertEqual(item["title"], "NPS 10/10 for Support NPS")
        self.assertEqual(item["summary"], "Je recommande")

    def test_a_survey_interval_below_one_is_refused(self):
        with self.assertRaises(ValidationError):
            self.survey.interval = 0

    def test_the_team_nps_per_month(self):
        for when, score in (("2026-01-05 10:00:00", 0), ("2026-01-20 10:00:00", 10),
                            ("2026-02-03 10:00:00", 9)):
            response = self.survey._crm_send(self.customer)
            response.crm_answer(score)
            response.answer_date = when
        history = self.team.crm_nps_history("month")
        self.assertEqual([(h["period"], h["count"], h["nps"]) for h in history],
                         [("2026-01-01", 2, 0), ("2026-02-01", 1, 100)])
        self.assertEqual(len(self.team.crm_nps_history("month", "2026-02-01")), 1)
