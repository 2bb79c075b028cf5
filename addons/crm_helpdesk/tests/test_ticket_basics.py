# -*- coding: utf-8 -*-
"""A ticket's number, first stage, closing date and place on the 360° record."""
from odoo.tests.common import SavepointCase


class TestTicketBasics(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestTicketBasics, cls).setUpClass()
        cls.team = cls.env["crm.helpdesk.team"].create({
            "name": "Support Test", "alias_name": "support-test-basics"})
        cls.customer = cls.env["res.partner"].create({
            "name": "Camille Martin", "email": "camille@example.fr"})

    def new_ticket(self, **values):
        return self.env["crm.ticket"].create(dict(
            {"name": "L'imprimante ne répond plus", "team_id": self.team.id,
             "partner_id": self.customer.id}, **values))

    def test_a_new_ticket_gets_the_next_number_and_shows_it_in_its_name(self):
        first, second = self.new_ticket(), self.new_ticket()
        self.assertRegex(first.number, r"^TK-\d{5}$")
        self.assertEqual(int(second.number[3:]), int(first.number[3:]) + 1)
        self.assertEqual(first.display_name, "[%s] L'imprimante ne répond plus" % first.number)

    def test_a_ticket_is_found_by_its_number(self):
        ticket = self.new_ticket()
        found = self.env["crm.ticket"].name_search(ticket.number.lower())
        self.assertEqual([item[0] for item in found], [ticket.id])

    def test_a_new_ticket_starts_in_the_new_stage_and_is_open(self):
        ticket = self.new_ticket()
        self.assertEqual(ticket.stage_id, self.env.ref("crm_helpdesk.stage_new"))
        self.assertFalse(ticket.is_closed)

    def test_solving_a_ticket_closes_it_and_reopening_clears_the_date(self):
        ticket = self.new_ticket()
        ticket.stage_id = self.env.ref("crm_helpdesk.stage_solved")
        self.assertTrue(ticket.is_closed)
        self.assertTrue(ticket.closed_date)
        ticket.stage_id = self.env.ref("crm_helpdesk.stage_progress")
        self.assertFalse(ticket.is_closed)
        self.assertFalse(ticket.closed_date)

    def test_a_team_mail_alias_creates_tickets_of_that_team(self):
        self.assertEqual(self.team.alias_id.alias_model_id.model, "crm.ticket")
        self.assertIn("'team_id': %d" % self.team.id, self.team.alias_id.alias_defaults)

    def test_the_customer_360_record_counts_their_tickets(self):
        self.new_ticket()
        self.new_ticket()
        self.assertEqual(self.customer.crm_ticket_count, 2)

    def test_a_customer_writing_in_is_found_by_address_or_created_once(self):
        Ticket = self.env["crm.ticket"]
        self.assertEqual(Ticket._crm_customer_for("CAMILLE@example.fr"), self.customer)
        new = Ticket._crm_customer_for("paul.durand@example.fr", "Paul Durand")
        self.assertEqual((new.name, new.email), ("Paul Durand", "paul.durand@example.fr"))
        self.assertEqual(Ticket._crm_customer_for("paul.durand@example.fr", "P. D."), new)
        self.assertFalse(Ticket._crm_customer_for("not an address"))
