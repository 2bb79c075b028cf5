"""Each addon of the suite installs alone, with only what its manifest depends
on, demo data included.

The test database of ``scripts/test`` has every addon at once, which hides an
addon that needs another one it does not declare (a field, a view, a demo
record of crm_billing used by crm_sales...). Here each addon whose dependencies
leave out some suite addons gets its own throw-away database, built as a user
would install it: ``crm-odoo -i <addon>``, demo data on, no ERROR in the log.

One database can prove several addons at once: crm_projects alone holds
crm_sales without crm_billing, crm_billing alone holds crm_sales without
crm_projects, so together they show that crm_sales needs neither, and
crm_sales needs no database of its own. ``INSTALLED`` is the smallest set of
such databases (greedy) that shows, for every addon and every suite addon
outside its dependencies, a database with the first and without the second.

Installing Odoo's base, mail, calendar... again for every database is most of
the time, so the databases are built as a tree (``build_order``): a database
is a copy of one built before it whose addons it all needs (PostgreSQL's
CREATE DATABASE ... TEMPLATE, and the filestore copied), on which ``-i`` installs
the rest, as a user who adds an app to a running database. The addons several
databases need (crm_base, crm_sales...) get a database of their own on the way,
which proves them alone too. Each database is still checked for exactly its
addons' closure and an installation log without error.
"""
import ast
import glob
import os
import subprocess

import psycopg2
import pytest

from odoo_server import ROOT
from odoo_cli import DB_ARGS, drop, run_odoo, sql


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


def installed_with(addon, all_manifests):
    """The suite addons that ``crm-odoo -i <addon>`` installs: its own
    dependencies, and the bridges (``auto_install``) whose suite dependencies
    are then all installed, as Odoo adds them (crm_helpdesk_projects brings
    crm_helpdesk_sales: both crm_helpdesk and crm_sales are there). A bridge
    depending on an addon outside the suite is not counted as added."""
    installed = suite_closure(addon, all_manifests)
    added = True
    while added:
        added = False
        for name in sorted(all_manifests):
            depends = set(all_manifests[name].get("depends", []))
            if name not in installed and all_manifests[name].get("auto_install") \
                    and depends and depends <= installed:
                installed |= suite_closure(name, all_manifests)
                added = True
    return installed


def to_prove(all_manifests):
    """(addon, other): a database must show ``addon`` installed without
    ``other``, when installing ``addon`` does not bring ``other`` anyway."""
    closures = {name: installed_with(name, all_manifests) for name in all_manifests}
    return {(name, other) for name in all_manifests for other in all_manifests
            if other not in closures[name]}


def proven_by(addon, all_manifests):
    """The pairs of to_prove() that installing ``addon`` alone shows."""
    closure = installed_with(addon, all_manifests)
    return {(name, other) for name in closure for other in all_manifests
            if other not in closure}


def databases_to_install(all_manifests):
    """The addons to install alone, each in its own database, so that every
    pair of to_prove() is shown (greedy: the most pairs first)."""
    left, chosen = to_prove(all_manifests), []
    while left:
        best = max(sorted(all_manifests),
                   key=lambda name: len(proven_by(name, all_manifests) & left))
        chosen.append(best)
        left -= proven_by(best, all_manifests)
    return sorted(chosen)


def build_order(chosen, all_manifests):
    """[(addon, templates)]: the databases to build, in order, each on a copy of
    one of its templates. Besides ``chosen``, every suite addon that two of them
    need gets a database on the way. The templates of a database are the largest
    ones built before it whose addons it needs all of; the test copies the one
    with the most Odoo modules installed (the least left to install)."""
    closures = {name: installed_with(name, all_manifests) for name in all_manifests}
    shared = {name for name in all_manifests
              if sum(name in closures[c] for c in chosen) >= 2}
    order, built = [], []
    for name in sorted(set(chosen) | shared, key=lambda n: (len(closures[n]), n)):
        bases = [b for b in built if closures[b] < closures[name]]
        largest = max([len(closures[b]) for b in bases] or [0])
        order.append((name, tuple(b for b in bases if len(closures[b]) == largest)))
        built.append(name)
    return order


