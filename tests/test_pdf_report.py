"""PDF reports: Odoo 11 renders a real PDF with Debian's wkhtmltopdf under our layer.

Run with pytest-odoo on a database with base installed:
    .venv/bin/python -m pytest --odoo-database=<db> --odoo-config=config/odoo-test.conf \
        tests/test_pdf_report.py

How Odoo 11 prints (odoo/addons/base/ir/ir_actions_report.py): render_qweb_pdf
renders the report's HTML, writes each page to a temporary file whose
<base href> is the `report.url` (else `web.base.url`) parameter, and runs
`wkhtmltopdf --disable-local-file-access --quiet ... page.html out.pdf`, which
then fetches the CSS/JS bundles from that URL. The test makes that safe:

- `report.url` points at a local port nothing listens on, so wkhtmltopdf gets
  "connection refused" at once instead of waiting on some server's assets
  (the text of the PDF does not depend on them);
- wkhtmltopdf runs under a timeout, so a hang fails the test instead of
  blocking the run;
- `test_enable` + `test_report_directory` are set as in Odoo's own report
  tests: render_qweb_pdf then really calls wkhtmltopdf, and does not commit
  the asset bundles it builds (it does when not in test mode), so the
  transaction of the test is rolled back as usual.
"""
import shutil
import socket
import subprocess
import sys
import tempfile
import types
from unittest import mock

from odoo.tests.common import TransactionCase
from odoo.tools import config

WKHTMLTOPDF_TIMEOUT = 120  # seconds; a normal run takes about one


def closed_local_port():
    """A TCP port on 127.0.0.1 that nothing listens on (connections are refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TimedPopen(subprocess.Popen):
    """subprocess.Popen whose communicate() gives up (and kills) after a timeout."""

    def communicate(self, input=None, timeout=None):
        try:
            return super().communicate(input, timeout=timeout or WKHTMLTOPDF_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.kill()
            super().communicate()
            raise AssertionError("wkhtmltopdf did not finish within %ss: %s" % (
                WKHTMLTOPDF_TIMEOUT, " ".join(map(str, self.args))))


def pdf_text(pdf):
    """The text of a PDF, extracted with poppler's pdftotext."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        return subprocess.run(["pdftotext", "-layout", f.name, "-"], check=True,
                              capture_output=True, timeout=60).stdout.decode()


class TestPdfReport(TransactionCase):

    def setUp(self):
        super().setUp()
        if not shutil.which("wkhtmltopdf") or not shutil.which("pdftotext"):
            self.fail("wkhtmltopdf and pdftotext are required (scripts/setup installs them)")
        self.env["ir.config_parameter"].sudo().set_param(
            "report.url", "http://127.0.0.1:%d" % closed_local_port())
        report_dir = tempfile.mkdtemp(prefix="crm-test-reports-")
        self.addCleanup(shutil.rmtree, report_dir, True)
        options = mock.patch.dict(config.options, {
            "test_enable": True, "test_report_directory": report_dir})
        options.start()
        self.addCleanup(options.stop)
        report_module = sys.modules["odoo.addons.base.ir.ir_actions_report"]
        self.assertIn(report_module.wkhtmltopdf_state, ("ok", "workers"),
                      "Odoo did not find a usable wkhtmltopdf at start-up")
        timed = mock.patch.object(report_module, "subprocess", types.SimpleNamespace(
            Popen=TimedPopen, PIPE=subprocess.PIPE))
        timed.start()
        self.addCleanup(timed.stop)

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
