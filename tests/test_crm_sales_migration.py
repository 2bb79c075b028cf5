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

import pytest

from odoo_cli import drop, odoo_shell, run_odoo, sql
from odoo_server import ROOT

# the last commit of crm_sales 11.0.1.0.0 (before the models were renamed)
BASE_COMMIT = "99b7c4be4877917e09915d2159a28e246b937c41"


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
    # what users would have made in 11.0.1.0.0, through its own code
    odoo_shell(db, """
reason = env.ref("crm_sales.crm_lost_reason_price")
reason.with_context(lang="fr_FR").name = "Trop cher, selon le client"
env["crm.lost.reason"].create({"name": "Délai trop long", "sequence": 60})
for quote in env["crm.quote"].search([("state", "=", "sent")]):
    env["crm.quote.view"]._crm_record(quote, "view", "203.0.113.7", "Firefox").duration = 95
    env["crm.quote.view"]._crm_record(quote, "download", "203.0.113.7", "Firefox")
env["ir.filters"].create({"name": "Raisons actives", "model_id": "crm.lost.reason",
                          "domain": "[]", "user_id": env.uid})
env.cr.commit()
""", addons_path=old_addons)
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
print("QUOTE", quote.view_count, quote.download_count, len(quote.visit_ids))
print("ACTION", env.ref("crm_sales.crm_quote_visit_action").res_model)
print("RULES", env["ir.rule"].search_count([("model_id.model", "=", "crm.quote.visit")]))
""")
    lines = dict(line.split(" ", 1) for line in printed.splitlines() if " " in line)
    assert lines["MODEL"] == "crm.opportunity.lost.reason"
    assert lines["FR"] == "Trop cher, selon le client"
    assert lines["LOST"] == "True"
    assert lines["FILTER"] == "1"
    assert lines["VISITS"] == "True"
    assert lines["QUOTE"] == "1 1 2"
    assert lines["ACTION"] == "crm.quote.visit"
    assert lines["RULES"] == "3"
