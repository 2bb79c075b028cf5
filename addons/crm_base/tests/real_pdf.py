# -*- coding: utf-8 -*-
"""Real PDFs in tests: Odoo 11 renders reports with Debian's wkhtmltopdf.

How Odoo 11 prints (odoo/addons/base/ir/ir_actions_report.py): render_qweb_pdf
renders the report's HTML, writes each page to a temporary file whose
<base href> is the `report.url` (else `web.base.url`) parameter, and runs
`wkhtmltopdf --disable-local-file-access --quiet ... page.html out.pdf`, which
then fetches the CSS/JS bundles from that URL. ``RealPdfMixin`` makes that
safe in a test case:

- `report.url` points at a local port nothing listens on, so wkhtmltopdf gets
  "connection refused" at once instead of waiting on some server's assets
  (the text of the PDF does not depend on them);
- wkhtmltopdf runs under a timeout, so a hang fails the test instead of
  blocking the run;
- `test_enable` + `test_report_directory` are set as in Odoo's own report
  tests: render_qweb_pdf then really calls wkhtmltopdf (it returns HTML in
  test mode otherwise), and does not commit the asset bundles it builds, so
  the transaction of the test is rolled back as usual.

Every addon's report tests use it (``from odoo.addons.crm_base.tests.real_pdf
import RealPdfMixin, pdf_text``), as does tests/test_pdf_report.py.
"""
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import types
from unittest import mock

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
    """The text of a PDF (poppler's pdftotext), with its spaces made plain
    (French amounts group thousands with a no-break space) and runs of blanks
    as one."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        text = subprocess.run(["pdftotext", "-layout", f.name, "-"], check=True,
                              capture_output=True, timeout=60).stdout.decode()
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u200b", "")
    return re.sub(r"[ \t]+", " ", text)


class RealPdfMixin(object):
    """Mix into a TransactionCase/SavepointCase: its reports are real PDFs
    printed by wkhtmltopdf, safely (see the module's docstring)."""

    def setUp(self):
        super(RealPdfMixin, self).setUp()
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
