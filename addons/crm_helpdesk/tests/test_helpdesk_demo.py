# -*- coding: utf-8 -*-
"""The demo data: two teams with their aliases and SLA policies, 80 French
tickets over the last three months in every state, with messages, ratings
and NPS answers (the test database is installed with demo data)."""
from datetime import timedelta

from odoo import fields
from odoo.tests.common import SavepointCase


class TestHelpdeskDemo(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestHelpdeskDemo, cls).setUpClass()
        cls.teams = (cls.env.ref("crm_helpdesk.crm_helpdesk_demo_team_client")
                     | cls.env.ref("crm_helpdesk.crm_helpdesk_demo_team_technique"))
        cls.tickets = cls.env["crm.ticket"].search([("team_id", "in", cls.teams.ids),
                                                    ("description", "like", "crm-helpdesk-demo")])

    def test_two_teams_with_their_aliases_members_and_sla_policies(self):
        self.assertEqual(self.teams.mapped("name"), ["Support client", "Support technique"])
        self.assertEqual(self.teams.mapped("alias_name"), ["support", "technique"])
        for team in self.teams:
            self.assertGreaterEqual(len(team.member_ids), 2)
            urgent = team.sla_ids.filtered(lambda sla: sla.priority == "3")
            self.assertEqual((urgent.response_hours, urgent.resolution_hours), (1, 4))

    def test_eighty_tickets_in_every_state_over_three_months(self):
        self.assertEqual(len(self.tickets), 80)
        self.assertEqual(set(self.tickets.mapped("stage_state")),
                         {"new", "progress", "waiting", "solved", "cancelled"})
        self.assertEqual(set(self.tickets.mapped("team_id")), set(self.teams))
        now = fields.Datetime.from_string(fields.Datetime.now())
        opened = [fields.Datetime.from_string(date) for date in self.tickets.mapped("create_date")]
        self.assertGreater(max(opened), now - timedelta(days=15))
        self.assertLess(min(opened), now - timedelta(days=60))
        self.assertGreater(now - min(opened), timedelta(days=0))
        self.assertLessEqual(now - min(opened), timedelta(days=91))
        closed = self.tickets.filtered("is_closed")
        self.assertTrue(all(closed.mapped("closed_date")))
        self.assertFalse(any((self.tickets - closed).mapped("closed_date")))

    def test_tickets_have_messages_ratings_and_nps_answers(self):
        answered = self.tickets.filtered(lambda t: t.stage_state != "new")
        self.assertTrue(all(len(t.message_ids) >= 2 for t in answered))
        self.assertIn("Bonjour", " ".join(self.tickets.mapped("message_ids.body")))
        ratings = self.env["rating.rating"].search([("res_model", "=", "crm.ticket"),
                                                    ("res_id", "in", self.tickets.ids),
                                                    ("consumed", "=", True)])
        self.assertGreaterEqual(len(ratings), 15)
        self.assertTrue(all(self.teams.mapped("crm_rating_count")))
        self.assertTrue(all(self.teams.mapped("crm_nps_count")))
        self.assertGreater(self.teams[0].crm_satisfaction, 50)

    def test_the_demo_tickets_have_an_sla_counted_from_their_opening(self):
        # every ticket falls under a policy: each team has a catch-all one
        self.assertTrue(all(ticket.sla_id for ticket in self.tickets))
        for ticket in self.tickets:
            self.assertGreater(ticket.sla_resolution_deadline, ticket.create_date)
        solved = self.tickets.filtered(lambda t: t.stage_state == "solved")
        self.assertEqual(set(solved.mapped("sla_status")) - {"met", "failed"}, set())
        self.assertIn("met", solved.mapped("sla_status"))
        report = self.env["crm.helpdesk.sla.report"].search([("team_id", "in", self.teams.ids)])
        self.assertTrue(report)
