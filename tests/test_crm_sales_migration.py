"""A database made by crm_sales 11.0.1.0.0 updates in place to 11.0.1.1.0.

11.0.1.1.0 renamed two models (``crm.lost.reason`` -> ``crm.opportunity.lost.reason``,
``crm.quote.view`` -> ``crm.quote.visit``; addons/crm_sales/migrations/). This
test builds a database the way ``scripts/run`` did before the change - the
suite's addons of the last commit with 11.0.1.0.0, demo data, French - adds
what a user would have made (quote visits, a saved filter, a renamed reason),
then updates it with today's code as ``scripts/run`` does, and checks that
every lost reason, visit, translation and link is still there, once, under
the new names.
"""
import os
import subprocess
import tarfile
import tempfile

import psycopg2
import pytest

from odoo_server import CRM_ODOO, LOG_DIR, ROOT, TEST_CONF

# the last commit of crm_sales 11.0.1.0.0 (before the models were renamed)
BASE_COMMIT = "99b7c4be4877917e09915d2159a28e246b937c41"
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


def odoo_shell(db, code):
    """Run ``code`` in `crm-odoo shell` on ``db``; returns what it printed."""
    env = dict(os.environ, CRM_ROOT=ROOT)
    result = subprocess.run(
        [CRM_ODOO, "shell", "-c", TEST_CONF, "-d", db, "--no-http", "--log-level=warn"],
        cwd=ROOT, env=env, input=code, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def sql(db, query, params=None):
    with psycopg2.connect(dbname=db, **DB_ARGS) as conn, conn.cursor() as cr:
        cr.execute(query, params)
        rows = cr.fetchall() if cr.description else None
    conn.close()
    return rows


def drop(db):
    with psycopg2.connect(dbname="postgres", **DB_ARGS) as conn:
        conn.autocommit = True
        with conn.cursor() as cr:
            cr.execute('DROP DATABASE IF EXISTS "%s"' % db)
    conn.close()


@pytest.fixture(scope="module")
def old_addons():
    """The suite's addons as they were at BASE_COMMIT, in a temporary folder."""
    folder = tempfile.mkdtemp(prefix="crm-migration-")
    archive = os.path.join(folder, "addons.tar")
    try:
        subprocess.run(["git", "-C", ROOT, "archive", "-o", archive, BASE_COMMIT, "addons"],
                       check=True, capture_output=True)
    except subprocess.CalledProcessError as error:
        pytest.fail("the repository's history is needed to build the database of "
                    "crm_sales 11.0.1.0.0 (a full clone): %s" % error.stderr.decode())
    with tarfile.open(archive) as tar:
        tar.extractall(folder)
    yield os.path.join(folder, "addons")
    subprocess.run(["rm", "-rf", folder])


@pytest.fixture(scope="module")
def migrated_db(old_addons):
    """{"db": name, "before": what the 11.0.1.0.0 database held}, after the update."""
    db = "%s_migration" % os.environ.get("CRM_TEST_DB", "crm_test")
    drop(db)
    addons = "crm_base,crm_sales"
    run_odoo(db, "migration-install.log", "-i", addons, "--load-language=fr_FR",
             addons_path=old_addons)
    # what users would have made in 11.0.1.0.0
    sql(db, """UPDATE ir_translation SET value = 'Trop cher, selon le client'
                WHERE name = 'crm.lost.reason,name' AND lang = 'fr_FR'
                  AND res_id = (SELECT res_id FROM ir_model_data
                                 WHERE module = 'crm_sales' AND name = 'crm_lost_reason_price')""")
    sql(db, """INSERT INTO crm_lost_reason (name, sequence, active)
               VALUES ('Délai trop long', 60, true)""")
    sql(db, """INSERT INTO crm_quote_view
                      (quote_id, company_id, opportunity_id, kind, date, duration)
               SELECT q.id, q.company_id, q.opportunity_id, k.kind, now() at time zone 'UTC',
                      k.duration
                 FROM crm_quote q, (VALUES ('view', 95), ('download', 0)) AS k(kind, duration)
                WHERE q.state = 'sent'""")
    sql(db, """INSERT INTO ir_filters (name, model_id, domain, context, sort, active, user_id)
               VALUES ('Raisons actives', 'crm.lost.reason', '[]', '{}', '[]', true, 2)""")
    before = {
        "reasons": sql(db, "SELECT id, name FROM crm_lost_reason ORDER BY id"),
        "lost": sql(db, "SELECT id, lost_reason_id FROM crm_opportunity "
                        "WHERE lost_reason_id IS NOT NULL ORDER BY id"),
        "visits": sql(db, "SELECT id, quote_id, kind, duration FROM crm_quote_view ORDER BY id"),
        "xmlids": dict(sql(db, "SELECT name, res_id FROM ir_model_data WHERE module = 'crm_sales' "
                               "AND model = 'crm.lost.reason'")),
    }
    assert len(before["reasons"]) == 6 and before["lost"] and before["visits"]
    # today's code, as scripts/run updates an existing crm_demo
    run_odoo(db, "migration-update.log", "-u", addons)
    yield {"db": db, "before": before}
    drop(db)


def test_lost_reasons_keep_their_ids_names_and_deals_under_the_new_model(migrated_db):
    db, before = migrated_db["db"], migrated_db["before"]
    assert sql(db, "SELECT id, name FROM crm_opportunity_lost_reason ORDER BY id") == \
        before["reasons"]
    assert sql(db, "SELECT id, lost_reason_id FROM crm_opportunity "
                   "WHERE lost_reason_id IS NOT NULL ORDER BY id") == before["lost"]
    renamed = {"crm_opportunity_lost_reason_" + name[len("crm_lost_reason_"):]: res_id
               for name, res_id in before["xmlids"].items()}
    assert dict(sql(db, "SELECT name, res_id FROM ir_model_data WHERE module = 'crm_sales' "
                        "AND model = 'crm.opportunity.lost.reason'")) == renamed


def test_quote_visits_are_all_kept_under_the_new_model(migrated_db):
    db, before = migrated_db["db"], migrated_db["before"]
    assert sql(db, "SELECT id, quote_id, kind, duration FROM crm_quote_visit ORDER BY id") == \
        before["visits"]


def test_nothing_is_left_under_the_old_names(migrated_db):
    db = migrated_db["db"]
    assert sql(db, "SELECT relname FROM pg_class WHERE relname LIKE 'crm\\_lost\\_reason%%' "
                   "OR relname LIKE 'crm\\_quote\\_view\\_%%'") == []
    assert sql(db, "SELECT model FROM ir_model WHERE model IN ('crm.lost.reason', "
                   "'crm.quote.view')") == []
    assert sql(db, "SELECT model FROM ir_model_fields WHERE model IN ('crm.lost.reason', "
                   "'crm.quote.view') OR relation IN ('crm.lost.reason', 'crm.quote.view')") == []
    assert sql(db, """SELECT name FROM ir_model_data WHERE module = 'crm_sales'
                       AND (name LIKE '%%crm\\_lost\\_reason%%'
                            OR name LIKE '%%crm\\_quote\\_view\\_view%%'
                            OR name LIKE 'crm\\_quote\\_view\\_rule%%'
                            OR name = 'crm_quote_view_action'
                            OR name LIKE 'model\\_crm\\_quote\\_view%%')""") == []
    assert sql(db, "SELECT count(*) FROM crm_opportunity_lost_reason")[0][0] == 6


def test_the_orm_reads_the_renamed_models_with_their_french_names_and_filters(migrated_db):
    printed = odoo_shell(migrated_db["db"], """
reason = env.ref("crm_sales.crm_opportunity_lost_reason_price")
print("MODEL", reason._name)
print("FR", reason.with_context(lang="fr_FR").name)
print("LOST", env["crm.opportunity"].search_count([("lost_reason_id", "=", reason.id)]) > 0)
print("FILTER", env["ir.filters"].search_count([("model_id", "=", "crm.opportunity.lost.reason")]))
print("VISITS", env["crm.quote.visit"].search_count([]) > 0)
quote = env["crm.quote.visit"].search([], limit=1).quote_id
print("QUOTE", quote.view_count >= 1, len(quote.visit_ids) >= 2)
print("ACTION", env.ref("crm_sales.crm_quote_visit_action").res_model)
print("RULES", env["ir.rule"].search_count([("model_id.model", "=", "crm.quote.visit")]))
""")
    lines = dict(line.split(" ", 1) for line in printed.splitlines() if " " in line)
    assert lines["MODEL"] == "crm.opportunity.lost.reason"
    assert lines["FR"] == "Trop cher, selon le client"
    assert lines["LOST"] == "True"
    assert lines["FILTER"] == "1"
    assert lines["VISITS"] == "True"
    assert lines["QUOTE"] == "True True"
    assert lines["ACTION"] == "crm.quote.visit"
    assert lines["RULES"] == "3"
