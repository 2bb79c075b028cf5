"""Our models have names of their own: none is a name an Odoo 11 addon of the
installed wheels defines, so that the suite and Odoo's own apps (CRM, Sales,
Project, Accounting, ...) can be installed in one database.

Both sides are read from the source (the ``_name`` of each model class), so
the test needs no database and sees every addon of the wheels, installed in
a database or not.
"""
import ast
import functools
import glob
import importlib.util
import os

from model_source import class_attrs, inherit_list

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def model_classes(path):
    """(_name, _inherit as a list) of each class of ``path`` that sets ``_name``."""
    with open(path, "rb") as source:
        code = source.read()
    if b"_name" not in code:
        return []
    try:
        tree = ast.parse(code, path)
    except SyntaxError:
        return []
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ClassDef):
            continue
        attrs = class_attrs(node)
        if isinstance(attrs.get("_name"), str):
            found.append((attrs["_name"], inherit_list(attrs)))
    return found


@functools.lru_cache()
def odoo_model_names():
    """{model name: {addons}} of every model class of Odoo's addons in the venv."""
    odoo_dir = os.path.dirname(importlib.util.find_spec("odoo").origin)
    names = {}
    for path in glob.glob(os.path.join(odoo_dir, "addons", "*", "**", "*.py"), recursive=True):
        addon = os.path.relpath(path, os.path.join(odoo_dir, "addons")).split(os.sep)[0]
        for name, _inherit in model_classes(path):
            names.setdefault(name, set()).add(addon)
    return names


def our_new_models():
    """{model name: file} of the models our addons define (not the ones they extend)."""
    names = {}
    for path in glob.glob(os.path.join(ROOT, "addons", "*", "**", "*.py"), recursive=True):
        if os.sep + "tests" + os.sep in path:
            continue
        for name, inherit in model_classes(path):
            if name not in inherit:
                names[name] = os.path.relpath(path, ROOT)
    return names


def test_the_scan_sees_odoo_models_and_ours():
    odoo = odoo_model_names()
    # a scan that finds nothing would let any clash through
    assert "crm" in odoo["crm.lead"] and "crm" in odoo["crm.lost.reason"]
    assert "base" in odoo["res.partner"] and "calendar" in odoo["calendar.event"]
    ours = our_new_models()
    assert "crm.opportunity" in ours and "crm.quote" in ours
    assert "res.partner" not in ours  # extended, not defined


def test_no_model_of_ours_takes_a_name_an_odoo_11_addon_defines():
    odoo = odoo_model_names()
    clashes = ["%s (%s, also in Odoo's %s)" % (name, path, ", ".join(sorted(odoo[name])))
               for name, path in sorted(our_new_models().items()) if name in odoo]
    assert not clashes, "model names of Odoo 11 reused: " + "; ".join(clashes)
