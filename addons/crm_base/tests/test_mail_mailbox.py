# -*- coding: utf-8 -*-
"""IMAP mailboxes against a real dovecot started by the tests: every message
filed on its own, nothing fetched twice, nothing lost."""
import base64
import unittest
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from datetime import datetime, timezone
from unittest.mock import patch

from odoo.exceptions import AccessError, UserError
from odoo.tests.common import TransactionCase

from . import imap_server


def make_mail(sender, to, subject, body, cc=None, in_reply_to=None, message_id=None):
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    if cc:
        msg["Cc"] = cc
    msg["Subject"] = subject
    msg["Date"] = format_datetime(datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc))
    msg["Message-Id"] = message_id or make_msgid(domain="test.example")
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
        msg["References"] = in_reply_to
    msg.set_content(body)
    msg.add_alternative("<p>%s</p>" % body, subtype="html")
    return msg


@unittest.skipUnless(imap_server.available(), "dovecot (dovecot-imapd) is not installed")
class MailboxCase(TransactionCase):

    def setUp(self):
        super(MailboxCase, self).setUp()
        self.imap = imap_server.DovecotServer()
        self.addCleanup(self.imap.stop)
        self.Partner = self.env["res.partner"]
        company = self.env.user.company_id
        company.write({"email": "contact@nous.example.fr"})
        self.salesman = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Marie Vendeuse", "login": "marie.vendeuse",
            "email": "marie.vendeuse@nous.example.fr",
            "groups_id": [(6, 0, [self.env.ref("crm_base.group_crm_user").id])],
        })
        self.acme = self.Partner.create({
            "name": "Acme Industrie", "is_company": True,
            "email": "contact@acme-industrie.fr", "website": "https://www.acme-industrie.fr"})
        self.jeanne = self.Partner.create({
            "name": "Jeanne Martin", "email": "Jeanne.Martin@acme-industrie.fr",
            "parent_id": self.acme.id})
        self.mailbox = self.env["crm.mailbox"].create({
            "name": "Contact", "kind": "shared", "email": "contact@nous.example.fr",
            "host": self.imap.host, "port": self.imap.port, "use_ssl": False,
            "login": self.imap.login, "password": self.imap.password})

    def deliver(self, msg, folder="INBOX"):
        raw = msg if isinstance(msg, bytes) else msg.as_bytes()
        return self.imap.append(raw, folder)

    def emails_on(self, partner):
        return self.env["mail.message"].search([
            ("model", "=", "res.partner"), ("res_id", "=", partner.id),
            ("message_type", "=", "email")])

    def unfiled(self):
        return self.env["crm.mail.unfiled"].search([("mailbox_id", "=", self.mailbox.id)])


