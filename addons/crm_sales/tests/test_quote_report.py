# -*- coding: utf-8 -*-
"""The PDF of a quote, printed by the real wkhtmltopdf and read back with
pdftotext: seller identity and legal mentions, lines, VAT per rate and
totals, in the customer's language, and the signature once signed.

wkhtmltopdf fetches the report's CSS from `report.url`: it points at a closed
local port so that the run does not wait on a server (the text of the PDF
does not depend on the CSS), as in tests/test_pdf_report.py.
"""
import glob
import io
import os
import tempfile
import time

import polib

from odoo.addons.crm_base.tests.real_pdf import RealPdfMixin, pdf_text
from odoo.tests.common import SavepointCase
from odoo.tools.safe_eval import safe_eval
from odoo.tools.translate import trans_export, trans_load_data

ADDON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# a 1x1 PNG, standing in for a drawn signature
SIGNATURE_PNG = (b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
                 b"+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")


def load_french(env):
    """French as the suite ships it: the addon's fr.po and the parts not yet
    merged into it (i18n/parts/*.po), loaded against the terms Odoo exports
    for crm_sales (the parts carry no "#:" references of their own)."""
    env["res.lang"].load_lang("fr_FR")
    french = {}
    paths = glob.glob(os.path.join(ADDON_DIR, "i18n", "parts", "*.po"))
    main_po = os.path.join(ADDON_DIR, "i18n", "fr.po")
    if os.path.isfile(main_po):
        paths.insert(0, main_po)
    for path in paths:
        for entry in polib.pofile(path):
            if entry.msgid and entry.msgstr and not entry.obsolete:
                french.setdefault(entry.msgid, entry.msgstr)
    buf = io.BytesIO()
    trans_export("fr_FR", ["crm_sales"], buf, "po", env.cr)
    catalog = polib.pofile(buf.getvalue().decode("utf-8"))
    for entry in catalog:
        if entry.msgid in french:
            entry.msgstr = french[entry.msgid]
    with tempfile.NamedTemporaryFile(suffix=".tmp") as f:
        f.write(str(catalog).encode("utf-8"))
        f.flush()
        f.seek(0)
        trans_load_data(env.cr, f, "po", "fr_FR", verbose=False, module_name="crm_sales")


