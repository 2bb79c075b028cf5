# -*- coding: utf-8 -*-
"""The share link of a quote, sending it by email, and what the customer's
visits record (views, downloads, time on page) and who may see them."""
import base64
import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests.common import SavepointCase
from odoo.tools import mute_logger

from .common import sales_user
from .test_quote_report import load_french
from .test_quote_sign import QuoteFixture, RealPdfMixin


class TestQuoteShareLink(QuoteFixture, SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestQuoteShareLink, cls).setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param("web.base.url", "https://crm.example.fr")
        cls.other_seller = sales_user(cls.env, "Hugo Sud", "hugo.share@example.com")
        cls.manager = sales_user(cls.env, "Marc Directeur", "marc.share@example.com", manager=True)
        south = cls.env["crm.sales.team"].create({
            "name": "Sud", "member_ids": [(6, 0, [cls.other_seller.id])]})
        cls.quote.write({"team_id": cls.env.ref("crm_sales.crm_sales_team_main").id})
        cls.other_quote = cls.env["crm.quote"].create({
            "partner_id": cls.customer.id, "user_id": cls.other_seller.id, "team_id": south.id,
            "line_ids": [(0, 0, {"name": "Audit", "quantity": 1, "price_unit": 900.0})]})

    def test_share_url_and_token(self):
        quote = self.quote.sudo(self.salesperson)
        token = self.quote.access_token
        self.assertEqual(len(token), 32)
        url = quote.get_share_url()
        self.assertEqual(url, "https://crm.example.fr/crm/quote/%d/%s" % (quote.id, token))
        self.assertEqual(quote.share_url, url)
        Quote = self.env["crm.quote"]
        self.assertEqual(Quote._crm_quote_from_token(quote.id, token), self.quote)
        # wrong token, another quote's token, another id, nothing: nothing found
        other_token = self.other_quote.access_token
        for quote_id, candidate in ((quote.id, token[:-1] + ("0" if token[-1] != "0" else "1")),
                                    (quote.id, other_token), (self.other_quote.id, token),
                                    (quote.id, ""), (quote.id, None), (999999999, token),
                                    (quote.id, token.upper() if token.upper() != token
                                     else token + "x")):
            self.assertFalse(Quote._crm_quote_from_token(quote_id, candidate),
                             (quote_id, candidate))

    def test_new_share_link_revokes_the_old_one(self):
        old_token = self.quote.access_token
        old_url = self.quote.get_share_url()
        self.quote.sudo(self.salesperson).action_regenerate_share_link()
        self.assertNotEqual(self.quote.access_token, old_token)
        self.assertNotEqual(self.quote.get_share_url(), old_url)
        Quote = self.env["crm.quote"]
        self.assertFalse(Quote._crm_quote_from_token(self.quote.id, old_token))
        self.assertEqual(Quote._crm_quote_from_token(self.quote.id, self.quote.access_token),
                         self.quote)
        self.assertIn("previous link no longer opens the quote", self.quote.message_ids[0].body)

    def test_another_team_gets_no_link(self):
        theirs = self.quote.sudo(self.other_seller)
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            theirs.get_share_url()
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            theirs.action_regenerate_share_link()
        # a portal user reads no token at all
        portal = self.env["res.users"].create({
            "name": "Client Portail", "login": "portal.share@example.com",
            "groups_id": [(6, 0, [self.env.ref("base.group_portal").id])]})
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            self.quote.sudo(portal).get_share_url()

    def test_views_downloads_and_time_on_page(self):
        quote = self.quote.sudo()
        self.assertEqual((quote.view_count, quote.download_count, quote.view_duration), (0, 0, 0))
        messages_before = len(quote.message_ids)
        view = quote._crm_record_view("view", ip_address="203.0.113.7",
                                      user_agent="Mozilla/5.0 " + "x" * 500)
        self.assertEqual(quote.view_count, 1)
        self.assertEqual(quote.last_viewed_on, view.date)
        self.assertEqual(view.ip_address, "203.0.113.7")
        self.assertEqual(len(view.user_agent), 256)
        # the first view is told in the chatter, to the salesperson
        self.assertEqual(len(quote.message_ids), messages_before + 1)
        self.assertIn("The customer opened the quote.", quote.message_ids[0].body)
        self.assertIn(self.salesperson.partner_id, quote.message_ids[0].partner_ids)
        second = quote._crm_record_view("view", ip_address="203.0.113.7")
        quote._crm_record_view("download", ip_address="203.0.113.8")
        self.assertEqual((quote.view_count, quote.download_count), (2, 1))
        self.assertEqual(len(quote.message_ids), messages_before + 1, "only the first view is told")

        # pings: the page's key is needed, the time only grows, and never
        # beyond the time since the page was opened
        self.assertFalse(view._crm_ping("wrong-key", 20))
        self.assertEqual(view.duration, 0)
        key = view.sudo().ping_key
        self.assertTrue(view._crm_ping(key, 20))
        self.assertEqual(view.duration, 20)
        view._crm_ping(key, 5)
        self.assertEqual(view.duration, 20)
        view._crm_ping(key, 99999)
        self.assertLess(view.duration, 60)   # opened a moment ago: at most ~30 s of slack
        view.write({"date": (datetime.datetime.utcnow() - datetime.timedelta(minutes=10))
                    .strftime("%Y-%m-%d %H:%M:%S")})
        view._crm_ping(key, 185)
        second._crm_ping(second.sudo().ping_key, 0)
        self.assertEqual(view.duration, 185)
        self.assertEqual(view.duration_display, "3 min 05 s")
        self.assertFalse(view._crm_ping(key, "abc"))
        self.assertEqual(quote.view_duration, 185)
        self.assertEqual(quote.view_duration_display, "3 min 05 s")

        # the opportunity shows them
        self.assertEqual(self.opportunity.quote_visit_count, 3)
        self.assertTrue(self.opportunity.quote_last_viewed_on)
        action = self.opportunity.action_view_quote_visits()
        self.assertEqual(self.env["crm.quote.visit"].search(action["domain"]), quote.visit_ids)

    def test_customer_texts_in_their_language_notes_in_the_salespersons(self):
        load_french(self.env)
        self.contact.lang = "fr_FR"          # the customer reads French
        self.salesperson.lang = "en_US"      # the salesperson English
        quote = self.quote.sudo()
        self.assertEqual(quote._crm_customer_lang(), "fr_FR")
        french = quote.with_context(lang="fr_FR")   # as the public page does
        [tax] = french._crm_tax_lines()
        label = tax["label"].replace("\u00a0", " ").replace("\u202f", " ")
        self.assertEqual(label, "TVA 20 % sur 3 000,00 €")
        self.assertEqual(french._crm_pdf_filename(), "Devis %s.pdf" % quote.name)
        with self.assertRaises(UserError) as caught:
            french._crm_sign("Paul Keller", "paul@menuiserie-keller.fr", "203.0.113.7", "")
        self.assertEqual(caught.exception.args[0],
                         "Dessinez votre signature (ou tapez votre nom) avant de signer.")
        # the note of the first view is written for the salesperson
        french._crm_record_view("view")
        self.assertIn("The customer opened the quote.", quote.message_ids[0].body)
        self.salesperson.lang = "fr_FR"
        french._crm_refuse("Trop cher")
        self.assertIn("Le client a refusé le devis : Trop cher", quote.message_ids[0].body)

    def test_who_sees_the_views(self):
        self.quote.sudo()._crm_record_view("view")
        self.other_quote.sudo()._crm_record_view("view")
        Views = self.env["crm.quote.visit"]
        all_views = Views.search([("quote_id", "in", (self.quote | self.other_quote).ids)])
        self.assertEqual(len(all_views), 2)
        domain = [("id", "in", all_views.ids)]
        self.assertEqual(Views.sudo(self.salesperson).search(domain).quote_id, self.quote)
        self.assertEqual(Views.sudo(self.other_seller).search(domain).quote_id, self.other_quote)
        self.assertEqual(len(Views.sudo(self.manager).search([("id", "in", all_views.ids)])), 2)
        # read only, and the ping key is not for them
        mine = all_views.filtered(lambda v: v.quote_id == self.quote).sudo(self.salesperson)
        self.assertEqual(mine.read(["kind"])[0]["kind"], "view")
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            mine.read(["ping_key"])
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            mine.write({"duration": 9999})
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            mine.unlink()
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            Views.sudo(self.salesperson).create({"quote_id": self.quote.id, "kind": "view"})


