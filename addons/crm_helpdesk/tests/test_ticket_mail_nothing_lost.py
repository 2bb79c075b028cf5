# -*- coding: utf-8 -*-
"""Nothing is lost: unreadable mails, mails without sender, forbidden or too
big attachments, a team's IMAP mailbox; and no ticket twice for one mail."""
from unittest.mock import patch

from odoo.addons.mail.models.mail_thread import MailThread

from .ticket_mail_common import ALIAS, TicketMailCase, build_mail


class TestTicketMailNothingLost(TicketMailCase):

    @classmethod
    def setUpClass(cls):
        super(TestTicketMailNothingLost, cls).setUpClass()
        cls.mailbox = cls.env["crm.mailbox"].create({
            "name": "Support", "kind": "shared", "host": "imap.example.test",
            "login": "support@ma-pme.fr", "email": "support@ma-pme.fr",
            "helpdesk_team_id": cls.team.id})
        cls.personal = cls.env["crm.mailbox"].create({
            "name": "Boîte d'Agathe", "kind": "personal", "user_id": cls.agent.id,
            "host": "imap.example.test", "login": "agathe@ma-pme.fr",
            "email": "agathe@ma-pme.fr"})

    def notes(self, ticket):
        return ticket.message_ids.filtered(
            lambda m: m.subtype_id == self.env.ref("mail.mt_note"))

    def test_a_program_attached_to_a_mail_is_dropped_and_the_ticket_says_so(self):
        ticket = self.new_ticket_by_mail(attachments=[
            ("devis.pdf", b"%PDF-1.4", "application/pdf"),
            ("facture.pdf.exe", b"MZ\x90\x00", "application/octet-stream")])
        self.assertEqual(self.customer_messages(ticket).attachment_ids.mapped("name"),
                         ["devis.pdf"])
        self.assertIn("facture.pdf.exe", " ".join(self.notes(ticket).mapped("body")))

    def test_attachments_over_the_team_limit_are_dropped_the_text_kept(self):
        self.team.mail_attachments_max_mb = 1
        ticket = self.new_ticket_by_mail(
            body="Voir les photos.",
            attachments=[("photo1.jpg", b"x" * 700000, "image/jpeg"),
                         ("photo2.jpg", b"x" * 700000, "image/jpeg")])
        self.assertIn("Voir les photos.", ticket.description)
        self.assertEqual(self.customer_messages(ticket).attachment_ids.mapped("name"),
                         ["photo1.jpg"])
        self.assertIn("photo2.jpg", " ".join(self.notes(ticket).mapped("body")))

    def test_a_mail_without_sender_still_opens_a_ticket(self):
        ticket = self.process(build_mail("Sans expéditeur", None))
        self.assertEqual(ticket.team_id, self.team)
        self.assertFalse(ticket.partner_id)

    def test_a_mail_without_subject_opens_a_ticket_named_so(self):
        ticket = self.process(build_mail(None, "camille.martin@client.example.fr"))
        self.assertEqual(ticket.name, "(no subject)")

    def test_a_mail_the_gateway_cannot_read_lands_in_a_ticket_with_its_source_once(self):
        raw = build_mail("Illisible", "camille.martin@client.example.fr",
                         message_id="<illisible-1@client.example.fr>")
        with patch.object(MailThread, "message_parse", side_effect=ValueError("charset x")):
            ticket = self.process(raw)
            self.assertEqual(self.process(raw), ticket)
        self.assertEqual(ticket.team_id, self.team)
        self.assertEqual(ticket.name, "Illisible")
        self.assertIn("charset x", ticket.description)
        self.assertEqual(ticket.message_ids.mapped("attachment_ids.name"),
                         ["original_email.eml"])
        self.assertEqual(self.Ticket.search_count([("name", "=", "Illisible")]), 1)

    def test_an_unreadable_mail_for_another_address_is_not_taken_by_the_helpdesk(self):
        raw = build_mail("Ailleurs", "camille.martin@client.example.fr",
                         to="personne@example.com")
        with patch.object(MailThread, "message_parse", side_effect=ValueError("charset x")):
            with self.assertRaises(ValueError):
                self.process(raw)

    def test_a_team_mailbox_opens_a_ticket_instead_of_the_unfiled_list(self):
        raw = build_mail("Commande bloquée", "Inconnu <inconnu@nouveau.example.fr>",
                         to="support@ma-pme.fr")
        self.mailbox._file_raw_safely(raw, 1)
        ticket = self.Ticket.search([("name", "=", "Commande bloquée")])
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.team_id, self.team)
        self.assertEqual(ticket.partner_id.email, "inconnu@nouveau.example.fr")
        self.assertFalse(self.mailbox.unfiled_ids)

    def test_a_team_mailbox_threads_a_reply_and_skips_the_same_mail_fetched_again(self):
        raw = build_mail("Commande bloquée", "camille.martin@client.example.fr",
                         to="support@ma-pme.fr")
        self.mailbox._file_raw_safely(raw, 1)
        ticket = self.Ticket.search([("name", "=", "Commande bloquée")])
        reply = build_mail("Re: Commande bloquée", "camille.martin@client.example.fr",
                           to="support@ma-pme.fr",
                           in_reply_to=self.customer_messages(ticket).message_id)
        self.mailbox._file_raw_safely(reply, 2)
        self.mailbox._file_raw_safely(reply, 2)
        self.assertEqual(self.Ticket.search_count([("name", "=", "Commande bloquée")]), 1)
        self.assertEqual(len(self.customer_messages(ticket)), 2)

    def test_any_mailbox_files_a_mail_with_a_ticket_number_on_that_ticket(self):
        ticket = self.new_ticket_by_mail()
        raw = build_mail("Re: [%s] suite" % ticket.number, "camille.martin@client.example.fr",
                         to="agathe@ma-pme.fr", body="Toujours en panne.")
        self.personal._file_raw_safely(raw, 1)
        self.assertIn("Toujours en panne.",
                      " ".join(self.customer_messages(ticket).mapped("body")))

    def test_a_mail_a_mailbox_cannot_read_waits_in_the_unfiled_list(self):
        self.mailbox._file_raw_safely(b"\x00\x01 pas un mail", 3)
        self.assertEqual(len(self.mailbox.unfiled_ids), 1)

    def test_the_alias_of_the_team_is_the_one_the_tests_mail(self):
        self.assertEqual(self.team.alias_name, ALIAS)