class TestMailboxFiling(MailboxCase):

    def test_each_mail_is_filed_on_contact_company_thread_or_reference(self):
        paul = self.Partner.create({"name": "Paul Durand", "email": "paul@durand-conseil.fr"})
        sent = paul.message_post(body="Voici notre offre", subject="Offre",
                                 message_type="comment", subtype="mail.mt_comment")
        client = self.Partner.create({"name": "Client référencé", "ref": "CLI-042"})
        twin1 = self.Partner.create(
            {"name": "Accueil Bati Sud (1)", "email": "accueil@bati-sud.fr"})
        twin2 = self.Partner.create(
            {"name": "Accueil Bati Sud (2)", "email": "accueil@bati-sud.fr"})

        self.deliver(make_mail('"Jeanne Martin" <jeanne.martin@acme-industrie.fr>',
                               "contact@nous.example.fr", "Demande de devis",
                               "Bonjour, un devis svp"))
        self.deliver(make_mail("nouveau@acme-industrie.fr", "contact@nous.example.fr",
                               "Présentation", "Je suis le nouvel acheteur"))
        self.deliver(make_mail("inconnu@gmail.com", "contact@nous.example.fr",
                               "Question", "Qui êtes-vous ?"))
        self.deliver(make_mail("accueil@bati-sud.fr", "contact@nous.example.fr",
                               "Rappel", "Merci de rappeler"))
        self.deliver(make_mail("achats@gmail.com", "contact@nous.example.fr",
                               "Re: [CLI-042] commande", "Commande confirmée"))
        self.deliver(make_mail("marie.vendeuse@nous.example.fr", "jeanne.martin@acme-industrie.fr",
                               "Suivi", "Je reviens vers vous", cc="contact@nous.example.fr"))
        self.deliver(make_mail("paul.perso@gmail.com", "contact@nous.example.fr",
                               "Re: Offre", "Offre acceptée", in_reply_to=sent.message_id))

        count = self.mailbox.with_context(crm_mailbox_no_commit=True)._fetch()
        self.assertEqual(count, 7)
        self.assertEqual(self.mailbox.state, "ok")
        self.assertEqual(self.mailbox.last_uid, "7")

        # 1. known sender -> the contact, with the sender as author, not the company
        jeanne_mails = self.emails_on(self.jeanne)
        self.assertEqual(sorted(jeanne_mails.mapped("subject")), ["Demande de devis", "Suivi"])
        devis = jeanne_mails.filtered(lambda m: m.subject == "Demande de devis")
        self.assertEqual(devis.author_id, self.jeanne)
        self.assertIn("un devis svp", devis.body)
        self.assertEqual(devis.crm_mailbox_id, self.mailbox)
        # 6. sent by a colleague: filed on the recipient, the colleague is the author
        suivi = jeanne_mails.filtered(lambda m: m.subject == "Suivi")
        self.assertEqual(suivi.author_id, self.salesman.partner_id)
        # 2. unknown sender of a known domain -> the company
        self.assertEqual(self.emails_on(self.acme).mapped("subject"), ["Présentation"])
        # 4. an address shared by two contacts -> both
        self.assertEqual(self.emails_on(twin1).mapped("subject"), ["Rappel"])
        self.assertEqual(self.emails_on(twin2).mapped("subject"), ["Rappel"])
        # 5. reference in the subject
        self.assertEqual(self.emails_on(client).mapped("subject"), ["Re: [CLI-042] commande"])
        # 7. reply to a message of the record -> that record, in the thread
        reply = self.emails_on(paul)
        self.assertEqual(reply.mapped("subject"), ["Re: Offre"])
        self.assertEqual(reply.parent_id, sent)
        # 3. free-mail unknown sender -> unfiled, readable in the list
        unfiled = self.unfiled()
        self.assertEqual(unfiled.mapped("subject"), ["Question"])
        self.assertEqual(unfiled.state, "unfiled")
        self.assertIn("Qui êtes-vous", unfiled.body)
        self.assertEqual(base64.b64decode(unfiled.raw_attachment_id.datas).count(b"Qui"), 2)
        self.assertEqual(self.mailbox.unfiled_count, 1)
        # internal users' own addresses are not contacts: nothing on their partner
        self.assertFalse(self.emails_on(self.salesman.partner_id))

        # the folder is read without touching the flags of the owner's mail client
        conn = self.imap.connect()
        conn.select("INBOX")
        _typ, data = conn.fetch("1:*", "(FLAGS)")
        conn.logout()
        self.assertFalse([d for d in data if b"\\Seen" in d])

    def test_nothing_is_fetched_twice_and_new_mail_is_fetched(self):
        self.deliver(make_mail("jeanne.martin@acme-industrie.fr", "contact@nous.example.fr",
                               "Premier", "1"))
        self.deliver(make_mail("jeanne.martin@acme-industrie.fr", "contact@nous.example.fr",
                               "Deuxième", "2"))
        self.mailbox._fetch()
        self.assertEqual(self.mailbox._fetch(), 0)
        self.assertEqual(len(self.emails_on(self.jeanne)), 2)
        self.deliver(make_mail("jeanne.martin@acme-industrie.fr", "contact@nous.example.fr",
                               "Troisième", "3"))
        self.mailbox.action_fetch_now()
        self.assertEqual(sorted(self.emails_on(self.jeanne).mapped("subject")),
                         ["Deuxième", "Premier", "Troisième"])
        self.assertEqual(self.mailbox.last_uid, "3")
        self.assertEqual(self.mailbox.last_fetch_count, 1)

    def test_new_uidvalidity_reads_the_folder_again_without_duplicates(self):
        self.mailbox.folder = "Clients"
        first = make_mail("jeanne.martin@acme-industrie.fr", "contact@nous.example.fr", "A", "a")
        self.deliver(first, "Clients")
        self.mailbox._fetch()
        old_validity = self.mailbox.uidvalidity
        self.assertEqual(self.mailbox.last_uid, "1")
        # the folder is recreated on the server (migration): UIDs start again
        self.imap.recreate_folder("Clients")
        self.deliver(first, "Clients")
        self.deliver(make_mail("jeanne.martin@acme-industrie.fr", "contact@nous.example.fr",
                               "B", "b"), "Clients")
        self.assertEqual(self.mailbox._fetch(), 2)
        self.assertNotEqual(self.mailbox.uidvalidity, old_validity)
        self.assertEqual(self.mailbox.last_uid, "2")
        self.assertEqual(sorted(self.emails_on(self.jeanne).mapped("subject")), ["A", "B"])

    def test_unreadable_or_failing_mail_is_kept_with_the_reason(self):
        garbage = b"\xff\xfe this is not an email at all\r\n"  # (IMAP forbids NUL)
        self.deliver(garbage)
        self.deliver(make_mail("jeanne.martin@acme-industrie.fr", "contact@nous.example.fr",
                               "Boom", "filing of this one crashes"))
        self.deliver(make_mail("jeanne.martin@acme-industrie.fr", "contact@nous.example.fr",
                               "Fine", "this one is filed"))
        Mailbox = type(self.mailbox)
        original = Mailbox._post_on_targets

        def crash_on_boom(this, compat, msg_dict, targets):
            if msg_dict.get("subject") == "Boom":
                raise RuntimeError("database said no")
            return original(this, compat, msg_dict, targets)

        with patch.object(Mailbox, "_post_on_targets", crash_on_boom):
            self.assertEqual(self.mailbox._fetch(), 3)
        self.assertEqual(self.mailbox.last_uid, "3")
        self.assertEqual(self.emails_on(self.jeanne).mapped("subject"), ["Fine"])
        errors = self.unfiled().sorted("imap_uid")
        self.assertEqual(errors.mapped("state"), ["error", "error"])
        self.assertIn("no sender", errors[0].error)
        self.assertEqual(base64.b64decode(errors[0].raw_attachment_id.datas), garbage)
        self.assertIn("database said no", errors[1].error)
        self.assertEqual(errors[1].subject, "Boom")
        # the crashed one is not half-filed
        self.assertFalse(self.env["mail.message"].search([("subject", "=", "Boom")]))

    def test_connection_errors_are_shown_and_do_not_stop_other_mailboxes(self):
        bad = self.env["crm.mailbox"].create({
            "name": "Mauvais", "kind": "shared", "host": self.imap.host, "port": self.imap.port,
            "use_ssl": False, "login": self.imap.login, "password": "wrong"})
        with self.assertRaises(UserError) as ctx:
            bad.action_test_connection()
        self.assertIn("refused the login", ctx.exception.name)
        self.mailbox.action_test_connection()
        self.assertEqual(self.mailbox.state, "ok")

        self.deliver(make_mail("jeanne.martin@acme-industrie.fr", "contact@nous.example.fr",
                               "Cron", "c"))
        self.env["crm.mailbox"]._cron_fetch_all()
        self.assertEqual(bad.state, "error")
        self.assertIn("refused the login", bad.last_error)
        self.assertEqual(self.mailbox.state, "ok")
        self.assertEqual(self.emails_on(self.jeanne).mapped("subject"), ["Cron"])

        unreachable = self.env["crm.mailbox"].create({
            "name": "Ailleurs", "kind": "shared", "host": "127.0.0.1",
            "port": imap_server.free_port(), "use_ssl": False, "login": "x", "password": "y"})
        unreachable._fetch()
        self.assertEqual(unreachable.state, "error")
        self.assertIn("Cannot connect", unreachable.last_error)

    def test_file_unfiled_mail_by_hand(self):
        self.deliver(make_mail("inconnu@gmail.com", "contact@nous.example.fr",
                               "Candidature", "Mon CV en pièce jointe"))
        self.deliver(b"garbage without sender\r\n")
        self.mailbox._fetch()
        readable, unreadable = self.unfiled().sorted("imap_uid")
        wizard = self.env["crm.mail.file.wizard"].with_context(
            active_model="crm.mail.unfiled", active_ids=[readable.id, unreadable.id]).create(
            {"partner_id": self.acme.id})
        self.assertEqual(wizard.unfiled_ids, readable | unreadable)
        wizard.action_file()
        self.assertEqual(readable.state, "filed")
        self.assertEqual(readable.filed_partner_id, self.acme)
        self.assertEqual(readable.filed_message_id.model, "res.partner")
        self.assertEqual(readable.filed_message_id.res_id, self.acme.id)
        self.assertIn("Mon CV", readable.filed_message_id.body)
        # the unreadable one becomes a note carrying the original
        self.assertEqual(unreadable.state, "filed")
        note = unreadable.filed_message_id
        self.assertEqual(note.res_id, self.acme.id)
        self.assertEqual(note.attachment_ids.mapped("name"), ["original.eml"])
        with self.assertRaises(UserError):
            readable.action_file_to(self.acme)
        self.assertEqual(self.mailbox.unfiled_count, 0)


