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


MANIFESTS = manifests()
INSTALLED = databases_to_install(MANIFESTS)


def test_the_databases_installed_alone_show_every_addon_without_what_it_does_not_need():
    # crm_base without crm_sales: its own database, or one of an addon on
    # crm_base alone (crm_helpdesk's)
    assert any("crm_sales" not in installed_with(name, MANIFESTS) for name in INSTALLED)
    proven = set().union(*(proven_by(name, MANIFESTS) for name in INSTALLED))
    assert proven == to_prove(MANIFESTS)
    # crm_sales is shown by crm_billing's and crm_projects' databases together
    sample = {"crm_base": {"depends": []}, "crm_sales": {"depends": ["crm_base"]},
              "crm_billing": {"depends": ["crm_sales"]},
              "crm_projects": {"depends": ["crm_sales"]},
              "crm_projects_billing": {"depends": ["crm_projects", "crm_billing"]}}
    assert databases_to_install(sample) == ["crm_base", "crm_billing", "crm_projects"]
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


@pytest.mark.parametrize("addon", INSTALLED)
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
        assert installed == installed_with(addon, MANIFESTS)
    finally:
        drop(db)
