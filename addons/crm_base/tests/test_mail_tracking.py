# -*- coding: utf-8 -*-
"""Outbound tracking: emails sent from a contact go through a real SMTP sink
(aiosmtpd); the body that left carries the open pixel and signed links."""
import email
import html
import re
import socket
import threading
from email import policy
from urllib.parse import parse_qs, urlsplit

from aiosmtpd.controller import Controller

from odoo.tests.common import TransactionCase

from ..logic import mail_tracking


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SinkHandler(object):
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content))
        return "250 OK"


class TestMailTracking(TransactionCase):

    def setUp(self):
        super(TestMailTracking, self).setUp()
        self.sink = SinkHandler()
        port = free_port()
        self.smtp = Controller(self.sink, hostname="127.0.0.1", port=port)
        self.smtp.start()
        self.addCleanup(self.smtp.stop)
        self.env["ir.mail_server"].search([]).write({"active": False})
        self.env["ir.mail_server"].create({
            "name": "Test sink", "smtp_host": "127.0.0.1", "smtp_port": port,
            "smtp_encryption": "none", "sequence": 1})
        self.env["ir.config_parameter"].set_param("web.base.url", "https://crm.example.fr")
        self.company = self.env.user.company_id
        self.company.crm_mail_tracking = True
        self.jeanne = self.env["res.partner"].create({
            "name": "Jeanne Martin", "email": "jeanne.martin@acme-industrie.fr"})

    def send_from_contact(self, partner, body):
        """Post an email on the contact's record to the contact, as a user
        does from the chatter, and send the queue through the SMTP sink."""
        message = partner.with_context(mail_notify_force_send=False).message_post(
            body=body, subject="Notre offre", message_type="comment",
            subtype="mail.mt_comment", partner_ids=[partner.id])
        mails = self.env["mail.mail"].search([("mail_message_id", "=", message.id)])
        self.assertTrue(mails)
        thread = threading.current_thread()
        testing = getattr(thread, "testing", False)
        thread.testing = False  # let ir.mail_server really talk to the sink
        try:
            mails.send(raise_exception=True)
        finally:
            thread.testing = testing
        return message

    def html_sent_to(self, address):
        for rcpts, content in self.sink.messages:
            if address in rcpts:
                msg = email.message_from_bytes(content, policy=policy.default)
                return msg.get_body(("html",)).get_content()
        self.fail("nothing was sent to %s (sent: %s)" % (
            address, [r for r, _c in self.sink.messages]))

    def test_sent_email_carries_pixel_and_signed_links(self):
        message = self.send_from_contact(
            self.jeanne, '<p>Voir <a href="https://www.acme.fr/offre?x=1&amp;y=2">l\'offre</a> '
                         'ou <a href="mailto:vente@nous.fr">écrire</a></p>')
        body = self.html_sent_to("jeanne.martin@acme-industrie.fr")
        tracking = self.env["crm.mail.tracking"].search([("mail_message_id", "=", message.id)])
        self.assertEqual(len(tracking), 1)
        self.assertEqual(tracking.partner_id, self.jeanne)
        token = tracking._token()
        self.assertIn('src="https://crm.example.fr/crm/mail/open/%s.png"' % token, body)
        self.assertNotIn('href="https://www.acme.fr', body)
        self.assertIn('href="mailto:vente@nous.fr"', body)
        links = [html.unescape(h) for h in re.findall(r'href="([^"]+/crm/mail/click/[^"]+)"', body)]
        offer = [link for link in links if "acme.fr" in link]
        self.assertEqual(len(offer), 1)
        query = parse_qs(urlsplit(offer[0]).query)
        self.assertEqual(query["url"], ["https://www.acme.fr/offre?x=1&y=2"])
        secret = self.env["ir.config_parameter"].get_param("database.secret")
        self.assertTrue(mail_tracking.verify_click(secret, token, query["url"][0], query["sig"][0]))
        # nothing opened yet: the contact and the message say so
        self.assertEqual(tracking.summary, "not opened yet")
        self.assertEqual(self.jeanne.crm_mail_sent_count, 1)
        self.assertEqual(self.jeanne.crm_mail_opened_count, 0)

    def test_opens_and_clicks_are_counted_and_shown(self):
        message = self.send_from_contact(self.jeanne, '<p><a href="https://acme.fr/a">a</a></p>')
        Tracking = self.env["crm.mail.tracking"]
        tracking = Tracking.search([("mail_message_id", "=", message.id)])
        token = tracking._token()
        # the controller resolves the token of the URL, then records
        found = Tracking._from_token(token)
        self.assertEqual(found, tracking)
        found._record_open()
        found._record_open()
        self.assertEqual(tracking.open_count, 2)
        self.assertTrue(tracking.first_open_date and tracking.last_open_date)
        self.assertRegex(tracking.summary, r"^opened 2 times, last on \S+ \d\d:\d\d$")
        found._record_click("https://acme.fr/a")
        self.assertEqual(tracking.click_count, 1)
        self.assertEqual(tracking.last_click_url, "https://acme.fr/a")
        self.assertIn("clicked once, on", tracking.summary)
        self.assertEqual(self.jeanne.crm_mail_opened_count, 1)
        # the chatter: the recipient line of the envelope icon carries the summary
        data = message.message_format()[0]["customer_email_data"]
        self.assertEqual(len(data), 1)
        self.assertIn("Jeanne Martin (opened 2 times, last on", data[0][1])
        # forged or foreign tokens resolve to nothing
        self.assertFalse(Tracking._from_token("%d.%s" % (tracking.id, "0" * 32)))
        self.assertFalse(Tracking._from_token("garbage"))

    def test_company_setting_turns_tracking_off(self):
        settings = self.env["res.config.settings"].create({"crm_mail_tracking": False})
        settings.execute()
        self.assertFalse(self.company.crm_mail_tracking)
        message = self.send_from_contact(self.jeanne, '<p><a href="https://acme.fr/a">a</a></p>')
        body = self.html_sent_to("jeanne.martin@acme-industrie.fr")
        self.assertIn('href="https://acme.fr/a"', body)
        self.assertNotIn("/crm/mail/", body)
        self.assertFalse(
            self.env["crm.mail.tracking"].search([("mail_message_id", "=", message.id)]))

    def test_colleagues_notifications_are_not_tracked(self):
        colleague = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Paul Collègue", "login": "paul.collegue", "email": "paul@nous.example.fr",
            "notification_type": "email",
            "groups_id": [(6, 0, [self.env.ref("crm_base.group_crm_user").id])]})
        message = self.send_from_contact(self.jeanne, "<p>Bonjour</p>")
        message_to_colleague = self.jeanne.with_context(mail_notify_force_send=False).message_post(
            body="<p>Pour info</p>", message_type="comment", subtype="mail.mt_comment",
            partner_ids=[colleague.partner_id.id])
        mails = self.env["mail.mail"].search([("mail_message_id", "=", message_to_colleague.id)])
        thread = threading.current_thread()
        testing, thread.testing = getattr(thread, "testing", False), False
        try:
            mails.send(raise_exception=True)
        finally:
            thread.testing = testing
        self.assertNotIn("/crm/mail/open/", self.html_sent_to("paul@nous.example.fr"))
        Tracking = self.env["crm.mail.tracking"]
        self.assertEqual(len(Tracking.search([("mail_message_id", "=", message.id)])), 1)
        self.assertFalse(Tracking.search([("mail_message_id", "=", message_to_colleague.id)]))