class TestQuoteReport(RealPdfMixin, SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestQuoteReport, cls).setUpClass()
        load_french(cls.env)
        company = cls.env.user.company_id
        company.write({"name": "Atelier Numérique", "crm_recovery_fee": 40.0,
                       "crm_quote_footer": "IBAN FR76 3000 4000 0500 0012 3456 789"})
        company.partner_id.write({
            "street": "12 rue des Tanneurs", "zip": "67000", "city": "Strasbourg",
            "country_id": cls.env.ref("base.fr").id,
            "siren": "552100554", "siret": "55210055400013", "legal_form": "sas",
            "share_capital": 10000.0,
            "vat": "FR96552100554"})
        cls.customer = cls.env["res.partner"].create({
            "name": "Menuiserie Keller", "is_company": True, "lang": "fr_FR",
            "street": "3 place du Marché", "zip": "68000", "city": "Colmar",
            "country_id": cls.env.ref("base.fr").id,
            "siren": "404833048", "vat": "FR83404833048"})
        cls.contact = cls.env["res.partner"].create({
            "name": "Paul Keller", "parent_id": cls.customer.id, "lang": "fr_FR"})
        cls.quote = cls.env["crm.quote"].create({
            "partner_id": cls.customer.id, "contact_id": cls.contact.id,
            "date": "2026-03-02", "validity_date": "2026-04-01",
            "payment_term_id": cls.env.ref("crm_sales.crm_payment_term_30").id,
            "note": "<p>Acompte de 30 % à la commande.</p>",
            "line_ids": [
                (0, 0, {"display_type": "line_section", "name": "Site internet"}),
                (0, 0, {"name": "Développement du site", "quantity": 3, "unit": "day",
                        "price_unit": 650.0, "discount": 10.0, "vat_rate": "20"}),
                (0, 0, {"display_type": "line_note",
                        "name": "Hébergement offert la première année"}),
                (0, 0, {"name": "Guide imprimé", "quantity": 3, "price_unit": 12.99,
                        "vat_rate": "5.5"}),
                (0, 0, {"name": "Geste commercial", "quantity": 1, "price_unit": -55.0,
                        "vat_rate": "20"}),
            ]})

    def test_pdf_in_french_with_legal_mentions_and_vat_per_rate(self):
        pdf = self.quote._crm_render_pdf()
        self.assertTrue(pdf.startswith(b"%PDF"), pdf[:100])
        text = pdf_text(pdf)
        # seller identity, in the body (our wkhtmltopdf has no header/footer)
        self.assertIn("Atelier Numérique", text)
        self.assertIn("12 rue des Tanneurs", text)
        self.assertIn("67000 Strasbourg", text)
        self.assertIn("SAS au capital de 10 000,00 €", text)
        self.assertIn("SIRET : 552 100 554 00013", text)
        self.assertIn("N° de TVA intracommunautaire : FR96552100554", text)
        # customer with its SIREN and VAT number
        self.assertIn("Menuiserie Keller", text)
        self.assertIn("À l'attention de : Paul Keller", text)
        self.assertIn("SIREN : 404 833 048", text)
        self.assertIn("FR83404833048", text)
        # number, dates in French
        self.assertIn("Devis %s" % self.quote.name, text)
        self.assertIn("Date : 02/03/2026", text)
        self.assertIn("Valable jusqu'au : 01/04/2026", text)
        # lines: section, note, units, amounts
        self.assertIn("Site internet", text)
        self.assertIn("Hébergement offert la première année", text)
        self.assertRegex(text,
                         r"Développement du site 3,00 Jour\(s\) 650,00 € 10,00 % 20 % 1 755,00 €")
        self.assertRegex(text, r"Guide imprimé 3,00 Unité\(s\) 12,99 € 5,5 % 38,97 €")
        self.assertIn("-55,00 €", text)
        # totals and VAT per rate
        self.assertIn("Total HT 1 738,97 €", text)
        self.assertIn("TVA 20 % sur 1 700,00 € 340,00 €", text)
        self.assertIn("TVA 5,5 % sur 38,97 € 2,14 €", text)
        self.assertIn("Total TTC 2 081,11 €", text)
        # terms and legal mentions
        self.assertIn("Acompte de 30 % à la commande.", text)
        self.assertIn("Conditions de paiement :", text)
        self.assertIn("Ce devis est valable jusqu'au 01/04/2026.", text)
        self.assertIn("Pénalités de retard : trois fois le taux d'intérêt légal.", text)
        self.assertIn("Indemnité forfaitaire pour frais de recouvrement en cas de retard "
                      "de paiement : 40,00 €", text)
        self.assertIn("L441-10 et D441-5", text)
        self.assertIn("IBAN FR76 3000 4000 0500 0012 3456 789", text)
        self.assertIn("Bon pour accord", text)
        self.assertNotIn("Signé par", text)

    def test_pdf_in_english_for_an_english_customer(self):
        self.customer.lang = "en_US"
        text = pdf_text(self.quote._crm_render_pdf())
        self.assertIn("SAS with a share capital of 10,000.00 €", text)
        self.assertIn("Total excl. VAT 1,738.97 €", text)
        self.assertIn("VAT 5.5% on 38.97 € 2.14 €", text)
        self.assertIn("Total incl. VAT 2,081.11 €", text)
        self.assertIn("Late payment penalties: three times the French legal interest rate.", text)
        self.assertIn(
            "Fixed compensation for recovery costs in case of late payment: 40.00 €", text)
        self.assertIn("Good for agreement", text)

    def test_own_penalty_text_is_printed_as_written(self):
        self.env.user.company_id.crm_late_payment_penalty = \
            "Pénalités de retard : taux BCE majoré de 10 points."
        text = pdf_text(self.quote._crm_render_pdf())
        self.assertIn("Pénalités de retard : taux BCE majoré de 10 points.", text)
        self.assertNotIn("trois fois le taux", text)

    def test_signed_quote_shows_the_signer(self):
        self.quote.validity_date = "2099-12-31"
        self.quote.action_mark_sent()
        self.quote.write({"state": "signed", "signer_name": "Paul Keller",
                          "signed_on": "2026-03-05 09:30:00",
                          "signature_image": SIGNATURE_PNG})
        self.assertTrue(self.quote._crm_signature_data_uri().startswith("data:image/png;base64,"))
        text = pdf_text(self.quote._crm_render_pdf())
        self.assertIn("Signé électroniquement", text)
        self.assertIn("Signé par Paul Keller", text)
        self.assertIn("Le 05/03/2026", text)
        self.assertNotIn("précédés de la mention", text)

    def test_revision_in_the_title_and_the_file_name(self):
        second = self.env["crm.quote"].browse(self.quote.action_new_revision()["res_id"])
        report = self.env.ref("crm_sales.crm_quote_report")
        self.assertEqual(report.report_type, "qweb-pdf")
        self.assertEqual(report.model, "crm.quote")
        file_name = safe_eval(report.print_report_name, {"object": second, "time": time})
        self.assertEqual(file_name, "Devis %s v2" % self.quote.name)
        text = pdf_text(second._crm_render_pdf())
        self.assertIn("Devis %s v2" % self.quote.name, text)
