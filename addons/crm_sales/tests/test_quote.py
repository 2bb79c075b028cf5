# -*- coding: utf-8 -*-
"""Quotes: lines and totals, numbers, validity, locking, who sees what,
templates, and quotes seen from their opportunity."""
import datetime
import re

import psycopg2
from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests.common import SavepointCase
from odoo.tools import mute_logger

from .common import sales_user


class QuoteCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(QuoteCase, cls).setUpClass()
        cls.customer = cls.env["res.partner"].create({
            "name": "Boulangerie Dupont SARL", "is_company": True,
            "siren": "552100554", "vat": "FR96552100554"})
        cls.contact = cls.env["res.partner"].create({
            "name": "Jeanne Dupont", "parent_id": cls.customer.id,
            "email": "jeanne@dupont.example"})
        cls.term_45 = cls.env.ref("crm_sales.crm_payment_term_45_eom")

    @classmethod
    def make_quote(cls, lines=None, **vals):
        if lines is None:
            lines = [{"name": "Site vitrine", "quantity": 1, "price_unit": 1000.0}]
        vals.setdefault("partner_id", cls.customer.id)
        vals["line_ids"] = [(0, 0, line) for line in lines]
        return cls.env["crm.quote"].create(vals)


class TestQuoteTotals(QuoteCase):

    def test_totals_with_vat_per_rate(self):
        quote = self.make_quote([
            {"display_type": "line_section", "name": "Développement"},
            {"name": "Jours de développement", "quantity": 3, "unit": "day",
             "price_unit": 650.0, "discount": 10.0, "vat_rate": "20"},
            {"display_type": "line_note", "name": "Hébergement compris la première année"},
            {"name": "Livre", "quantity": 3, "price_unit": 12.99, "vat_rate": "5.5"},
            {"name": "Remise commerciale", "quantity": 1, "price_unit": -55.0, "vat_rate": "20"},
        ])
        section, dev, note, book, rebate = quote.line_ids
        self.assertEqual(dev.price_subtotal, 1755.0)        # 3 x 650 - 10 %
        self.assertEqual(dev.price_tax, 351.0)
        self.assertEqual(dev.price_total, 2106.0)
        self.assertEqual(book.price_subtotal, 38.97)
        self.assertEqual((section.price_subtotal, note.price_total), (0.0, 0.0))
        self.assertEqual(rebate.price_subtotal, -55.0)
        self.assertEqual(quote.amount_untaxed, 1738.97)
        # VAT 20 % on 1700.00 = 340.00; VAT 5.5 % on 38.97 = 2.14335 -> 2.14
        self.assertEqual(quote.amount_tax, 342.14)
        self.assertEqual(quote.amount_total, 2081.11)
        breakdown = quote._crm_tax_breakdown()
        self.assertEqual([(t["rate"], t["base"], t["amount"]) for t in breakdown],
                         [(20.0, 1700.0, 340.0), (5.5, 38.97, 2.14)])
        self.assertIn("VAT 5.5%", quote.tax_breakdown_html)  # English, as CLDR writes it
        self.assertIn("2.14", quote.tax_breakdown_html)

    def test_vat_rounded_per_rate_not_per_line(self):
        quote = self.make_quote([{"name": "Vis", "quantity": 1, "price_unit": 0.06}
                                 for _i in range(10)])
        self.assertAlmostEqual(sum(quote.line_ids.mapped("price_tax")), 0.10, places=2)
        self.assertEqual(quote.amount_tax, 0.12)
        self.assertEqual(quote.amount_total, 0.72)

    def test_totals_follow_line_changes(self):
        quote = self.make_quote()
        self.assertEqual(quote.amount_total, 1200.0)
        quote.line_ids.write({"quantity": 2, "vat_rate": "10"})
        self.assertEqual((quote.amount_untaxed, quote.amount_tax, quote.amount_total),
                         (2000.0, 200.0, 2200.0))
        quote.write({"line_ids": [(0, 0, {"name": "Formation", "quantity": 1,
                                          "price_unit": 300.0, "vat_rate": "0"})]})
        self.assertEqual(quote.amount_total, 2500.0)
        quote.line_ids[0].unlink()
        self.assertEqual(quote.amount_total, 300.0)
        self.assertEqual(quote.amount_tax, 0.0)

    def test_a_section_keeps_no_amount(self):
        quote = self.make_quote([{"display_type": "line_section", "name": "Lot 1",
                                  "quantity": 5, "price_unit": 99.0}])
        self.assertEqual(quote.line_ids.price_unit, 0.0)
        self.assertEqual(quote.amount_total, 0.0)

    def test_discount_out_of_range_is_refused(self):
        with self.assertRaises(psycopg2.IntegrityError):
            with self.cr.savepoint(), mute_logger("odoo.sql_db"):
                self.make_quote([{"name": "Trop", "price_unit": 10.0, "discount": 120.0}])

    def test_product_fills_the_line(self):
        product = self.env["product.product"].create({
            "name": "Audit SEO", "list_price": 480.0, "type": "service",
            "uom_id": self.env.ref("product.product_uom_day").id,
            "uom_po_id": self.env.ref("product.product_uom_day").id,
            "description_sale": "Analyse complète du référencement"})
        quote = self.make_quote([])
        line = self.env["crm.quote.line"].new({"quote_id": quote.id, "product_id": product.id})
        line._onchange_product_id()
        self.assertEqual(line.price_unit, 480.0)
        self.assertEqual(line.unit, "day")
        self.assertIn("Audit SEO", line.name)
        self.assertIn("Analyse complète du référencement", line.name)


