# -*- coding: utf-8 -*-
"""Answering from the ticket: the customer gets the mail with the number in
its subject, the first response is dated, notes stay internal; canned
replies are merged for the ticket."""
from .ticket_mail_common import TicketMailCase


class TestTicketMailReplies(TicketMailCase):

    @classmethod
    def setUpClass(cls):
        super(TestTicketMailReplies, cls).setUpClass()
        cls.canned = cls.env["crm.ticket.canned.reply"].create({
            "name": "Accusé", "team_id": cls.team.id,
            "body": "<p>Bonjour {first_name}, votre demande {ticket_number} est prise en "
                    "charge par {agent_name}.</p>"})

    def outgoing(self, ticket, partner):
        return self.env["mail.mail"].sudo().search([
            ("model", "=", "crm.ticket"), ("res_id", "=", ticket.id),
            ("recipient_ids", "in", partner.ids)])

    def test_send_message_mails_the_customer_with_the_ticket_number_in_the_subject(self):
        ticket = self.new_ticket_by_mail()
        ticket.sudo(self.agent).message_post(
            body="Nous regardons.", message_type="comment", subtype="mail.mt_comment")
        mails = self.outgoing(ticket, self.customer)
        self.assertEqual(len(mails), 1)
        self.assertIn("[%s]" % ticket.number, mails.subject)
        self.assertIn("Nous regardons.", mails.body_html)

    def test_a_subject_typed_by_the_agent_gets_the_ticket_number(self):
        ticket = self.new_ticket_by_mail()
        ticket.sudo(self.agent).message_post(
            body="Voici la procédure.", subject="Procédure", message_type="comment",
            subtype="mail.mt_comment")
        self.assertEqual(self.outgoing(ticket, self.customer).subject,
                         "[%s] Procédure" % ticket.number)

    def test_the_first_message_to_the_customer_is_the_first_response(self):
        ticket = self.new_ticket_by_mail()
        self.assertFalse(ticket.first_response_date)
        ticket.sudo(self.agent).message_post(body="Note interne", message_type="comment",
                                             subtype="mail.mt_note")
        self.assertFalse(ticket.first_response_date)
        message = ticket.sudo(self.agent).message_post(
            body="Bonjour", message_type="comment", subtype="mail.mt_comment")
        self.assertEqual(ticket.first_response_date, message.date)

    def test_a_note_with_a_mention_does_not_mail_the_customer(self):
        ticket = self.new_ticket_by_mail()
        colleague = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Bruno Technicien", "login": "bruno.hmail", "email": "bruno@ma-pme.fr",
            "groups_id": [(6, 0, [self.env.ref("base.group_user").id])]})
        ticket.sudo(self.agent).message_post(
            body="@Bruno peux-tu regarder ?", message_type="comment", subtype="mail.mt_note",
            partner_ids=colleague.partner_id.ids)
        self.assertFalse(self.outgoing(ticket, self.customer))
        self.assertEqual(len(self.outgoing(ticket, colleague.partner_id)), 1)

    def test_the_customer_mail_is_not_a_first_response(self):
        ticket = self.new_ticket_by_mail()
        self.new_ticket_by_mail(subject="Re: [%s] précision" % ticket.number)
        self.assertFalse(ticket.first_response_date)

    def test_reply_with_opens_the_composer_and_a_canned_reply_is_merged(self):
        ticket = self.new_ticket_by_mail()
        action = ticket.sudo(self.agent).action_crm_reply_with()
        composer = self.env["mail.compose.message"].sudo(self.agent).with_context(
            **action["context"]).create({"subject": "Re", "body": ""})
        composer.crm_canned_reply_id = self.canned
        composer._onchange_crm_canned_reply_id()
        self.assertEqual(composer.body, "<p>Bonjour Camille, votre demande %s est prise en "
                                        "charge par Agathe Support.</p>" % ticket.number)
        composer.send_mail()
        mails = self.outgoing(ticket, self.customer)
        self.assertIn("Bonjour Camille", mails.body_html)
        self.assertIn(ticket.number, mails.subject)
        self.assertTrue(ticket.first_response_date)

    def test_an_agent_reads_canned_replies_but_only_a_manager_writes_them(self):
        replies = self.env["crm.ticket.canned.reply"].sudo(self.agent)
        self.assertIn(self.canned, replies.search([]))
        with self.assertRaises(Exception):
            replies.create({"name": "x", "body": "<p>x</p>"})
