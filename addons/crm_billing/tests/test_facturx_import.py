# -*- coding: utf-8 -*-
"""A supplier's Factur-X PDF dropped in the wizard (or sent over XML-RPC)
becomes a draft vendor bill: supplier found by SIREN or VAT number, or
created; lines with the company's French purchase VAT; totals equal to the
XML's; the PDF attached. Bad files give a clear message and create nothing.

The PDFs are real Factur-X made in the test with the facturx library."""
import base64
import copy
import subprocess
import tempfile

from facturx import generate_from_binary

from odoo.exceptions import UserError
from odoo.tests.common import SavepointCase

from ..logic import facturx_cii
from . import facturx_samples

SUPPLIER = {
    "name": "Scierie du Forez", "street": "2 route de Montbrison", "zip": "42600",
    "city": "Savigneux", "country_code": "FR", "siret": "73282932000074",
    "vat": "FR44732829320",
}


def plain_pdf():
    with tempfile.TemporaryDirectory() as tmp:
        with open(tmp + "/bill.html", "w") as f:
            f.write("<html><body><h1>Facture FOREZ-2026-118</h1></body></html>")
        subprocess.run(["wkhtmltopdf", "-q", tmp + "/bill.html", tmp + "/bill.pdf"],
                       capture_output=True, timeout=120)
        with open(tmp + "/bill.pdf", "rb") as f:
            return f.read()


