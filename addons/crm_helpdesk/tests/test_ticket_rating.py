# -*- coding: utf-8 -*-
"""The satisfaction vote: a rating request mail when a ticket is solved
(once per closing, not when the team turned it off), the vote and its
comment on the ticket, the team's percent satisfied, the 360° record."""
from odoo.tests.common import SavepointCase


class TestTicketRating(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestTicketRating, cls).setUpClass()
        cls.team = cls.env["crm.helpdesk.team"].create({
            "name": "Support Notes", "alias_name": "support-test-rating"})
        cls.quiet_team = cls.env["crm.helpdesk.team"].create({
            "name": "Support Sans Note", "alias_name": "support-test-norating",
            "crm_rating_enabled": False})
        cls.customer = cls.env["res.partner"].create({
            "name": "Camille Martin", "email": "camille.rating@example.fr"})
        cls.solved = cls.env.ref("crm_helpdesk.stage_solved")
        cls.progress = cls.env.ref("crm_helpdesk.stage_progress")
        cls.solved_too = cls.env["crm.ticket.stage"].create({
            "name": "Résolu sans suite", "state": "solved", "sequence": 35})

    def new_ticket(self, team=None):
        return self.env["crm.ticket"].create({
            "name": "Colis non reçu", "team_id": (team or self.team).id,
            "partner_id": self.customer.id})

    def rating_mails(self, ticket):
        return self.env["mail.mail"].search([
            ("model", "=", "crm.ticket"), ("res_id", "=", ticket.id),
            ("subject", "like", "How did we do")])

    def test_solving_a_ticket_queues_one_rating_request_with_its_number_and_links(self):
        ticket = self.new_ticket()
        ticket.stage_id = self.solved
        [mail] = self.rating_mails(ticket)
        self.assertIn("[%s]" % ticket.number, mail.subject)
        self.assertEqual(mail.recipient_ids, self.customer)
        [rating] = ticket.rating_ids
        self.assertFalse(rating.consumed)
        for score in (10, 5, 1):
            self.assertIn("/rating/%s/%d" % (rating.access_token, score), mail.body_html)
        self.assertIn("http", mail.body_html.split("/rating/")[0][-60:])

    def test_moving_between_solved_stages_does_not_ask_again_but_a_new_closing_does(self):
        ticket = self.new_ticket()
        ticket.stage_id = self.solved
        ticket.stage_id = self.solved_too
        self.assertEqual(len(self.rating_mails(ticket)), 1)
        ticket.stage_id = self.progress
        ticket.stage_id = self.solved
        self.assertEqual(len(self.rating_mails(ticket)), 2)
        # the second request reuses the rating not answered yet
        self.assertEqual(len(ticket.rating_ids), 1)

    def test_a_team_that_turned_rating_off_sends_nothing(self):
        ticket = self.new_ticket(self.quiet_team)
        ticket.stage_id = self.solved
        self.assertFalse(self.rating_mails(ticket))
        self.assertFalse(ticket.rating_ids)

    def test_a_cancelled_ticket_or_a_customer_without_address_gets_no_request(self):
        ticket = self.new_ticket()
        ticket.stage_id = self.env.ref("crm_helpdesk.stage_cancelled")
        self.assertFalse(self.rating_mails(ticket))
        anonymous = self.env["crm.ticket"].create({"name": "Appel", "team_id": self.team.id})
        anonymous.stage_id = self.solved
        self.assertFalse(self.rating_mails(anonymous))

    def test_the_customer_vote_and_comment_show_on_the_ticket_and_in_its_chatter(self):
        ticket = self.new_ticket()
        ticket.stage_id = self.solved
        token = ticket.rating_ids.access_token
        ticket.sudo().rating_apply(5, token=token, feedback="Il a fallu relancer.")
        self.assertEqual(ticket.crm_rating_text, "not_satisfied")
        self.assertEqual(ticket.crm_rating_feedback, "Il a fallu relancer.")
        last = ticket.message_ids[0]
        self.assertEqual(last.subtype_id, self.env.ref("crm_helpdesk.mt_ticket_rating"))
        self.assertIn("Il a fallu relancer.", last.body)
        self.assertEqual(last.author_id, self.customer)

    def test_the_team_shows_the_percent_of_satisfied_customers(self):
        for score in (10, 10, 10, 1):
            ticket = self.new_ticket()
            ticket.stage_id = self.solved
            ticket.rating_apply(score, token=ticket.rating_ids.access_token)
        self.new_ticket().stage_id = self.solved  # asked, not answered: not counted
        self.team.invalidate_cache()
        self.assertEqual((self.team.crm_satisfaction, self.team.crm_rating_count), (75, 4))
        self.assertEqual(self.team.crm_satisfaction_for()[self.team.id], (75, 4))
        action = self.team.action_crm_open_ratings()
        self.assertEqual(self.env["rating.rating"].search_count(action["domain"]), 4)

    def test_the_customer_360_record_counts_and_lists_their_ratings(self):
        ticket = self.new_ticket()
        ticket.stage_id = self.solved
        ticket.rating_apply(10, token=ticket.rating_ids.access_token, feedback="Parfait")
        self.customer.invalidate_cache()
        self.assertEqual(self.customer.crm_ticket_rating_count, 1)
        items = [item for item in self.customer.crm_timeline_get()["items"]
                 if item["source"] == "ticket_ratings"]
        self.assertEqual(len(items), 1)
        self.assertEqual((items[0]["model"], items[0]["res_id"]), ("crm.ticket", ticket.id))
        self.assertIn("Satisfied", items[0]["title"])
        self.assertIn(ticket.number, items[0]["title"])
        self.assertEqual(items[0]["summary"], "Parfait")

    def test_a_helpdesk_agent_solving_a_ticket_sends_the_request_too(self):
        agent = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Agent Notes", "login": "agent.rating.test", "email": "agent@example.fr",
            "groups_id": [(6, 0, [self.env.ref("crm_helpdesk.group_helpdesk_user").id])]})
        ticket = self.new_ticket()
        ticket.sudo(agent).write({"stage_id": self.solved.id, "user_id": agent.id})
        [mail] = self.rating_mails(ticket)
        self.assertIn("Agent Notes", mail.body_html)
        self.assertEqual(ticket.rating_ids.rated_partner_id, agent.partner_id)
