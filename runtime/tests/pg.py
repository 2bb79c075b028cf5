"""PostgreSQL as Odoo's role ``crm`` sees it, for the runtime tests that need
a database (test_security_db_init, test_security_models)."""
import os

import psycopg2
import pytest

PG = dict(host=os.environ.get("PGHOST", "127.0.0.1"), port=int(os.environ.get("PGPORT", 5432)),
          user="crm", password="crm")


def admin_conn():
    """An autocommit connection to the postgres database, to create and drop
    databases; skips the test when PostgreSQL is not reachable."""
    try:
        conn = psycopg2.connect(dbname="postgres", **PG)
    except psycopg2.OperationalError as exc:  # pragma: no cover
        pytest.skip("PostgreSQL not reachable as crm: %s" % exc)
    conn.autocommit = True
    return conn