class TestMailboxAccess(MailboxCase):

    def setUp(self):
        super(TestMailboxAccess, self).setUp()
        Users = self.env["res.users"].with_context(no_reset_password=True)
        user_group = self.env.ref("crm_base.group_crm_user")
        self.other = Users.create({"name": "Luc Autre", "login": "luc.autre",
                                   "groups_id": [(6, 0, [user_group.id])]})
        self.manager = Users.create({
            "name": "Claire Cheffe", "login": "claire.cheffe",
            "groups_id": [(6, 0, [self.env.ref("crm_base.group_crm_manager").id])]})

    def test_personal_mailbox_and_its_mail_are_the_owners_only(self):
        personal = self.env["crm.mailbox"].sudo(self.salesman).create({
            "name": "Marie", "kind": "personal", "host": self.imap.host, "port": self.imap.port,
            "use_ssl": False, "login": self.imap.login, "password": self.imap.password})
        self.assertEqual(personal.user_id, self.salesman)
        self.deliver(make_mail("inconnu@gmail.com", "marie.vendeuse@nous.example.fr",
                               "Perso", "privé"))
        personal.sudo(self.salesman).action_fetch_now()
        Unfiled = self.env["crm.mail.unfiled"]
        mine = Unfiled.sudo(self.salesman).search([("subject", "=", "Perso")])
        self.assertEqual(mine.mapped("subject"), ["Perso"])
        for intruder in (self.other, self.manager):
            self.assertFalse(
                self.env["crm.mailbox"].sudo(intruder).search([("id", "=", personal.id)]))
            self.assertFalse(Unfiled.sudo(intruder).search([("subject", "=", "Perso")]))
        # the password is never read back; only the system sees the stored one
        self.assertFalse(personal.sudo(self.salesman).read(["password"])[0]["password"])
        self.assertTrue(personal.sudo(self.salesman).password_set)
        with self.assertRaises(AccessError):
            personal.sudo(self.salesman).read(["imap_password"])

    def test_shared_mailboxes_seen_by_users_configured_by_managers(self):
        self.assertEqual(self.env["crm.mailbox"].sudo(self.other).search([]), self.mailbox)
        with self.assertRaises(AccessError):
            self.mailbox.sudo(self.other).write({"folder": "Archive"})
        with self.assertRaises(AccessError):
            self.env["crm.mailbox"].sudo(self.other).create({
                "name": "Support", "kind": "shared", "host": "imap.example.fr", "login": "s"})
        shared = self.env["crm.mailbox"].sudo(self.manager).create({
            "name": "Support", "kind": "shared", "host": "imap.example.fr", "login": "s"})
        shared.sudo(self.manager).write({"folder": "Support"})
        self.assertIn(shared, self.env["crm.mailbox"].sudo(self.other).search([]))
        # unfiled mail of a shared mailbox: any CRM user files it
        self.deliver(make_mail("inconnu@gmail.com", "contact@nous.example.fr", "Partagé", "x"))
        self.mailbox._fetch()
        unfiled = self.env["crm.mail.unfiled"].sudo(self.other).search(
            [("subject", "=", "Partagé")])
        self.assertEqual(len(unfiled), 1)
        unfiled.action_file_to(self.jeanne)
        self.assertEqual(self.emails_on(self.jeanne).mapped("subject"), ["Partagé"])
