# -*- coding: utf-8 -*-
"""The customer invoice PDF as Odoo prints it (account.account_invoices, the
real wkhtmltopdf and ghostscript), read back with pdftotext and with the
factur-x library: every French mention, and a Factur-X PDF/A-3 whose XML
passes the XSD and the EN 16931 and BR-FR schematrons, for an ordinary
invoice, a deposit invoice, a final invoice after deposits and a credit note.

The texts of the mentions are compared with what the addon writes in the
customer's language (French formatting of rates and amounts), so the tests
hold before and after fr.po translates them.
"""
import base64
import io

from facturx import xml_check_xsd
from lxml import etree
from pypdf import PdfReader

from odoo.addons.crm_base.tests.real_pdf import RealPdfMixin, pdf_text
from odoo.tests.common import SavepointCase

from ..logic import facturx_pdf, facturx_schematron


def plain(text):
    """``text`` with its no-break spaces as spaces and its blanks as one."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


NS = {"rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
      "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"}


class FacturxInvoiceCase(RealPdfMixin, SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(FacturxInvoiceCase, cls).setUpClass()
        cls.env["res.lang"].load_lang("fr_FR")
        cls.company = cls.env.user.company_id
        cls.company.write({
            "crm_registry_kind": "rcs", "crm_registry_city": "Lyon",
            "crm_late_penalty_rate": 12.15, "crm_vat_on_debits": False, "crm_recovery_fee": 40.0})
        cls.company.partner_id.write({
            "name": "Menuiserie Durand & Fils", "street": "12 rue des Artisans", "zip": "69007",
            "city": "Lyon", "country_id": cls.env.ref("base.fr").id, "legal_form": "sarl",
            "share_capital": 50000.0, "siret": "812 345 676 00017", "vat": "FR19812345676"})
        cls.company.name = "Menuiserie Durand & Fils"
        cls.company_bank = cls.env["res.partner.bank"].create({
            "acc_number": "FR14 2004 1010 0505 0001 3M02 606",
            "partner_id": cls.company.partner_id.id, "company_id": cls.company.id})
        cls.customer = cls.env["res.partner"].create({
            "name": "SCI Les Tilleuls", "is_company": True, "lang": "fr_FR",
            "street": "4 rue Garibaldi", "zip": "69003", "city": "Lyon",
            "country_id": cls.env.ref("base.fr").id, "customer": True,
            "siren": "404833048", "vat": "FR83404833048"})
        cls.site = cls.env["res.partner"].create({
            "name": "Chantier Villa Monplaisir", "type": "delivery",
            "parent_id": cls.customer.id, "street": "8 chemin des Vignes", "zip": "69160",
            "city": "Tassin-la-Demi-Lune", "country_id": cls.env.ref("base.fr").id})
        cls.journal = cls.env["account.journal"].search(
            [("type", "=", "sale"), ("company_id", "=", cls.company.id)], limit=1)
        cls.income = cls.journal.default_credit_account_id
        cls.vat20 = cls._sale_tax(20.0)
        cls.vat10 = cls._sale_tax(10.0)
        cls.door = cls.env["product.product"].create({
            "name": "Porte d'entrée en chêne", "type": "consu", "list_price": 850.0})
        cls.fitting = cls.env["product.product"].create({
            "name": "Pose", "type": "service", "list_price": 100.0})

    @classmethod
    def _sale_tax(cls, rate):
        return cls.env["account.tax"].search([
            ("company_id", "=", cls.company.id), ("type_tax_use", "=", "sale"),
            ("amount", "=", rate), ("amount_type", "=", "percent"),
            ("price_include", "=", False)], limit=1)

    def _line(self, name, quantity, price, tax, product=None, deposit=None):
        return (0, 0, {
            "name": name, "quantity": quantity, "price_unit": price,
            "account_id": self.income.id, "invoice_line_tax_ids": [(6, 0, tax.ids)],
            "product_id": product.id if product else False,
            "crm_deposit_invoice_id": deposit.id if deposit else False})

    def _invoice(self, lines, kind="standard", date="2026-03-10", **values):
        vals = {
            "partner_id": self.customer.id, "type": "out_invoice", "journal_id": self.journal.id,
            "date_invoice": date, "crm_billing_kind": kind,
            "payment_term_id": self.env.ref("account.account_payment_term_net").id,
            "invoice_line_ids": lines}
        vals.update(values)
        invoice = self.env["account.invoice"].create(vals)
        invoice.compute_taxes()
        invoice.action_invoice_open()
        return invoice

    def _work_lines(self):
        return [self._line("Porte d'entrée en chêne", 2, 850.0, self.vat20, self.door),
                self._line("Pose", 3, 100.0, self.vat10, self.fitting)]

    def _print(self, invoice):
        pdf, kind = self.env.ref("account.account_invoices").render_qweb_pdf(invoice.ids)
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"), pdf[:80])
        return pdf

    def _xml(self, pdf):
        xml = facturx_pdf.pdf_xml(pdf)
        self.assertTrue(xml, "the PDF carries no Factur-X XML")
        self.assertTrue(xml_check_xsd(xml, flavor="factur-x", level="en16931"))
        self.assertEqual(facturx_schematron.check(xml), [])
        return etree.fromstring(xml)

    @staticmethod
    def _values(root, path):
        return [node.text for node in root.xpath(path, namespaces=NS)]


class TestInvoicePdfMentions(FacturxInvoiceCase):

    def test_the_invoice_pdf_carries_every_french_mention(self):
        invoice = self._invoice(self._work_lines(), partner_shipping_id=self.site.id)
        text = pdf_text(self._print(invoice))
        french = self.company.with_context(lang="fr_FR")
        # seller: name, address, legal form and capital, RCS, SIRET, VAT number
        self.assertIn("Menuiserie Durand & Fils", text)
        self.assertIn("12 rue des Artisans", text)
        self.assertIn("69007 Lyon", text)
        self.assertIn("50 000,00 €", text)
        self.assertIn("RCS Lyon 812 345 676", text)
        self.assertIn("812 345 676 00017", text)
        self.assertIn("FR19812345676", text)
        # buyer: identity, address, VAT number and SIREN; the delivery address
        self.assertIn("SCI Les Tilleuls", text)
        self.assertIn("4 rue Garibaldi", text)
        self.assertIn("FR83404833048", text)
        self.assertIn("404 833 048", text)
        self.assertIn("8 chemin des Vignes", text)
        self.assertIn("69160 Tassin-la-Demi-Lune", text)
        # number, dates the French way, operation category (goods and services)
        self.assertIn(invoice.number, text)
        self.assertIn("10/03/2026", text)
        self.assertIn("09/04/2026", text)  # due in 30 days
        self.assertEqual(invoice.crm_operation_category, "mixed")
        self.assertIn(invoice.with_context(lang="fr_FR")._crm_operation_label(), text)
        # VAT per rate and totals, amounts the French way
        self.assertIn("1 700,00 €", text)
        self.assertIn("340,00 €", text)
        self.assertIn("30,00 €", text)
        self.assertIn("2 370,00 €", text)
        # late-payment penalties with their rate, the 40 € indemnity, no discount
        penalty = plain(french._crm_penalty_text())
        self.assertIn("12,15 %", penalty)
        self.assertIn(penalty, plain(text))
        recovery = plain(french._crm_recovery_fee_text())
        self.assertIn("40,00 €", recovery)
        self.assertIn(recovery, plain(text))
        self.assertIn(french._crm_no_discount_text(), text)
        self.assertNotIn(french._crm_vat_on_debits_text(), text)

    def test_a_french_customer_with_a_vat_number_is_domestic_not_intra_eu(self):
        invoice = self._invoice(self._work_lines())
        self.assertEqual(invoice.fiscal_position_id.country_id, self.env.ref("base.fr"))
        self.assertNotIn("262 ter", pdf_text(self._print(invoice)))
        german = self.customer.copy({"name": "Tischlerei Weber GmbH", "siren": False,
                                     "country_id": self.env.ref("base.de").id,
                                     "vat": "DE123456788"})
        fpos = self.env["account.fiscal.position"].browse(
            self.env["account.fiscal.position"].get_fiscal_position(german.id))
        self.assertTrue(fpos.vat_required)
        self.assertFalse(fpos.country_id)

    def test_vat_on_debits_is_said_when_the_company_opted_for_it(self):
        self.company.crm_vat_on_debits = True
        invoice = self._invoice(self._work_lines())
        text = plain(pdf_text(self._print(invoice)))
        self.assertIn(plain(self.company.with_context(
            lang="fr_FR")._crm_vat_on_debits_text()), text)

    def test_the_operation_category_follows_the_products_and_can_be_changed(self):
        invoice = self._invoice([self._line("Pose", 3, 100.0, self.vat10, self.fitting)])
        self.assertEqual(invoice.crm_operation_category, "services")
        draft = self.env["account.invoice"].create({
            "partner_id": self.customer.id, "type": "out_invoice",
            "invoice_line_ids": [self._line("Porte", 1, 850.0, self.vat20, self.door)]})
        self.assertEqual(draft.crm_operation_category, "goods")
        draft.crm_operation_category = "mixed"
        self.assertEqual(draft.crm_operation_category, "mixed")

    def test_the_final_invoice_prints_deposits_after_the_totals_not_as_lines(self):
        deposit = self._invoice([self._line("Acompte de 30 %", 1, 600.0, self.vat20)],
                                kind="deposit", date="2026-02-01")
        final = self._invoice(self._work_lines() + [
            self._line("Acompte %s" % deposit.number, 1, -600.0, self.vat20, deposit=deposit)],
            kind="final")
        self.assertAlmostEqual(final.amount_total, 1650.0)
        text = pdf_text(self._print(final))
        self.assertNotIn("-600,00", text)
        self.assertIn("2 370,00 €", text)  # the whole work, VAT included
        self.assertIn("- 720,00 €", text)  # the deposit, VAT included
        self.assertIn(deposit.number, text)
        self.assertIn("01/02/2026", text)
        self.assertIn("1 650,00 €", text)  # left to pay
        self.assertLess(text.index("2 370,00 €"), text.index("- 720,00 €"))
        self.assertLess(text.index("- 720,00 €"), text.index("1 650,00 €"))


class TestInvoiceFacturx(FacturxInvoiceCase):

    def test_an_ordinary_invoice_pdf_is_a_valid_facturx_pdfa3(self):
        # the account the payment is asked on (the demo company has another bank)
        invoice = self._invoice(self._work_lines(), partner_shipping_id=self.site.id,
                                partner_bank_id=self.company_bank.id)
        pdf = self._print(invoice)
        root = self._xml(pdf)
        self.assertEqual(self._values(root, "//rsm:ExchangedDocument/ram:ID"), [invoice.number])
        self.assertEqual(self._values(root, "//rsm:ExchangedDocument/ram:TypeCode"), ["380"])
        self.assertEqual(self._values(
            root, "//ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID"), ["M1"])
        self.assertEqual(self._values(root, "//ram:GrandTotalAmount"), ["2370.00"])
        self.assertEqual(self._values(root, "//ram:ShipToTradeParty/ram:Name"),
                         ["Chantier Villa Monplaisir"])
        self.assertEqual(self._values(root, "//ram:PayeePartyCreditorFinancialAccount/"
                                            "ram:IBANID"), ["FR1420041010050500013M02606"])
        # PDF/A-3: XMP part 3 and an OutputIntent
        reader = PdfReader(io.BytesIO(pdf))
        catalog = reader.trailer["/Root"]
        xmp = catalog["/Metadata"].get_object().get_data().decode("utf-8")
        self.assertIn("<pdfaid:part>3</pdfaid:part>", xmp)
        self.assertTrue(catalog["/OutputIntents"])
        # the attachment Odoo saves on the posted invoice is the same Factur-X
        attachment = self.env["ir.attachment"].search([
            ("res_model", "=", "account.invoice"), ("res_id", "=", invoice.id)])
        self.assertEqual(len(attachment), 1)
        self.assertTrue(facturx_pdf.pdf_xml(base64.b64decode(attachment.datas)))
        # printed again: still a Factur-X, no second attachment
        self.assertTrue(facturx_pdf.pdf_xml(self._print(invoice)))
        self.assertEqual(self.env["ir.attachment"].search_count([
            ("res_model", "=", "account.invoice"), ("res_id", "=", invoice.id)]), 1)

    def test_a_deposit_invoice_is_typed_386(self):
        deposit = self._invoice([self._line("Acompte de 30 %", 1, 600.0, self.vat20)],
                                kind="deposit")
        root = self._xml(self._print(deposit))
        self.assertEqual(self._values(root, "//rsm:ExchangedDocument/ram:TypeCode"), ["386"])

    def test_a_final_invoice_has_its_deposits_as_prepaid_amount_and_framework_m4(self):
        first = self._invoice([self._line("Acompte de 20 %", 1, 400.0, self.vat20)],
                              kind="deposit", date="2026-01-15")
        second = self._invoice([self._line("Acompte de 10 %", 1, 200.0, self.vat20)],
                               kind="deposit", date="2026-02-01")
        final = self._invoice(self._work_lines() + [
            self._line("Acompte", 1, -400.0, self.vat20, deposit=first),
            self._line("Acompte", 1, -200.0, self.vat20, deposit=second)], kind="final")
        root = self._xml(self._print(final))
        self.assertEqual(self._values(root, "//rsm:ExchangedDocument/ram:TypeCode"), ["380"])
        self.assertEqual(self._values(
            root, "//ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID"), ["M4"])
        self.assertEqual(len(root.xpath("//ram:IncludedSupplyChainTradeLineItem",
                                        namespaces=NS)), 2)
        self.assertEqual(self._values(root, "//ram:TaxBasisTotalAmount"), ["2000.00"])
        self.assertEqual(self._values(root, "//ram:TaxTotalAmount"), ["370.00"])
        self.assertEqual(self._values(root, "//ram:TotalPrepaidAmount"), ["720.00"])
        self.assertEqual(self._values(root, "//ram:DuePayableAmount"), ["1650.00"])
        self.assertAlmostEqual(final.amount_total, 1650.0)
        self.assertEqual(
            self._values(root, "//ram:InvoiceReferencedDocument/ram:IssuerAssignedID"),
            [first.number, second.number])

    def test_a_credit_note_is_typed_381_and_references_its_invoice(self):
        invoice = self._invoice(self._work_lines())
        refund = invoice.refund(description="Pose non réalisée")
        refund.invoice_line_ids.filtered(lambda line: line.product_id == self.door).unlink()
        refund.compute_taxes()
        refund.action_invoice_open()
        root = self._xml(self._print(refund))
        self.assertEqual(self._values(root, "//rsm:ExchangedDocument/ram:TypeCode"), ["381"])
        self.assertEqual(
            self._values(root, "//ram:InvoiceReferencedDocument/ram:IssuerAssignedID"),
            [invoice.number])
        self.assertEqual(self._values(root, "//ram:GrandTotalAmount"), ["330.00"])
        self.assertIn(invoice.number, pdf_text(self._print(refund)))

    def test_a_draft_invoice_prints_without_facturx(self):
        draft = self.env["account.invoice"].create({
            "partner_id": self.customer.id, "type": "out_invoice",
            "invoice_line_ids": self._work_lines()})
        pdf = self._print(draft)
        self.assertIsNone(facturx_pdf.pdf_xml(pdf))


class TestDemoCompanyLegalIdentity(SavepointCase):

    def test_the_demo_company_prints_its_form_capital_and_registry(self):
        company = self.env.ref("base.main_company").with_context(lang="en_US")
        self.assertEqual(company.crm_registry_city, "Lyon")
        self.assertAlmostEqual(company.crm_late_penalty_rate, 12.15)
        self.assertFalse(company.crm_vat_on_debits)
        line = plain(company._crm_seller_legal_line())
        self.assertIn("SARL", line)
        self.assertIn("50,000.00", line)
        self.assertIn("RCS Lyon 812 345 676", line)