class TestQuoteNumbersAndDates(QuoteCase):

    def test_number_from_the_sequence(self):
        first = self.make_quote()
        second = self.make_quote()
        year = fields.Date.context_today(first)[:4]
        match = re.match(r"^DEV-%s-(\d{4,})$" % year, first.name)
        self.assertTrue(match, first.name)
        self.assertEqual(second.name, "DEV-%s-%04d" % (year, int(match.group(1)) + 1))
        self.assertEqual(first.display_name, first.name)

    def test_number_given_is_kept_and_not_copied(self):
        quote = self.make_quote(name="DEV-IMPORT-12")
        self.assertEqual(quote.name, "DEV-IMPORT-12")

    def test_validity_from_the_company(self):
        self.env.user.company_id.crm_quote_validity_days = 45
        quote = self.make_quote(date="2026-03-10")
        self.assertEqual(quote.validity_date, "2026-04-24")
        self.env.user.company_id.crm_quote_validity_days = 30
        quote = self.make_quote(date="2026-03-10")
        self.assertEqual(quote.validity_date, "2026-04-09")
        quote = self.make_quote(date="2026-03-10", validity_date="2026-06-30")
        self.assertEqual(quote.validity_date, "2026-06-30")

    def test_company_defaults_for_legal_mentions(self):
        company = self.env["res.company"].create({"name": "Nouvelle Société SAS"})
        self.assertEqual(company.crm_quote_validity_days, 30)
        self.assertEqual(company.crm_recovery_fee, 40.0)
        self.assertEqual(company.crm_late_payment_penalty,
                         "Late payment penalties: three times the French legal interest rate.")


class TestQuoteStates(QuoteCase):

    def test_mark_sent(self):
        quote = self.make_quote()
        quote.action_mark_sent()
        self.assertEqual(quote.state, "sent")
        self.assertTrue(quote.sent_date)
        quote.action_draft()
        self.assertEqual(quote.state, "draft")
        self.assertFalse(quote.sent_date)
        quote.action_cancel()
        self.assertEqual(quote.state, "cancel")
        with self.assertRaisesRegex(UserError, "cancelled"):
            quote.action_mark_sent()

    def test_a_quote_without_priced_lines_cannot_be_sent(self):
        quote = self.make_quote([{"display_type": "line_note", "name": "À compléter"}])
        with self.assertRaisesRegex(UserError, "no line with a price"):
            quote.action_mark_sent()
        self.assertEqual(quote.state, "draft")

    def test_signed_quote_is_locked(self):
        quote = self.make_quote()
        quote.action_mark_sent()
        # what the e-signature does
        quote.write({"state": "signed", "signer_name": "Jeanne Dupont",
                     "signed_on": fields.Datetime.now()})
        with self.assertRaisesRegex(UserError, "signed or refused"):
            quote.line_ids.write({"price_unit": 1.0})
        with self.assertRaisesRegex(UserError, "signed or refused"):
            quote.write({"line_ids": [(0, 0, {"name": "Ajout", "price_unit": 5.0})]})
        with self.assertRaisesRegex(UserError, "signed or refused"):
            quote.line_ids.unlink()
        with self.assertRaisesRegex(UserError, "signed or refused"):
            quote.write({"amount_untaxed": 1.0})
        with self.assertRaisesRegex(UserError, "signed or refused"):
            quote.write({"partner_id": self.contact.id})
        with self.assertRaises(UserError):
            quote.action_cancel()
        with self.assertRaises(UserError):
            quote.action_draft()
        with self.assertRaises(UserError):
            quote.unlink()
        self.assertEqual(quote.amount_total, 1200.0)
        self.assertEqual(quote.line_ids.price_unit, 1000.0)
        # the signature data stays writable (the signed PDF is attached after)
        quote.write({"signed_pdf_sha256": "0" * 64})

    def test_refused_quote_is_locked(self):
        quote = self.make_quote()
        quote.action_mark_sent()
        quote.write({"state": "refused", "refuse_reason": "Trop cher"})
        with self.assertRaisesRegex(UserError, "signed or refused"):
            quote.line_ids.write({"quantity": 2})

    def test_check_signable(self):
        quote = self.make_quote()
        quote.action_mark_sent()
        self.assertTrue(quote._crm_check_signable())
        yesterday = fields.Date.to_string(datetime.date.today() - datetime.timedelta(days=1))
        quote.validity_date = yesterday
        with self.assertRaisesRegex(UserError, "expired"):
            quote._crm_check_signable()
        quote.validity_date = fields.Date.context_today(quote)
        self.assertTrue(quote._crm_check_signable())     # valid through its last day
        quote.write({"state": "signed"})
        with self.assertRaisesRegex(UserError, "already signed"):
            quote._crm_check_signable()
        refused = self.make_quote()
        refused.write({"state": "refused"})
        with self.assertRaisesRegex(UserError, "refused"):
            refused._crm_check_signable()