MANIFESTS = manifests()
INSTALLED = databases_to_install(MANIFESTS)
BUILD_ORDER = build_order(INSTALLED, MANIFESTS)
PREFIX = os.environ.get("CRM_TEST_DB", "crm_test") + "_alone_"


def test_the_databases_installed_alone_show_every_addon_without_what_it_does_not_need():
    assert BUILD_ORDER[0] == ("crm_base", ())
    proven = set().union(*(proven_by(name, MANIFESTS) for name in INSTALLED))
    assert proven == to_prove(MANIFESTS)
    # crm_sales is shown by crm_billing's and crm_projects' databases together
    sample = {"crm_base": {"depends": []}, "crm_sales": {"depends": ["crm_base"]},
              "crm_billing": {"depends": ["crm_sales"]},
              "crm_projects": {"depends": ["crm_sales"]},
              "crm_projects_billing": {"depends": ["crm_projects", "crm_billing"]}}
    assert databases_to_install(sample) == ["crm_base", "crm_billing", "crm_projects"]
    # crm_base and crm_sales are built once, and copied for the others
    assert build_order(["crm_base", "crm_billing", "crm_projects"], sample) == [
        ("crm_base", ()), ("crm_sales", ("crm_base",)), ("crm_billing", ("crm_sales",)),
        ("crm_projects", ("crm_sales",))]
    # the bridge goes on crm_billing's database or crm_projects', whichever has more
    assert build_order(["crm_billing", "crm_projects", "crm_projects_billing"], sample)[-1] \
        == ("crm_projects_billing", ("crm_billing", "crm_projects"))
    # a bridge comes with the other bridge whose addons it brings (auto_install)
    sample.update({"crm_helpdesk": {"depends": ["crm_base"]},
                   "crm_helpdesk_sales": {"depends": ["crm_helpdesk", "crm_sales"],
                                          "auto_install": True},
                   "crm_helpdesk_projects": {"depends": ["crm_helpdesk", "crm_projects"],
                                             "auto_install": True}})
    assert installed_with("crm_helpdesk_projects", sample) == {
        "crm_base", "crm_sales", "crm_projects", "crm_helpdesk", "crm_helpdesk_sales",
        "crm_helpdesk_projects"}
    assert installed_with("crm_helpdesk", sample) == {"crm_base", "crm_helpdesk"}


def copy_database(template, db):
    """``db`` as a copy of ``template``: its tables and its filestore."""
    drop(db)
    conn = psycopg2.connect(dbname="postgres", **DB_ARGS)
    conn.autocommit = True  # CREATE DATABASE cannot run in a transaction
    try:
        with conn.cursor() as cr:
            # names of our own making, not user input
            cr.execute('CREATE DATABASE "%s" WITH TEMPLATE "%s"' % (db, template))
    finally:
        conn.close()
    filestore = os.path.join(ROOT, "var", "data", "filestore")
    if os.path.isdir(os.path.join(filestore, template)):
        subprocess.run(["cp", "-a", os.path.join(filestore, template),
                        os.path.join(filestore, db)], check=True)


@pytest.fixture(scope="module")
def built():
    """addon -> its database once built without error (None while it is built);
    every one dropped at the end."""
    databases = {}
    yield databases
    for addon in databases:
        drop(PREFIX + addon)


def installed_modules(db):
    return {name for name, in sql(db, "SELECT name FROM ir_module_module "
                                      "WHERE state = 'installed'")}


@pytest.mark.parametrize("addon,templates", BUILD_ORDER, ids=[a for a, _t in BUILD_ORDER])
def test_the_addon_installs_alone_with_its_demo_data(addon, templates, built):
    db = PREFIX + addon
    if templates:
        ready = [t for t in templates if built.get(t)]
        if not ready:
            pytest.fail("the databases %s is built on failed: %s" % (addon, ", ".join(templates)))
        template = max(ready, key=lambda t: (len(installed_modules(PREFIX + t)), t))
        copy_database(PREFIX + template, db)
        # what the copy holds already is not installed again
        assert installed_modules(db) & set(MANIFESTS) == installed_with(template, MANIFESTS)
    else:
        drop(db)
    built[addon] = None
    run_odoo(db, "install-alone-%s.log" % addon, "-i", addon)
    assert installed_modules(db) & set(MANIFESTS) == installed_with(addon, MANIFESTS)
    built[addon] = db
