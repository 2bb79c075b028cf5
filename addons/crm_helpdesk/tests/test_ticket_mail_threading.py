# -*- coding: utf-8 -*-
"""Inbound mail: a new ticket, or the ticket it answers (headers, number in
the subject, sender and subject), reopening and the new ticket after a long
closing."""
from datetime import timedelta

from odoo import fields

from .ticket_mail_common import TicketMailCase, build_mail


class TestTicketMailThreading(TicketMailCase):

    def test_a_mail_to_the_team_alias_opens_a_ticket_of_the_team_for_the_sender(self):
        ticket = self.new_ticket_by_mail(body="Le voyant rouge clignote.")
        self.assertEqual(ticket.team_id, self.team)
        self.assertEqual(ticket.name, "L'imprimante ne répond plus")
        self.assertEqual(ticket.channel, "email")
        self.assertEqual(ticket.partner_id, self.customer)
        self.assertIn("Le voyant rouge clignote.", ticket.description)
        self.assertIn(self.customer, ticket.message_partner_ids)
        self.assertEqual(self.customer_messages(ticket).author_id, self.customer)

    def test_an_unknown_sender_becomes_a_contact_who_follows_the_ticket(self):
        ticket = self.new_ticket_by_mail(sender="Paul Durand <paul.durand@autre.example.fr>")
        self.assertEqual(ticket.partner_id.name, "Paul Durand")
        self.assertEqual(ticket.partner_id.email, "paul.durand@autre.example.fr")
        self.assertIn(ticket.partner_id, ticket.message_partner_ids)

    def test_the_attachments_of_the_mail_are_kept_on_the_ticket(self):
        ticket = self.new_ticket_by_mail(
            attachments=[("facture.pdf", b"%PDF-1.4 x", "application/pdf")])
        self.assertEqual(self.customer_messages(ticket).attachment_ids.mapped("name"),
                         ["facture.pdf"])

    def test_a_reply_to_the_ticket_mail_threads_in_by_its_headers(self):
        ticket = self.new_ticket_by_mail()
        first = self.customer_messages(ticket).message_id
        again = self.new_ticket_by_mail(subject="autre sujet", in_reply_to=first)
        self.assertEqual(again, ticket)
        self.assertEqual(len(self.customer_messages(ticket)), 2)

    def test_a_mail_with_the_ticket_number_in_its_subject_threads_in(self):
        ticket = self.new_ticket_by_mail()
        again = self.new_ticket_by_mail(
            subject="TR: [%s] suite" % ticket.number.lower(),
            sender="Un collègue <collegue@client.example.fr>")
        self.assertEqual(again, ticket)
        self.assertEqual(self.Ticket.search_count([("team_id", "=", self.team.id)]), 1)

    def test_a_reply_without_headers_threads_in_by_sender_and_subject(self):
        ticket = self.new_ticket_by_mail()
        again = self.new_ticket_by_mail(subject="RE : TR: L'imprimante  ne répond plus")
        self.assertEqual(again, ticket)

    def test_the_same_subject_from_another_sender_opens_another_ticket(self):
        ticket = self.new_ticket_by_mail()
        other = self.new_ticket_by_mail(sender="paul.durand@autre.example.fr",
                                        subject="Re: L'imprimante ne répond plus")
        self.assertNotEqual(other, ticket)

    def test_the_same_subject_after_the_team_days_opens_another_ticket(self):
        ticket = self.new_ticket_by_mail()
        old = fields.Datetime.to_string(fields.Datetime.from_string(fields.Datetime.now())
                                        - timedelta(days=8))
        self.env.cr.execute("UPDATE crm_ticket SET create_date = %s WHERE id = %s",
                            (old, ticket.id))
        ticket.invalidate_cache()
        self.assertNotEqual(self.new_ticket_by_mail(subject="Re: L'imprimante ne répond plus"),
                            ticket)

    def test_a_customer_reply_to_a_closed_ticket_reopens_it_in_progress(self):
        ticket = self.new_ticket_by_mail()
        ticket.stage_id = self.stage_solved
        again = self.new_ticket_by_mail(subject="Re: [%s] ça recommence" % ticket.number)
        self.assertEqual(again, ticket)
        self.assertEqual(ticket.stage_id, self.stage_progress)
        self.assertFalse(ticket.is_closed)

    def test_a_reply_long_after_the_closing_opens_a_new_ticket_linked_to_the_old(self):
        ticket = self.new_ticket_by_mail()
        ticket.stage_id = self.stage_solved
        ticket.closed_date = fields.Datetime.to_string(
            fields.Datetime.from_string(fields.Datetime.now()) - timedelta(days=31))
        first = self.customer_messages(ticket).message_id
        new = self.new_ticket_by_mail(subject="Re: [%s] ça recommence" % ticket.number,
                                      in_reply_to=first)
        self.assertNotEqual(new, ticket)
        self.assertEqual(new.previous_ticket_id, ticket)
        self.assertEqual(new.team_id, self.team)
        self.assertTrue(ticket.is_closed)

    def test_a_customer_reply_while_waiting_for_them_puts_the_ticket_back_in_progress(self):
        ticket = self.new_ticket_by_mail()
        ticket.stage_id = self.stage_waiting
        self.new_ticket_by_mail(subject="Re: [%s] voici la capture" % ticket.number)
        self.assertEqual(ticket.stage_id, self.stage_progress)

    def test_a_mail_of_a_team_member_does_not_move_a_waiting_ticket(self):
        ticket = self.new_ticket_by_mail()
        ticket.stage_id = self.stage_waiting
        self.new_ticket_by_mail(subject="[%s] note" % ticket.number,
                                sender="Agathe Support <agathe@ma-pme.fr>")
        self.assertEqual(ticket.stage_id, self.stage_waiting)

    def test_the_same_mail_processed_twice_gives_one_ticket(self):
        raw = build_mail("Double envoi", "camille.martin@client.example.fr",
                         message_id="<double-1@client.example.fr>")
        ticket = self.process(raw)
        self.assertFalse(self.process(raw))
        self.assertEqual(self.Ticket.search_count([("name", "=", "Double envoi")]), 1)
        self.assertEqual(len(self.customer_messages(ticket)), 1)
