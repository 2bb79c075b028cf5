# -*- coding: utf-8 -*-
"""Tickets from the public form, the phone and the live chat, and what the
customer sees on the portal: at model level (the HTTP side is in
tests/test_crm_helpdesk_form_http.py of the repository)."""
import base64

from odoo.exceptions import AccessError, UserError
from odoo.tests.common import SavepointCase

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


class HelpdeskChannelsCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(HelpdeskChannelsCase, cls).setUpClass()
        cls.Ticket = cls.env["crm.ticket"]
        cls.team = cls.env["crm.helpdesk.team"].create({
            "name": "Support Formulaire", "alias_name": "support-hform-test",
            "web_form_enabled": True})
        cls.other_team = cls.env["crm.helpdesk.team"].create({
            "name": "Support Chat", "alias_name": "support-hform-chat"})
        cls.category = cls.env["crm.ticket.category"].create({
            "name": "Facturation", "team_id": cls.team.id})
        cls.foreign_category = cls.env["crm.ticket.category"].create({
            "name": "Chantier", "team_id": cls.other_team.id})
        cls.company_customer = cls.env["res.partner"].create({
            "name": "Boulangerie Lefèvre", "is_company": True})
        cls.camille = cls.env["res.partner"].create({
            "name": "Camille Lefèvre", "email": "camille@boulangerie-lefevre.fr",
            "parent_id": cls.company_customer.id, "mobile": "+33 7 59 31 84 26"})

    def form(self, **values):
        return dict({"name": "Camille Lefèvre", "email": "camille@boulangerie-lefevre.fr",
                     "phone": "", "subject": "Facture en double",
                     "description": "Bonjour,\nj'ai reçu deux fois la facture de mars."},
                    **values)


