"""CVE-2018-15632: loading an empty database must not initialize it (needs PostgreSQL, role crm).

Creates an empty database, asks Odoo's registry to load it outside install
mode, checks it is refused and that no Odoo table was created, drops it.
"""
import os
import uuid

import pytest

from odoo_py311 import apply_all

apply_all()

import odoo  # noqa: E402

psycopg2 = pytest.importorskip("psycopg2")

from pg import PG, admin_conn  # noqa: E402  (runtime/tests/pg.py)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture
def empty_db():
    name = "sec_empty_%s" % uuid.uuid4().hex[:8]
    conn = admin_conn()
    with conn.cursor() as cr:
        cr.execute('CREATE DATABASE "%s"' % name)
    try:
        yield name
    finally:
        odoo.sql_db.close_db(name)
        with conn.cursor() as cr:
            cr.execute('DROP DATABASE IF EXISTS "%s"' % name)
        conn.close()


def _odoo_tables(name):
    conn = psycopg2.connect(dbname=name, **PG)
    try:
        with conn.cursor() as cr:
            cr.execute("SELECT count(*) FROM information_schema.tables "
                       "WHERE table_name IN ('ir_module_module', 'res_users')")
            return cr.fetchone()[0]
    finally:
        conn.close()


def test_registry_refuses_to_initialize_an_empty_database(empty_db):
    from odoo.modules.registry import Registry
    from odoo_py311.security.databases import DatabaseNotInitialized

    odoo.tools.config.parse_config(["-c", os.path.join(ROOT, "config", "odoo-test.conf")])
    with pytest.raises(Exception) as info:
        Registry.new(empty_db)  # what a request naming that database triggers
    # Registry.new then tries to reset module states, which fails in turn on
    # the empty database: look for our refusal in the exception chain.
    chain, exc = [], info.value
    while exc is not None:
        chain.append(type(exc))
        exc = exc.__context__
    assert DatabaseNotInitialized in chain
    assert empty_db not in Registry.registries
    assert _odoo_tables(empty_db) == 0
