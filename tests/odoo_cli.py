"""Odoo's command line and PostgreSQL for the tests that build their own
databases (the migration test, the install-alone test)."""
import os
import subprocess

import psycopg2

from odoo_server import CRM_ODOO, LOG_DIR, ROOT, TEST_CONF

DB_ARGS = dict(host=os.environ.get("PGHOST", "127.0.0.1"),
               port=int(os.environ.get("PGPORT", "5432")), user="crm", password="crm")


def run_odoo(db, log_name, *args, addons_path=None):
    """crm-odoo on ``db`` with the test configuration; fails on an error in its log
    (Odoo logs a failed data file or migration and goes on), as scripts/lib.sh does."""
    log_path = os.path.join(LOG_DIR, log_name)
    cmd = [CRM_ODOO, "-c", TEST_CONF, "-d", db, "--stop-after-init", "--log-level=info"]
    cmd += list(args)
    if addons_path:
        cmd.append("--addons-path=%s" % addons_path)
    env = dict(os.environ, CRM_ROOT=ROOT)
    with open(log_path, "wb") as log:
        result = subprocess.run(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, timeout=1800)
    with open(log_path, errors="replace") as log:
        problems = [line for line in log if " ERROR " in line or " CRITICAL " in line
                    or line.startswith("Traceback")]
    assert result.returncode == 0 and not problems, "%s failed (log %s):\n%s" % (
        " ".join(cmd), log_path, "".join(problems[:40]))


def odoo_shell(db, code, addons_path=None):
    """Run ``code`` in `crm-odoo shell` on ``db``; returns what it printed."""
    env = dict(os.environ, CRM_ROOT=ROOT)
    cmd = [CRM_ODOO, "shell", "-c", TEST_CONF, "-d", db, "--no-http", "--log-level=warn"]
    if addons_path:
        cmd.append("--addons-path=%s" % addons_path)
    result = subprocess.run(cmd, cwd=ROOT, env=env, input=code, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def sql(db, query, params=None):
    with psycopg2.connect(dbname=db, **DB_ARGS) as conn, conn.cursor() as cr:
        cr.execute(query, params)
        rows = cr.fetchall() if cr.description else None
    conn.close()
    return rows


def drop(db):
    conn = psycopg2.connect(dbname="postgres", **DB_ARGS)
    conn.autocommit = True  # DROP DATABASE cannot run in a transaction
    try:
        with conn.cursor() as cr:
            cr.execute('DROP DATABASE IF EXISTS "%s"' % db)
    finally:
        conn.close()
    subprocess.run(["rm", "-rf", os.path.join(ROOT, "var", "data", "filestore", db)])