class TestQuoteSendByEmail(RealPdfMixin, QuoteFixture, SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestQuoteSendByEmail, cls).setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param("web.base.url", "https://crm.example.fr")
        cls.draft = cls.env["crm.quote"].create({
            "opportunity_id": cls.opportunity.id, "partner_id": cls.customer.id,
            "contact_id": cls.contact.id, "user_id": cls.salesperson.id,
            "line_ids": [(0, 0, {"name": "Pose de l'établi", "quantity": 1, "price_unit": 480.0})]})

    def compose(self, quote):
        action = quote.sudo(self.salesperson).action_quote_send()
        self.assertEqual(action["res_model"], "mail.compose.message")
        context = action["context"]
        self.assertEqual(context["default_template_id"],
                         self.env.ref("crm_sales.crm_quote_mail_template").id)
        Composer = self.env["mail.compose.message"].sudo(self.salesperson)
        # the action's own context, as it is (replaces the test's)
        Composer = Composer.with_context(context)  # pylint: disable=context-overridden
        composer = Composer.create({})
        values = composer.onchange_template_id(
            context["default_template_id"], "comment", "crm.quote", quote.id)["value"]
        composer.write(values)
        return composer

    def test_send_by_email_with_link_and_pdf_marks_sent(self):
        quote = self.draft
        self.assertEqual(quote.state, "draft")
        composer = self.compose(quote)
        self.assertIn(quote.name, composer.subject)
        self.assertIn(self.contact, composer.partner_ids)
        self.assertIn(quote.get_share_url(), composer.body)
        self.assertEqual(len(composer.attachment_ids), 1)
        self.assertEqual(composer.attachment_ids.name, "Quote %s.pdf" % quote.name)
        self.assertTrue(base64.b64decode(composer.attachment_ids.datas).startswith(b"%PDF"))
        composer.send_mail()

        self.assertEqual(quote.state, "sent")
        self.assertTrue(quote.sent_date)
        message = quote.message_ids.filtered(lambda m: m.message_type == "comment"
                                             and quote.get_share_url() in (m.body or ""))
        self.assertEqual(len(message), 1)
        self.assertIn(self.contact, message.partner_ids)
        self.assertEqual(message.attachment_ids.name, "Quote %s.pdf" % quote.name)
        self.assertEqual(message.attachment_ids.res_id, quote.id)
        # an email went to the contact (the mail itself is deleted once sent)
        notification = self.env["mail.notification"].sudo().search([
            ("mail_message_id", "=", message.id), ("res_partner_id", "=", self.contact.id)])
        self.assertTrue(notification.is_email)

    def test_template_in_french_for_a_french_contact(self):
        load_french(self.env)
        self.contact.lang = "fr_FR"
        composer = self.compose(self.draft)
        self.assertIn("Devis %s" % self.draft.name, composer.subject)
        self.assertIn("Voir et signer le devis", composer.body)
        self.assertIn(self.draft.get_share_url(), composer.body)
        self.assertEqual(composer.attachment_ids.name, "Devis %s.pdf" % self.draft.name)

    def test_what_cannot_be_sent(self):
        empty = self.env["crm.quote"].create({"partner_id": self.customer.id,
                                              "user_id": self.salesperson.id})
        with self.assertRaises(UserError) as caught:
            empty.sudo(self.salesperson).action_quote_send()
        self.assertIn("line with a price", caught.exception.args[0])
        self.quote.action_new_revision()
        with self.assertRaises(UserError) as caught:
            self.quote.sudo(self.salesperson).action_quote_send()
        self.assertIn("newer revision", caught.exception.args[0])
