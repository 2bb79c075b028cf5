# -*- coding: utf-8 -*-
"""Shared set-up of the tests/test_ticket_mail_*.py: a team with its alias,
an agent, a customer, and inbound mails built as real RFC 5322 sources."""
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import formatdate, make_msgid

from odoo.tests.common import SavepointCase

ALIAS = "support-hmail-test"


def build_mail(subject, sender, to=ALIAS + "@example.com", body="Bonjour,\nJ'ai un souci.",
               message_id=None, in_reply_to=None, attachments=()):
    """Bytes of a mail; attachments: (name, content bytes, mimetype)."""
    if attachments:
        mail = MIMEMultipart()
        mail.attach(MIMEText(body, "plain", "utf-8"))
        for name, content, mimetype in attachments:
            part = MIMEApplication(content, _subtype=mimetype.split("/")[1])
            part.add_header("Content-Disposition", "attachment", filename=name)
            mail.attach(part)
    else:
        mail = MIMEText(body, "plain", "utf-8")
    if sender:
        mail["From"] = sender
    mail["To"] = to
    if subject is not None:
        mail["Subject"] = subject
    mail["Date"] = formatdate()
    mail["Message-Id"] = message_id or make_msgid(domain="client.example.fr")
    if in_reply_to:
        mail["In-Reply-To"] = in_reply_to
        mail["References"] = in_reply_to
    return mail.as_bytes()


class TicketMailCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TicketMailCase, cls).setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, mail_notify_force_send=False,
                                       tracking_disable=False))
        cls.agent = cls.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Agathe Support", "login": "agathe.hmail", "email": "agathe@ma-pme.fr",
            "groups_id": [(6, 0, [cls.env.ref("base.group_user").id,
                                  cls.env.ref("crm_helpdesk.group_helpdesk_user").id])]})
        cls.team = cls.env["crm.helpdesk.team"].create({
            "name": "Support mail", "alias_name": ALIAS, "member_ids": [(6, 0, cls.agent.ids)],
            "assign_method": "manual"})
        cls.customer = cls.env["res.partner"].create({
            "name": "Camille Martin", "email": "camille.martin@client.example.fr"})
        cls.Ticket = cls.env["crm.ticket"]
        cls.stage_progress = cls.env.ref("crm_helpdesk.stage_progress")
        cls.stage_waiting = cls.env.ref("crm_helpdesk.stage_waiting")
        cls.stage_solved = cls.env.ref("crm_helpdesk.stage_solved")

    def process(self, raw, model=None):
        """The ticket the gateway put the mail in."""
        thread_id = self.env["mail.thread"].message_process(model, raw)
        return self.Ticket.browse(thread_id) if thread_id else self.Ticket

    def new_ticket_by_mail(self, subject="L'imprimante ne répond plus",
                           sender="Camille Martin <camille.martin@client.example.fr>", **kw):
        return self.process(build_mail(subject, sender, **kw))

    def customer_messages(self, ticket):
        # the customer's own mails (the satisfaction survey is an e-mail too)
        return ticket.message_ids.filtered(
            lambda m: m.message_type == "email" and m.author_id == ticket.partner_id)