class TestWebForm(HelpdeskChannelsCase):

    def test_a_form_submission_becomes_a_web_ticket_of_the_known_customer(self):
        ticket = self.Ticket._crm_create_from_web_form(
            self.team, self.form(category_id=self.category.id), [("facture.pdf", PDF)])
        self.assertEqual((ticket.channel, ticket.team_id, ticket.partner_id, ticket.category_id),
                         ("web", self.team, self.camille, self.category))
        self.assertIn("deux fois la facture", ticket.description)
        attachment = self.env["ir.attachment"].search([("res_model", "=", "crm.ticket"),
                                                       ("res_id", "=", ticket.id)])
        self.assertEqual(attachment.datas_fname, "facture.pdf")
        self.assertEqual(base64.b64decode(attachment.datas), PDF)

    def test_the_customer_gets_an_acknowledgement_with_the_ticket_number(self):
        ticket = self.Ticket._crm_create_from_web_form(self.team, self.form(), [])
        mails = ticket.message_ids.filtered(lambda m: self.camille in m.partner_ids)
        self.assertEqual(len(mails), 1)
        self.assertIn(ticket.number, mails.subject)
        self.assertIn(ticket.number, mails.body)
        self.assertIn("/my/tickets/%d?access_token=" % ticket.id, mails.body)

    def test_an_unknown_visitor_gets_a_new_contact_with_their_phone(self):
        ticket = self.Ticket._crm_create_from_web_form(self.team, self.form(
            name="Paul Durand", email="paul.durand@example.fr", phone="06 98 76 54 32"), [])
        self.assertEqual((ticket.partner_id.name, ticket.partner_id.phone),
                         ("Paul Durand", "06 98 76 54 32"))

    def test_a_missing_field_or_a_huge_description_creates_nothing(self):
        count = self.Ticket.search_count([])
        for values in (self.form(email=""), self.form(subject="  "),
                       self.form(description="x" * 20001), self.form(email="pas-une-adresse")):
            errors = self.Ticket._crm_web_form_errors(self.team, values, [])
            self.assertTrue(errors, values)
            with self.assertRaises(UserError):
                self.Ticket._crm_create_from_web_form(self.team, values, [])
        self.assertEqual(self.Ticket.search_count([]), count)

    def test_an_executable_renamed_pdf_is_refused_with_its_name(self):
        errors = self.Ticket._crm_web_form_errors(self.team, self.form(),
                                                  [("devis.pdf", EXE)])
        self.assertEqual(errors, {"attachments": ["devis.pdf: programs are not accepted."]})
        errors = self.Ticket._crm_web_form_errors(self.team, self.form(),
                                                  [("outil.exe", PDF)])
        self.assertIn("outil.exe", errors["attachments"][0])

    def test_a_category_of_another_team_is_refused(self):
        errors = self.Ticket._crm_web_form_errors(
            self.team, self.form(category_id=self.foreign_category.id), [])
        self.assertEqual(list(errors), ["category_id"])

    def test_hostile_html_in_the_form_is_shown_as_text_never_run(self):
        ticket = self.Ticket._crm_create_from_web_form(self.team, self.form(
            subject="<img src=x onerror=alert(1)>",
            description="<script>alert('x')</script><b>gras</b>"), [])
        self.assertNotIn("<script", ticket.description)
        self.assertIn("&lt;script&gt;", ticket.description)
        self.assertNotIn("<b>", ticket.description)

    def test_refusals_are_in_french_for_a_french_visitor(self):
        if not self.env["res.lang"].search([("code", "=", "fr_FR")]):
            self.env["res.lang"].load_lang("fr_FR")
        errors = self.Ticket.with_context(lang="fr_FR")._crm_web_form_errors(
            self.team, self.form(email=""), [])
        self.assertEqual(len(errors["email"]), 1)

    def test_five_submissions_in_ten_minutes_from_one_address_are_the_limit(self):
        Attempt = self.env["crm.helpdesk.form.attempt"]
        for index in range(5):
            self.assertFalse(Attempt._crm_is_limited("203.0.113.9", "bot%d@x.fr" % index,
                                                     self.team))
            Attempt._crm_record("203.0.113.9", "bot%d@x.fr" % index, self.team, True)
        self.assertTrue(Attempt._crm_is_limited("203.0.113.9", "new@x.fr", self.team))
        # another team's form, another address: open
        self.assertFalse(Attempt._crm_is_limited("203.0.113.9", "new@x.fr", self.other_team))
        self.assertFalse(Attempt._crm_is_limited("198.51.100.7", "new@x.fr", self.team))

    def test_five_submissions_from_one_email_are_the_limit_on_every_team(self):
        Attempt = self.env["crm.helpdesk.form.attempt"]
        for index in range(5):
            Attempt._crm_record("192.0.2.%d" % index, "Flood@X.fr", self.team, False)
        self.assertTrue(Attempt._crm_is_limited("192.0.2.99", "flood@x.fr", self.other_team))

    def test_the_team_shows_its_form_address_and_iframe_only_when_enabled(self):
        self.assertTrue(self.team.web_form_url.endswith("/support/%d" % self.team.id))
        self.assertIn('<iframe src="%s?embed=1"' % self.team.web_form_url,
                      self.team.web_form_iframe)
        self.assertFalse(self.other_team.web_form_url)


