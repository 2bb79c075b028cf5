"""Each addon of the suite installs alone, with only what its manifest depends
on, demo data included.

The test database of ``scripts/test`` has every addon at once, which hides an
addon that needs another one it does not declare (a field, a view, a demo
record of crm_billing used by crm_sales...). Here each addon whose dependencies
leave out some suite addons gets its own throw-away database, built as a user
would install it: ``crm-odoo -i <addon>``, demo data on, no ERROR in the log.
"""
import ast
import glob
import os

import psycopg2
import pytest

from odoo_server import ROOT
from odoo_cli import DB_ARGS, drop, run_odoo


def manifests():
    found = {}
    for path in glob.glob(os.path.join(ROOT, "addons", "*", "__manifest__.py")):
        with open(path) as f:
            found[os.path.basename(os.path.dirname(path))] = ast.literal_eval(f.read())
    return found


def suite_closure(addon, all_manifests):
    """The suite addons that ``addon`` needs, itself included."""
    needed, todo = set(), [addon]
    while todo:
        name = todo.pop()
        if name in all_manifests and name not in needed:
            needed.add(name)
            todo.extend(all_manifests[name].get("depends", []))
    return needed


MANIFESTS = manifests()
ALONE = sorted(name for name in MANIFESTS
               if suite_closure(name, MANIFESTS) != set(MANIFESTS))


def test_the_addons_installed_alone_are_those_that_leave_some_of_the_suite_out():
    assert "crm_base" in ALONE
    assert all(suite_closure(name, MANIFESTS) < set(MANIFESTS) for name in ALONE)


@pytest.mark.parametrize("addon", ALONE)
def test_the_addon_installs_alone_with_its_demo_data(addon):
    db = "crm_test_alone_%s" % addon
    drop(db)
    try:
        run_odoo(db, "install-alone-%s.log" % addon, "-i", addon)
        with psycopg2.connect(dbname=db, **DB_ARGS) as conn, conn.cursor() as cr:
            cr.execute("SELECT name FROM ir_module_module WHERE state = 'installed' "
                       "AND name = ANY(%s)", (list(MANIFESTS),))
            installed = {name for name, in cr.fetchall()}
        conn.close()
        assert installed == suite_closure(addon, MANIFESTS)
    finally:
        drop(db)
