# -*- coding: utf-8 -*-
"""The e-signature of a quote, without HTTP: ``quote._crm_sign(...)`` as the
public page calls it, and ``_crm_refuse``.

The signed PDF is made by the real wkhtmltopdf (setup as in
test_quote_report.py) and read back with pdftotext: it shows the signer.
"""
import base64
import datetime
import hashlib
import io
from unittest import mock

from PIL import Image

from odoo import fields
from odoo.exceptions import UserError
from odoo.addons.crm_base.tests.real_pdf import RealPdfMixin, pdf_text
from odoo.tests.common import SavepointCase

from ..logic import signature
from .common import sales_user
from .test_logic_signature import drawn_png


def signature_data_url():
    return signature.png_data_url(drawn_png())


class QuoteFixture(object):

    @classmethod
    def setUpClass(cls):
        super(QuoteFixture, cls).setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, no_reset_password=True))
        cls.salesperson = sales_user(cls.env, "Sophie Vendeuse", "sophie.sign@example.com")
        cls.customer = cls.env["res.partner"].create({
            "name": "Menuiserie Keller", "is_company": True, "city": "Colmar"})
        cls.contact = cls.env["res.partner"].create({
            "name": "Paul Keller", "parent_id": cls.customer.id,
            "email": "paul@menuiserie-keller.fr"})
        cls.opportunity = cls.env["crm.opportunity"].create({
            "name": "Agencement atelier", "partner_id": cls.customer.id,
            "contact_id": cls.contact.id, "user_id": cls.salesperson.id,
            "team_id": cls.env.ref("crm_sales.crm_sales_team_main").id,
            "stage_id": cls.env.ref("crm_sales.crm_opportunity_stage_proposal").id,
            "expected_revenue": 4000})
        cls.quote = cls.make_quote()

    @classmethod
    def make_quote(cls, **values):
        today = datetime.date.today()
        vals = {
            "opportunity_id": cls.opportunity.id, "partner_id": cls.customer.id,
            "contact_id": cls.contact.id, "user_id": cls.salesperson.id,
            "date": fields.Date.to_string(today),
            "validity_date": fields.Date.to_string(today + datetime.timedelta(days=30)),
            "line_ids": [
                (0, 0, {"display_type": "line_section", "name": "Atelier"}),
                (0, 0, {"name": "Établi sur mesure", "quantity": 2, "price_unit": 1500.0,
                        "vat_rate": "20"}),
            ]}
        vals.update(values)
        quote = cls.env["crm.quote"].create(vals)
        quote.action_mark_sent()
        return quote


class TestQuoteSign(RealPdfMixin, QuoteFixture, SavepointCase):

    def test_signing_sets_everything_and_wins_the_opportunity(self):
        quote = self.quote.sudo()   # as the public page does, after the token check
        before = fields.Datetime.now()
        quote._crm_sign("  Paul Keller ", "paul@menuiserie-keller.fr", "203.0.113.7",
                        signature_data_url())
        self.assertEqual(quote.state, "signed")
        self.assertEqual(quote.signer_name, "Paul Keller")
        self.assertEqual(quote.signer_email, "paul@menuiserie-keller.fr")
        self.assertEqual(quote.signer_ip, "203.0.113.7")
        self.assertTrue(quote.signed_on and quote.signed_on >= before)
        # the stored signature is the drawn image (re-encoded PNG)
        png = base64.b64decode(quote.signature_image)
        self.assertTrue(png.startswith(signature.PNG_MAGIC))
        with Image.open(io.BytesIO(png)) as image:
            self.assertEqual(image.size, (400, 150))
            self.assertGreater(signature.ink_pixels(image), 300)

        # the signed PDF: attached, hashed, and showing the signature
        attachment = quote.signed_attachment_id
        self.assertTrue(attachment)
        self.assertEqual((attachment.res_model, attachment.res_id), ("crm.quote", quote.id))
        self.assertEqual(attachment.name, "Quote %s signed.pdf" % quote.name)
        self.assertEqual(attachment.mimetype, "application/pdf")
        pdf = base64.b64decode(attachment.datas)
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertEqual(quote.signed_pdf_sha256, hashlib.sha256(pdf).hexdigest())
        self.assertEqual(len(quote.signed_pdf_sha256), 64)
        text = pdf_text(pdf)
        self.assertIn("Paul Keller", text)
        self.assertIn(quote.name, text)

        # the opportunity is won
        self.assertEqual(self.opportunity.state, "won")
        self.assertEqual(self.opportunity.stage_id,
                         self.env.ref("crm_sales.crm_opportunity_stage_won"))
        self.assertEqual(self.opportunity.probability, 100.0)

        # the chatter says so, with the PDF, and the salesperson is notified
        message = quote.message_ids.filtered(lambda m: attachment in m.attachment_ids)
        self.assertEqual(len(message), 1)
        self.assertIn("signed the quote online", message.body)
        self.assertIn("Paul Keller", message.body)
        self.assertIn(quote.signed_pdf_sha256, message.body)
        self.assertIn(self.salesperson.partner_id, message.partner_ids)
        self.assertEqual(message.author_id, self.contact)

        # signing twice is refused, and nothing changes
        with self.assertRaises(UserError) as caught:
            quote._crm_sign("Someone Else", "else@example.com", "198.51.100.1",
                            signature_data_url())
        self.assertIn("already signed", caught.exception.args[0])
        self.assertEqual(quote.signer_name, "Paul Keller")
        self.assertEqual(quote.signed_attachment_id, attachment)

    def test_a_failing_step_leaves_nothing_half_written(self):
        quote = self.quote.sudo()
        Opportunity = type(self.env["crm.opportunity"])
        with mock.patch.object(Opportunity, "action_set_won",
                               side_effect=UserError("The pipeline has no won stage.")):
            with self.assertRaises(UserError):
                quote._crm_sign("Paul Keller", "paul@menuiserie-keller.fr", "203.0.113.7",
                                signature_data_url())
        # the PDF was made and attached before the failure: all undone
        self.assertEqual(quote.state, "sent")
        self.assertFalse(quote.signer_name)
        self.assertFalse(quote.signed_on)
        self.assertFalse(quote.signature_image)
        self.assertFalse(quote.signed_attachment_id)
        self.assertFalse(quote.signed_pdf_sha256)
        self.assertFalse(self.env["ir.attachment"].search(
            [("res_model", "=", "crm.quote"), ("res_id", "=", quote.id),
             ("name", "like", "signed")]))
        self.assertEqual(self.opportunity.state, "open")
        # and the quote can still be signed afterwards
        quote._crm_sign("Paul Keller", "paul@menuiserie-keller.fr", "203.0.113.7",
                        signature_data_url())
        self.assertEqual(quote.state, "signed")
        self.assertEqual(self.opportunity.state, "won")