class TestPhoneCall(HelpdeskChannelsCase):

    def test_the_caller_is_found_however_the_number_is_typed(self):
        Partner = self.env["res.partner"]
        for typed in ("07 59 31 84 26", "+33759318426", "0033 7 59 31 84 26"):
            self.assertEqual(Partner.crm_find_by_phone(typed), self.camille, typed)
        self.assertFalse(Partner.crm_find_by_phone("07 59 31 84 27"))
        self.assertFalse(Partner.crm_find_by_phone("abc"))

    def test_a_phone_call_shows_the_caller_and_their_open_tickets_then_a_ticket(self):
        older = self.Ticket.create({"name": "Four en panne", "team_id": self.team.id,
                                    "partner_id": self.camille.id})
        wizard = self.env["crm.ticket.phone.wizard"].create({
            "phone": "07.59.31.84.26", "team_id": self.team.id})
        wizard._onchange_phone()
        self.assertEqual(wizard.match_ids, self.camille)
        self.assertEqual(wizard.partner_id, self.camille)
        self.assertIn(older, wizard.open_ticket_ids)
        wizard.write({"name": "Rappel sur la facture", "description": "Rappeler avant 17h"})
        action = wizard.action_crm_create_ticket()
        ticket = self.Ticket.browse(action["res_id"])
        self.assertEqual((ticket.channel, ticket.partner_id, ticket.partner_phone),
                         ("phone", self.camille, "07.59.31.84.26"))

    def test_an_unknown_caller_needs_a_name_and_gets_a_contact(self):
        wizard = self.env["crm.ticket.phone.wizard"].create({
            "phone": "01 47 83 29 61", "team_id": self.team.id, "name": "Devis"})
        wizard._onchange_phone()
        self.assertFalse(wizard.partner_id)
        with self.assertRaises(UserError):
            wizard.action_crm_create_ticket()
        wizard.new_contact_name = "Garage Martin"
        ticket = self.Ticket.browse(wizard.action_crm_create_ticket()["res_id"])
        self.assertEqual(ticket.partner_id.name, "Garage Martin")
        self.assertEqual(self.env["res.partner"].crm_find_by_phone("+33147832961"),
                         ticket.partner_id)


class TestPortal(HelpdeskChannelsCase):

    @classmethod
    def setUpClass(cls):
        super(TestPortal, cls).setUpClass()
        cls.portal_user = cls.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Camille Lefèvre", "login": "camille.portal.hform",
            "partner_id": cls.camille.id,
            "groups_id": [(6, 0, [cls.env.ref("base.group_portal").id])]})
        cls.colleague = cls.env["res.partner"].create({
            "name": "Marc Lefèvre", "parent_id": cls.company_customer.id})
        cls.stranger = cls.env["res.partner"].create({"name": "Garage Voisin"})
        cls.mine = cls.Ticket.create({"name": "Four", "team_id": cls.team.id,
                                      "partner_id": cls.camille.id})
        cls.colleagues = cls.Ticket.create({"name": "Pétrin", "team_id": cls.team.id,
                                            "partner_id": cls.colleague.id})
        cls.strangers = cls.Ticket.create({"name": "Pneus", "team_id": cls.team.id,
                                           "partner_id": cls.stranger.id})

    def test_a_portal_user_sees_their_company_tickets_only(self):
        Ticket = self.Ticket.sudo(self.portal_user)
        self.assertEqual(set(Ticket.search([]).ids), {self.mine.id, self.colleagues.id})
        with self.assertRaises(AccessError):
            self.strangers.sudo(self.portal_user).read(["name"])
        with self.assertRaises(AccessError):
            self.mine.sudo(self.portal_user).write({"name": "Changé"})

    def test_a_customer_answer_moves_a_waiting_ticket_back_in_progress(self):
        self.mine.stage_id = self.env.ref("crm_helpdesk.stage_waiting")
        message = self.mine._crm_portal_reply(self.camille, "Voici la photo <b>demandée</b>")
        self.assertEqual(message.author_id, self.camille)
        self.assertIn("&lt;b&gt;", message.body)
        self.assertEqual(self.mine.stage_id, self.env.ref("crm_helpdesk.stage_progress"))
        self.assertIn(message, self.mine._crm_portal_messages())

    def test_internal_notes_are_not_shown_to_the_customer(self):
        note = self.mine.message_post(body="Client difficile", subtype="mail.mt_note",
                                      message_type="comment")
        self.assertNotIn(note, self.mine._crm_portal_messages())

    def test_an_empty_answer_or_a_closed_ticket_is_refused(self):
        with self.assertRaises(UserError):
            self.mine._crm_portal_reply(self.camille, "   ")
        self.mine.stage_id = self.env.ref("crm_helpdesk.stage_solved")
        with self.assertRaises(UserError):
            self.mine._crm_portal_reply(self.camille, "Encore moi")

    def test_the_mail_link_token_opens_that_ticket_only(self):
        link = self.mine.crm_portal_link()
        token = link.rsplit("=", 1)[1]
        self.assertTrue(self.mine._crm_check_portal_token(token))
        self.assertFalse(self.colleagues._crm_check_portal_token(token))
        self.assertFalse(self.mine._crm_check_portal_token("wrong"))
        self.assertEqual(self.mine.crm_portal_link(), link)