class TestQuoteAccess(QuoteCase):

    @classmethod
    def setUpClass(cls):
        super(TestQuoteAccess, cls).setUpClass()
        cls.alice = sales_user(cls.env, "Alice Vente", "alice.quote@example.com")
        cls.bob = sales_user(cls.env, "Bob Vente", "bob.quote@example.com")
        cls.manager = sales_user(cls.env, "Marc Directeur", "marc.quote@example.com", manager=True)
        Team = cls.env["crm.sales.team"]
        cls.team_a = Team.create({"name": "Équipe Nord", "member_ids": [(6, 0, [cls.alice.id])]})
        cls.team_b = Team.create({"name": "Équipe Sud", "member_ids": [(6, 0, [cls.bob.id])]})
        cls.quote_b = cls.make_quote(user_id=cls.bob.id, team_id=cls.team_b.id)

    def test_salesperson_cannot_read_another_teams_quote_or_lines(self):
        Quote = self.env["crm.quote"].sudo(self.alice)
        self.assertFalse(Quote.search([("id", "=", self.quote_b.id)]))
        with self.assertRaises(AccessError):
            Quote.browse(self.quote_b.id).read(["name"])
        Line = self.env["crm.quote.line"].sudo(self.alice)
        self.assertFalse(Line.search([("quote_id", "=", self.quote_b.id)]))
        with self.assertRaises(AccessError):
            Line.browse(self.quote_b.line_ids.ids).read(["price_unit"])
        with self.assertRaises(AccessError):
            Line.create({"quote_id": self.quote_b.id, "name": "Intrus", "price_unit": 1.0})

    def test_salesperson_works_on_own_and_team_quotes(self):
        self.assertEqual(self.env["crm.quote.line"].sudo(self.bob).search(
            [("quote_id", "=", self.quote_b.id)]), self.quote_b.line_ids)
        own = self.env["crm.quote"].sudo(self.alice).create({
            "partner_id": self.customer.id, "team_id": self.team_a.id,
            "line_ids": [(0, 0, {"name": "Maintenance", "price_unit": 90.0})]})
        own.line_ids.write({"quantity": 12})
        self.assertEqual(own.amount_untaxed, 1080.0)
        own.action_mark_sent()
        self.assertEqual(own.state, "sent")

    def test_manager_sees_every_quote(self):
        quotes = self.env["crm.quote"].sudo(self.manager).search([("id", "=", self.quote_b.id)])
        self.assertEqual(quotes, self.quote_b)
        self.assertEqual(quotes.line_ids.name, "Site vitrine")

    def test_templates_are_read_by_salespeople_and_written_by_managers(self):
        template = self.env["crm.quote.template"].sudo(self.manager).create({
            "name": "Forfait site", "line_ids": [(0, 0, {"name": "Site", "price_unit": 900.0})]})
        self.assertEqual(template.sudo(self.alice).line_ids.price_unit, 900.0)
        with self.assertRaises(AccessError):
            template.sudo(self.alice).write({"name": "Modifié"})
        with self.assertRaises(AccessError):
            template.line_ids.sudo(self.alice).write({"price_unit": 1.0})