class TestQuoteSignRefused(QuoteFixture, SavepointCase):
    """What cannot be signed: no PDF is made on these paths."""

    def assertNotSigned(self, quote, message_part, *args):
        with self.assertRaises(UserError) as caught:
            quote.sudo()._crm_sign(*args)
        self.assertIn(message_part, caught.exception.args[0])
        self.assertNotEqual(quote.state, "signed")
        self.assertFalse(quote.signer_name)
        self.assertFalse(quote.signature_image)
        self.assertFalse(quote.signed_attachment_id)
        self.assertEqual(self.opportunity.state, "open")
        return caught.exception.args[0]

    def test_past_validity(self):
        yesterday = fields.Date.to_string(datetime.date.today() - datetime.timedelta(days=1))
        self.quote.write({"validity_date": yesterday})
        self.assertNotSigned(self.quote, "expired", "Paul Keller", "paul@menuiserie-keller.fr",
                             "203.0.113.7", signature_data_url())

    def test_superseded_revision(self):
        self.quote.action_new_revision()
        self.assertTrue(self.quote.superseded_by_id)
        self.assertNotSigned(self.quote, "replaced by a newer revision", "Paul Keller",
                             "paul@menuiserie-keller.fr", "203.0.113.7", signature_data_url())

    def test_cancelled_and_refused(self):
        other = self.make_quote()
        other.action_cancel()
        self.assertNotSigned(other, "cancelled", "Paul Keller", "paul@menuiserie-keller.fr",
                             "203.0.113.7", signature_data_url())
        self.quote.sudo()._crm_refuse("Trop cher")
        self.assertNotSigned(self.quote, "refused", "Paul Keller", "paul@menuiserie-keller.fr",
                             "203.0.113.7", signature_data_url())

    def test_invalid_images(self):
        args = ("Paul Keller", "paul@menuiserie-keller.fr", "203.0.113.7")
        self.assertNotSigned(self.quote, "Draw your signature", *(args + ("",)))
        self.assertNotSigned(self.quote, "The signature is empty", *(args + (
            signature.png_data_url(drawn_png(stroke=False)),)))
        self.assertNotSigned(self.quote, "could not be read", *(args + (
            "data:image/png;base64," + base64.b64encode(b"GIF89a not a png").decode(),)))
        self.assertNotSigned(self.quote, "could not be read", *(args + (
            "javascript:alert(1)",)))
        self.assertNotSigned(self.quote, "too large", *(args + (
            "data:image/png;base64," + "A" * (2 * 1024 * 1024),)))

    def test_name_and_email_are_required(self):
        data = signature_data_url()
        self.assertNotSigned(self.quote, "full name", "  ", "paul@menuiserie-keller.fr",
                             "203.0.113.7", data)
        self.assertNotSigned(self.quote, "valid email", "Paul Keller", "paul-at-keller",
                             "203.0.113.7", data)
        self.assertNotSigned(self.quote, "too long", "P" * 200, "paul@menuiserie-keller.fr",
                             "203.0.113.7", data)

    def test_refuse(self):
        quote = self.quote.sudo()
        with self.assertRaises(UserError) as caught:
            quote._crm_refuse("   ")
        self.assertIn("reason is required", caught.exception.args[0])
        self.assertEqual(quote.state, "sent")

        quote._crm_refuse("Budget reporté à l'an prochain <b>désolé</b>")
        self.assertEqual(quote.state, "refused")
        self.assertTrue(quote.refused_on)
        self.assertEqual(quote.refuse_reason, "Budget reporté à l'an prochain <b>désolé</b>")
        message = quote.message_ids[0]
        self.assertIn("declined the quote", message.body)
        # the reason is text, not markup
        self.assertIn("&lt;b&gt;désolé&lt;/b&gt;", message.body)
        self.assertIn(self.salesperson.partner_id, message.partner_ids)
        # refusing is final for the customer: no second answer
        with self.assertRaises(UserError):
            quote._crm_refuse("Autre raison")
        self.assertEqual(quote.refuse_reason, "Budget reporté à l'an prochain <b>désolé</b>")
        # the opportunity stays open: the salesperson may propose a revision
        self.assertEqual(self.opportunity.state, "open")