class TestFacturxImport(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestFacturxImport, cls).setUpClass()
        cls.company = cls.env.user.company_id
        cls.company.partner_id.write({"siret": "812 345 676 00017", "vat": "FR19812345676"})
        cls.plain = plain_pdf()
        cls.Invoice = cls.env["account.invoice"]

    def supplier_invoice(self, **changes):
        """The plain invoice a supplier sends us (the demo company buys oak)."""
        invoice = facturx_samples.standard()
        invoice.update({
            "number": "FOREZ-2026-118", "seller": dict(SUPPLIER),
            "buyer": copy.deepcopy(facturx_samples.SELLER),
            "operation_category": "goods",
            "lines": [
                {"name": "Plateaux de chêne 27 mm", "quantity": 12, "price_unit": 45.5,
                 "subtotal": 546.0, "vat_rate": 20.0},
                {"name": "Livraison", "quantity": 1, "price_unit": 80.0, "subtotal": 80.0,
                 "vat_rate": 20.0},
                {"name": "Guide de pose", "quantity": 2, "price_unit": 9.5, "subtotal": 19.0,
                 "vat_rate": 5.5},
            ],
            "taxes": [{"rate": 20.0, "base": 626.0, "amount": 125.2},
                      {"rate": 5.5, "base": 19.0, "amount": 1.05}],
        })
        invoice.update(changes)
        return invoice

    def facturx_pdf(self, xml):
        return generate_from_binary(self.plain, xml, check_xsd=False)

    def import_pdf(self, pdf, filename="FOREZ-2026-118.pdf"):
        return self.Invoice.browse(self.Invoice.crm_import_facturx(
            base64.b64encode(pdf), filename=filename))

    def bills_count(self):
        return self.Invoice.search_count([("type", "in", ("in_invoice", "in_refund"))])

    def test_a_supplier_facturx_becomes_a_draft_bill_with_a_new_supplier(self):
        xml = facturx_cii.generate_cii_xml(self.supplier_invoice())
        bill = self.import_pdf(self.facturx_pdf(xml))
        self.assertEqual((bill.type, bill.state), ("in_invoice", "draft"))
        self.assertEqual(bill.reference, "FOREZ-2026-118")
        self.assertEqual(bill.date_invoice, "2026-03-10")
        supplier = bill.partner_id
        self.assertEqual(supplier.name, "Scierie du Forez")
        # the XML carries the SIREN (BT-30, scheme 0002), not the SIRET
        self.assertEqual(supplier.siren, "732829320")
        self.assertEqual(supplier.vat, "FR44732829320")
        self.assertEqual(supplier.city, "Savigneux")
        self.assertTrue(supplier.supplier)
        self.assertEqual([(line.name, line.quantity, line.price_unit)
                          for line in bill.invoice_line_ids],
                         [("Plateaux de chêne 27 mm", 12.0, 45.5), ("Livraison", 1.0, 80.0),
                          ("Guide de pose", 2.0, 9.5)])
        rates = [line.invoice_line_tax_ids.mapped("amount") for line in bill.invoice_line_ids]
        self.assertEqual(rates, [[20.0], [20.0], [5.5]])
        self.assertEqual(set(bill.invoice_line_ids.mapped("invoice_line_tax_ids.type_tax_use")),
                         {"purchase"})
        self.assertEqual((bill.amount_untaxed, bill.amount_tax, bill.amount_total),
                         (645.0, 126.25, 771.25))
        attachment = self.env["ir.attachment"].search([
            ("res_model", "=", "account.invoice"), ("res_id", "=", bill.id)])
        self.assertEqual(attachment.datas_fname, "FOREZ-2026-118.pdf")

    def test_a_known_supplier_is_found_by_siren_then_by_vat_number(self):
        known = self.env["res.partner"].create({
            "name": "Scierie du Forez SAS", "is_company": True, "siren": "732829320"})
        xml = facturx_cii.generate_cii_xml(self.supplier_invoice())
        self.assertEqual(self.import_pdf(self.facturx_pdf(xml)).partner_id, known)
        by_vat = self.env["res.partner"].create({
            "name": "Quincaillerie Lyonnaise", "is_company": True,
            "country_id": self.env.ref("base.fr").id, "vat": "FR96552100554"})
        seller = dict(SUPPLIER, siret="", siren="", vat="FR96552100554")
        xml = facturx_cii.generate_cii_xml(self.supplier_invoice(
            number="QL-77", seller=seller))
        self.assertEqual(self.import_pdf(self.facturx_pdf(xml)).partner_id, by_vat)

    def test_the_wizard_imports_the_dropped_pdf_and_opens_the_bill(self):
        xml = facturx_cii.generate_cii_xml(self.supplier_invoice())
        wizard = self.env["crm.facturx.import.wizard"].create({
            "pdf_file": base64.b64encode(self.facturx_pdf(xml)), "filename": "forez.pdf"})
        action = wizard.action_import()
        bill = self.Invoice.browse(action["res_id"])
        self.assertEqual(bill.reference, "FOREZ-2026-118")
        self.assertEqual(bill.amount_total, 771.25)

    def test_the_same_invoice_twice_is_refused(self):
        pdf = self.facturx_pdf(facturx_cii.generate_cii_xml(self.supplier_invoice()))
        self.import_pdf(pdf)
        before = self.bills_count()
        with self.assertRaisesRegex(UserError, "already recorded"):
            self.import_pdf(pdf)
        self.assertEqual(self.bills_count(), before)

    def test_bad_files_are_refused_with_a_message_and_nothing_is_created(self):
        before = self.bills_count()
        partners = self.env["res.partner"].search_count([])
        good = facturx_cii.generate_cii_xml(self.supplier_invoice())
        wrong_total = good.replace(b"<ram:GrandTotalAmount>771.25",
                                   b"<ram:GrandTotalAmount>781.25")
        not_xsd = good.replace(b"<ram:TypeCode>380</ram:TypeCode>",
                               b"<ram:TypeCode>380</ram:TypeCode><ram:Oops>1</ram:Oops>", 1)
        cases = [
            (b"%PDF-1.4 broken", "not a readable PDF"),
            (b"hello", "not a readable PDF"),
            (self.plain, "no Factur-X invoice"),
            (self.facturx_pdf(wrong_total), "do not add up"),
            (self.facturx_pdf(not_xsd), "not valid"),
        ]
        for pdf, message in cases:
            with self.assertRaisesRegex(UserError, message):
                self.import_pdf(pdf)
        self.assertEqual(self.bills_count(), before)
        self.assertEqual(self.env["res.partner"].search_count([]), partners)

    def test_a_bill_our_taxes_cannot_reproduce_is_refused_and_nothing_is_left(self):
        # the supplier states 1.06 € of VAT at 5.5 % on 19.00 € (1.045 rounds to 1.05):
        # the XML adds up, but it is not what the VAT gives
        invoice = self.supplier_invoice()
        invoice["taxes"][1]["amount"] = 1.06
        pdf = self.facturx_pdf(facturx_cii.generate_cii_xml(invoice))
        before, partners = self.bills_count(), self.env["res.partner"].search_count([])
        with self.assertRaisesRegex(UserError, "total VAT"):
            self.import_pdf(pdf)
        self.assertEqual(self.bills_count(), before)
        self.assertEqual(self.env["res.partner"].search_count([]), partners)

    def test_an_invoice_addressed_to_another_company_is_refused(self):
        buyer = dict(facturx_samples.SELLER, siret="55210055400013", vat="FR96552100554")
        pdf = self.facturx_pdf(facturx_cii.generate_cii_xml(self.supplier_invoice(buyer=buyer)))
        with self.assertRaisesRegex(UserError, "552100554"):
            self.import_pdf(pdf)
