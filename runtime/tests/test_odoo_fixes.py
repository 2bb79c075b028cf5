"""Tests of the fixes of Odoo 11's own bugs (runtime/odoo_py311/fixes.py).

Needs PostgreSQL (role crm) and a database with base: CRM_SECURITY_TEST_DB
when set (scripts/test passes its test database), else a throw-away one
installed for the module and dropped afterwards. Each test fails without its
fix.
"""
import os
import uuid

import pytest

from odoo_py311 import apply_all

apply_all()

import odoo  # noqa: E402
from odoo import SUPERUSER_ID, api  # noqa: E402

pytest.importorskip("psycopg2")

from pg import odoo_database  # noqa: E402  (runtime/tests/pg.py)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CONF = os.path.join(ROOT, "config", "odoo-test.conf")


def use_test_config():
    """Odoo's options from config/odoo-test.conf, read once per process: loading a
    registry pops options (load_language) that reading them again needs."""
    if odoo.tools.config.rcfile != CONF:
        odoo.tools.config.parse_config(["-c", CONF])


@pytest.fixture(scope="module")
def dbname():
    existing = os.environ.get("CRM_SECURITY_TEST_DB")
    use_test_config()
    if existing:
        yield existing
        return
    with odoo_database("fixes", "base", CONF, ROOT) as name:
        yield name


@pytest.fixture
def partner_id(dbname):
    """A partner committed for the test (the RPC call commits), deleted after it."""
    registry = odoo.registry(dbname)
    with api.Environment.manage(), registry.cursor() as cr:
        partner = api.Environment(cr, SUPERUSER_ID, {})["res.partner"].create(
            {"name": "Retried %s" % uuid.uuid4().hex[:8]})
    yield partner.id
    with api.Environment.manage(), registry.cursor() as cr:
        api.Environment(cr, SUPERUSER_ID, {})["res.partner"].browse(partner.id).unlink()


def test_an_rpc_write_retried_after_a_serialization_failure_succeeds(
        dbname, partner_id, monkeypatch):
    """rpc_retry_fresh_environments: the second attempt does not recompute the
    records the first attempt left to recompute on its closed cursor."""
    service = odoo.service.model
    call_kw = odoo.api.call_kw
    cursors = []

    def first_attempt_fails(recs, method, args, kwargs):
        cursors.append(recs.env.cr)
        if len(cursors) == 1:
            # as write() does before its UPDATE: the display name is to be
            # recomputed; then the UPDATE meets a concurrent one
            recs.browse(args[0]).modified(["name"])
            recs.env.cr.execute("DO $$ BEGIN RAISE EXCEPTION 'concurrent update' "
                                "USING ERRCODE = 'serialization_failure'; END $$")
        return call_kw(recs, method, args, kwargs)

    monkeypatch.setattr(odoo.api, "call_kw", first_attempt_fails)
    monkeypatch.setattr(service.time, "sleep", lambda seconds: None)  # no back-off wait
    with api.Environment.manage():
        result = service.execute_kw(dbname, SUPERUSER_ID, "res.partner", "write",
                                    [[partner_id], {"name": "Renamed after a retry"}])
    assert result is True
    assert len(cursors) == 2 and cursors[0].closed, "the call was not retried on a new cursor"
    with api.Environment.manage(), odoo.registry(dbname).cursor() as cr:
        partner = api.Environment(cr, SUPERUSER_ID, {})["res.partner"].browse(partner_id)
        assert (partner.name, partner.display_name) == ("Renamed after a retry",) * 2