class TestLivechat(HelpdeskChannelsCase):

    @classmethod
    def setUpClass(cls):
        super(TestLivechat, cls).setUpClass()
        cls.operator = cls.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Julie Opératrice", "login": "julie.hform.chat",
            "groups_id": [(6, 0, [cls.env.ref("crm_helpdesk.group_helpdesk_user").id])]})
        cls.livechat = cls.env["im_livechat.channel"].create({
            "name": "Chat du site", "user_ids": [(6, 0, [cls.operator.id])]})
        cls.other_team.livechat_channel_id = cls.livechat

    def session(self, *lines):
        session = self.env["mail.channel"].create({
            "name": "Visiteur, Julie", "channel_type": "livechat", "public": "private",
            "livechat_channel_id": self.livechat.id, "anonymous_name": "Visiteur 42",
            "channel_partner_ids": [(4, self.operator.partner_id.id)]})
        for author, body in lines:
            session.message_post(body=body, author_id=author.id if author else False,
                                 message_type="comment", subtype="mail.mt_comment")
        return session

    def test_a_chat_with_no_contact_still_gives_one_ticket_marked_so(self):
        session = self.session((None, "Bonjour, ma commande n'arrive pas"),
                               (self.operator.partner_id, "Je regarde"))
        ticket = self.Ticket._crm_from_livechat(session)
        self.assertEqual((ticket.channel, ticket.team_id, ticket.livechat_session_id),
                         ("chat", self.other_team, session))
        self.assertTrue(ticket.livechat_without_contact)
        self.assertFalse(ticket.partner_id)
        self.assertEqual(ticket.name, "Bonjour, ma commande n'arrive pas")
        self.assertIn("Visiteur 42", ticket.description)
        self.assertIn("Julie Opératrice", ticket.description)
        self.assertEqual(ticket.user_id, self.operator)
        # ending the session again does not make another one
        self.assertEqual(session._crm_close_session_ticket(), ticket)
        self.assertEqual(self.Ticket.search_count([("livechat_session_id", "=", session.id)]),
                         1)

    def test_the_email_the_visitor_typed_finds_their_contact(self):
        session = self.session((None, "Je suis camille@boulangerie-lefevre.fr"),)
        ticket = self.Ticket._crm_from_livechat(session)
        self.assertEqual(ticket.partner_id, self.camille)
        self.assertFalse(ticket.livechat_without_contact)

    def test_a_visitor_script_is_shown_as_text_in_the_transcript(self):
        session = self.session((None, "&lt;script&gt;alert(1)&lt;/script&gt; hello"),)
        ticket = self.Ticket._crm_from_livechat(session)
        self.assertNotIn("<script", ticket.description)
        self.assertIn("&lt;script&gt;", ticket.description)

    def test_the_ticket_command_uses_the_operator_subject(self):
        session = self.session((None, "Bonjour"),)
        session.sudo(self.operator)._execute_command_ticket(body="/ticket Livraison en retard")
        ticket = session.crm_ticket_ids
        self.assertEqual(ticket.name, "Livraison en retard")

    def test_an_empty_chat_or_a_chat_of_no_team_gives_no_ticket(self):
        self.assertIsNone(self.Ticket._crm_from_livechat(self.session()))
        other = self.env["im_livechat.channel"].create({"name": "Ventes"})
        session = self.session((None, "Un prix ?"),)
        session.livechat_channel_id = other
        self.assertIsNone(self.Ticket._crm_from_livechat(session))
