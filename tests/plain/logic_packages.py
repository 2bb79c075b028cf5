"""pytest plugin for the logic tests: each addon's ``tests/test_logic_*.py``
run without Odoo, in seconds, before any database exists.

The tests import their addon's ``logic/`` relatively (``from ..logic import
dedup``). Importing the addon package itself would run its ``__init__.py``,
which imports its models and Odoo; instead, this plugin registers every addon
of ``addons/`` and its ``tests`` folder as bare packages (their ``__path__``
only), so that only ``logic/`` and the test's own helpers are executed. It
also refuses any import of ``odoo`` in this run: a logic test, or a logic
module, that needs Odoo fails with a message saying so.

Used by scripts/test (layer 1), on the files ``addons/*/tests/test_logic_*.py``:
``python -m pytest -o addopts= -p no:odoo -p tests.plain.logic_packages <files>``
"""
import importlib.abc
import os
import sys
import types

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ADDONS = os.path.join(ROOT, "addons")


class NoOdoo(importlib.abc.MetaPathFinder):
    """Refuses ``odoo`` and its submodules."""

    def find_spec(self, fullname, path, target=None):
        if fullname == "odoo" or fullname.startswith("odoo."):
            raise ImportError(
                "%s: the logic tests run without Odoo; logic/ and test_logic_*.py may not "
                "import odoo (move what needs the ORM to an Odoo test)" % fullname)
        return None


def bare_package(name, path):
    module = types.ModuleType(name)
    module.__path__ = [path]
    module.__file__ = os.path.join(path, "__init__.py")
    module.__package__ = name
    sys.modules[name] = module


def register_addons():
    for addon in sorted(os.listdir(ADDONS)):
        folder = os.path.join(ADDONS, addon)
        if not os.path.isfile(os.path.join(folder, "__manifest__.py")):
            continue
        bare_package(addon, folder)
        if os.path.isdir(os.path.join(folder, "tests")):
            bare_package(addon + ".tests", os.path.join(folder, "tests"))


def pytest_configure(config):
    if "odoo" in sys.modules:
        raise RuntimeError("odoo was imported before the logic tests started: run them in "
                           "their own pytest run with -p no:odoo and -o addopts=")
    sys.meta_path.insert(0, NoOdoo())
    register_addons()