class TestQuoteTemplateAndOpportunity(QuoteCase):

    @classmethod
    def setUpClass(cls):
        super(TestQuoteTemplateAndOpportunity, cls).setUpClass()
        cls.team = cls.env.ref("crm_sales.crm_sales_team_main")
        cls.opportunity = cls.env["crm.opportunity"].create({
            "name": "Refonte du site", "partner_id": cls.customer.id,
            "contact_id": cls.contact.id, "team_id": cls.team.id,
            "payment_term_id": cls.term_45.id})
        cls.template = cls.env["crm.quote.template"].create({
            "name": "Site vitrine clé en main",
            "validity_days": 15,
            "note": "<p>Acompte de 30 % à la commande.</p>",
            "payment_term_id": cls.env.ref("crm_sales.crm_payment_term_immediate").id,
            "line_ids": [
                (0, 0, {"display_type": "line_section", "name": "Conception", "sequence": 1}),
                (0, 0, {"name": "Maquettes", "quantity": 2, "unit": "day",
                        "price_unit": 600.0, "sequence": 2}),
                (0, 0, {"name": "Accompagnement", "quantity": 10, "unit": "hour",
                        "price_unit": 80.0, "discount": 5.0, "vat_rate": "20", "sequence": 3}),
                (0, 0, {"display_type": "line_note", "name": "Contenus fournis par le client",
                        "sequence": 4}),
            ]})

    def test_template_makes_a_draft_quote(self):
        quote = self.template._crm_create_quote(self.opportunity)
        self.assertEqual(quote._name, "crm.quote")
        self.assertEqual(quote.state, "draft")
        self.assertEqual(quote.opportunity_id, self.opportunity)
        self.assertEqual(quote.partner_id, self.customer)
        self.assertEqual(quote.contact_id, self.contact)
        self.assertEqual(quote.user_id, self.opportunity.user_id)
        self.assertEqual(quote.team_id, self.team)
        # the opportunity's payment terms win over the template's
        self.assertEqual(quote.payment_term_id, self.term_45)
        self.assertEqual(quote.line_ids.mapped("name"), [
            "Conception", "Maquettes", "Accompagnement", "Contenus fournis par le client"])
        self.assertEqual(quote.line_ids.mapped("display_type"),
                         ["line_section", False, False, "line_note"])
        self.assertEqual(quote.line_ids.mapped("unit")[1:3], ["day", "hour"])
        self.assertEqual(quote.amount_untaxed, 1960.0)     # 1200 + 760
        self.assertEqual(quote.amount_total, 2352.0)
        self.assertIn("Acompte de 30 %", quote.note)
        expected_validity = datetime.date.today() + datetime.timedelta(days=15)
        self.assertEqual(quote.validity_date, fields.Date.to_string(expected_validity))
        # the template is untouched and can be used again
        again = self.template._crm_create_quote(self.opportunity)
        self.assertNotEqual(again.name, quote.name)
        self.assertEqual(len(self.template.line_ids), 4)

    def test_template_needs_a_customer(self):
        opportunity = self.env["crm.opportunity"].create({"name": "Sans client"})
        with self.assertRaisesRegex(UserError, "no customer"):
            self.template._crm_create_quote(opportunity)

    def test_opportunity_counts_its_quotes(self):
        self.assertEqual(self.opportunity.quote_count, 0)
        quote = self.template._crm_create_quote(self.opportunity)
        self.make_quote(opportunity_id=self.opportunity.id)
        self.opportunity.invalidate_cache()
        self.assertEqual(self.opportunity.quote_count, 2)
        # a new revision replaces its quote in the count
        quote.action_mark_sent()
        quote.action_new_revision()
        self.opportunity.invalidate_cache()
        self.assertEqual(self.opportunity.quote_count, 2)
        action = self.opportunity.action_view_quotes()
        self.assertEqual(self.env["crm.quote"].search(action["domain"]),
                         self.opportunity.quote_ids)
        self.assertEqual(action["context"]["default_opportunity_id"], self.opportunity.id)

    def test_new_quote_from_the_opportunity(self):
        action = self.opportunity.action_new_quote()
        self.assertEqual(action["res_model"], "crm.quote")
        # the action's own context, as it is (replaces the test's)
        # pylint: disable-next=context-overridden
        Quote = self.env["crm.quote"].with_context(action["context"])
        quote = Quote.create({"line_ids": [(0, 0, {"name": "Audit", "price_unit": 500.0})]})
        self.assertEqual(quote.opportunity_id, self.opportunity)
        self.assertEqual(quote.partner_id, self.customer)
        self.assertEqual(quote.contact_id, self.contact)
        self.assertEqual(quote.payment_term_id, self.term_45)
        self.assertIn(quote, self.opportunity.quote_ids)

    def test_sent_quote_sets_an_empty_budget(self):
        self.assertEqual(self.opportunity.expected_revenue, 0.0)
        quote = self.template._crm_create_quote(self.opportunity)
        quote.action_mark_sent()
        self.assertEqual(self.opportunity.expected_revenue, 1960.0)   # excl. VAT
        # a budget already there is kept
        second = self.make_quote(opportunity_id=self.opportunity.id,
                                 lines=[{"name": "Option", "price_unit": 5000.0}])
        second.action_mark_sent()
        self.assertEqual(self.opportunity.expected_revenue, 1960.0)
