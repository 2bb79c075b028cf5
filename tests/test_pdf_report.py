"""PDF reports: Odoo 11 renders a real PDF with Debian's wkhtmltopdf under our layer.

Run with pytest-odoo on a database with crm_base installed:
    .venv/bin/python -m pytest --odoo-database=<db> --odoo-config=config/odoo-test.conf \
        tests/test_pdf_report.py

How Odoo 11 prints, and how the test keeps it safe (a closed `report.url`
port, a timeout, test mode): see addons/crm_base/tests/real_pdf.py.
"""
from odoo.addons.crm_base.tests.real_pdf import RealPdfMixin, pdf_text
from odoo.tests.common import TransactionCase


class TestPdfReport(RealPdfMixin, TransactionCase):

    def test_module_reference_report_is_a_real_pdf(self):
        report = self.env.ref("base.ir_module_reference_print")
        self.assertEqual(report.report_name, "base.report_irmodulereference")
        module = self.env["ir.module.module"].search([("name", "=", "base")])
        self.assertEqual(len(module), 1)

        pdf, kind = report.render_qweb_pdf(module.ids)

        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"), pdf[:200])
        text = pdf_text(pdf)
        self.assertIn("Introspection report on objects", text)
        # the report lists the models of the module: data from the database
        self.assertIn("res.partner", text)
