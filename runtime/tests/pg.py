"""PostgreSQL as Odoo's role ``crm`` sees it, for the runtime tests that need
a database (test_security_db_init, test_security_models, test_odoo_fixes)."""
import contextlib
import os
import subprocess
import sys
import uuid

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


@contextlib.contextmanager
def odoo_database(prefix, modules, conf, root):
    """The name of a throw-away database with ``modules`` installed through
    ``crm-odoo`` (no demo data), dropped with its filestore afterwards."""
    import odoo  # the caller applied the patches

    conn = admin_conn()
    name = "%s_%s" % (prefix, uuid.uuid4().hex[:8])
    env = dict(os.environ, CRM_ROOT=root,
               PATH=os.pathsep.join([os.path.join(root, "node_modules", ".bin"),
                                     os.environ["PATH"]]))
    crm_odoo = os.path.join(os.path.dirname(sys.executable), "crm-odoo")
    try:
        proc = subprocess.run(
            [crm_odoo, "-c", conf, "-d", name, "-i", modules, "--without-demo=all",
             "--stop-after-init", "--log-level=warn"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=600)
        assert proc.returncode == 0, proc.stdout.decode()[-3000:]
        yield name
    finally:
        odoo.modules.registry.Registry.delete(name)
        odoo.sql_db.close_db(name)
        with conn.cursor() as cr:
            # a server with cron threads on the same PostgreSQL visits every
            # database: close its connections to this throw-away one first
            cr.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                       "WHERE datname = %s AND pid <> pg_backend_pid()", (name,))
            cr.execute('DROP DATABASE IF EXISTS "%s"' % name)
        conn.close()
        subprocess.run(["rm", "-rf", os.path.join(root, "var", "data", "filestore", name)])
