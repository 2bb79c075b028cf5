"""pytest plugin for the logic tests: each addon's ``tests/test_logic_*.py``
run without Odoo, in seconds, before any database exists.

The tests import their addon's ``logic/`` relatively (``from ..logic import
dedup``). Importing the addon package itself would run its ``__init__.py``,
which imports its models and Odoo; instead, this plugin registers every addon
of ``addons/`` and its ``tests`` folder as bare packages (their ``__path__``
only), so that only ``logic/`` and the test's own helpers are executed. It
also refuses any import of ``odoo`` in this run: a logic test, or a logic
module, that needs Odoo fails with a message saying so.

One exception: the logic of an addon may use the logic of an addon it depends
on, imported as Odoo names it (``from odoo.addons.crm_sales.logic import
quote_totals``), instead of copying it. ``odoo``, ``odoo.addons`` and each
``odoo.addons.<addon>`` are bare packages too, and ``odoo.addons.<addon>.logic``
and its modules are the only ``odoo`` names that import.

Used by scripts/test (layer 1)::

    python -m pytest -o addopts= -p no:odoo -p tests.plain.logic_packages \\
        addons/*/tests/test_logic_*.py
"""
import importlib.abc
import os
import sys
import types

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ADDONS = os.path.join(ROOT, "addons")


def is_addon_logic(fullname):
    """``odoo.addons.<addon>.logic`` or one of its modules."""
    parts = fullname.split(".")
    return len(parts) >= 4 and parts[:2] == ["odoo", "addons"] and parts[3] == "logic"


class NoOdoo(importlib.abc.MetaPathFinder):
    """Refuses ``odoo`` and its submodules, but for the addons' logic."""

    def find_spec(self, fullname, path, target=None):
        if is_addon_logic(fullname):
            return None
        if fullname == "odoo" or fullname.startswith("odoo."):
            raise ImportError(
                "%s: the logic tests run without Odoo; logic/ and test_logic_*.py may not "
                "import odoo (move what needs the ORM to an Odoo test)" % fullname)
        return None


def bare_package(name, path=None):
    """A package ``name`` whose modules are those of ``path`` (none if None)."""
    module = types.ModuleType(name)
    module.__path__ = [path] if path else []
    module.__file__ = os.path.join(path, "__init__.py") if path else None
    module.__package__ = name
    sys.modules[name] = module


def register_addons():
    bare_package("odoo")
    bare_package("odoo.addons")
    for addon in sorted(os.listdir(ADDONS)):
        folder = os.path.join(ADDONS, addon)
        if not os.path.isfile(os.path.join(folder, "__manifest__.py")):
            continue
        bare_package(addon, folder)
        bare_package("odoo.addons." + addon, folder)
        if os.path.isdir(os.path.join(folder, "tests")):
            bare_package(addon + ".tests", os.path.join(folder, "tests"))


def pytest_configure(config):
    if "odoo" in sys.modules:
        raise RuntimeError("odoo was imported before the logic tests started: run them in "
                           "their own pytest run with -p no:odoo and -o addopts=")
    sys.meta_path.insert(0, NoOdoo())
    register_addons()
