"""Fixtures of the end-to-end tests: a real Odoo server on the run's database
(env var CRM_TEST_DB, default `crm_test`, built by scripts/test) and a headless
Chromium driven by Selenium. See odoo_server.py."""
import os

import pytest
from aiosmtpd.controller import Controller

from odoo_server import (
    SmtpSink,
    free_port,
    new_browser,
    quit_browser,
    save_artifacts,
    start_server,
    stop_server,
    tail,
)


def _test_db(config):
    return (os.environ.get("CRM_TEST_DB")
            or config.getoption("--odoo-database", default=None)
            or "crm_test")


@pytest.fixture(scope="session")
def odoo_server(request):
    """An Odoo server on the test database: .url, .db, .login/.password
    (admin/admin, demo data), .execute() over XML-RPC, .log_problems()."""
    server = start_server(_test_db(request.config))
    yield server
    stop_server(server)


@pytest.fixture
def smtp_sink(odoo_server):
    """An SMTP server on a free local port (aiosmtpd), registered as the
    server's first outgoing mail server for the test: .messages holds the
    envelopes received, .mails_to(address) the parsed messages."""
    sink = SmtpSink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    server_id = odoo_server.execute("ir.mail_server", "create", {
        "name": "test sink %s" % controller.port, "smtp_host": "127.0.0.1",
        "smtp_port": controller.port, "smtp_encryption": "none", "sequence": 0})
    try:
        yield sink
    finally:
        odoo_server.execute("ir.mail_server", "unlink", [server_id])
        controller.stop()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    # Keep each phase's report on the test item so that fixtures can tell, at
    # teardown, whether the test failed (`browser` saves artifacts then).
    report = yield
    setattr(item, "crm_report_" + report.when, report)
    # A server that died explains many failures at once: say so in the report.
    server = getattr(item, "funcargs", {}).get("odoo_server")
    if report.failed and server is not None and server.status():
        report.sections.append(("odoo server", server.status() + "\n" + tail(server.log_path)))
    return report


@pytest.fixture
def browser(request):
    """A fresh headless Chromium (own profile) for one test. On failure,
    var/test-artifacts/<test>.png/.html/.console.txt are written."""
    driver, profile = new_browser()
    try:
        yield driver
    finally:
        try:
            failed = any(getattr(request.node, "crm_report_" + when, None) is not None
                         and getattr(request.node, "crm_report_" + when).failed
                         for when in ("setup", "call"))
            if failed:
                for path in save_artifacts(driver, request.node.name):
                    print("artifact: %s" % path)
        finally:
            quit_browser(driver, profile)
