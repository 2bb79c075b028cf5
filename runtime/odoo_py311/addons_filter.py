"""Which addons on an addons path can actually be installed here.

Plain Python (no odoo import): reads manifests with ast.literal_eval, as Odoo
does, and keeps an addon only if it is installable, its Python external
dependencies import, and every addon it depends on is kept too.
"""
import ast
import functools
import importlib.util
import os


def read_manifests(ad_paths, manifest_names=("__manifest__.py", "__openerp__.py")):
    """{addon name: manifest dict} for the first occurrence of each addon."""
    manifests = {}
    for ad_path in ad_paths:
        try:
            names = sorted(os.listdir(ad_path))
        except OSError:
            continue
        for name in names:
            if name in manifests:
                continue
            for manifest_name in manifest_names:
                path = os.path.join(ad_path, name, manifest_name)
                if os.path.isfile(path):
                    with open(path, "rb") as f:
                        try:
                            manifests[name] = ast.literal_eval(f.read().decode("utf-8"))
                        except (SyntaxError, ValueError):
                            manifests[name] = {"installable": False}
                    break
    return manifests


# Addons that import a missing Python library without declaring it in
# external_dependencies; found by runtime/tests (test_every_visible_addon_imports).
UNDECLARED_MISSING = {
    "base_vat_autocomplete": "suds",
}


def python_module_available(name):
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def unmet_reasons(manifests, python_available=python_module_available):
    """{addon: reason} for every addon that cannot be installed."""
    reasons = {}
    for name, manifest in manifests.items():
        if not manifest.get("installable", True):
            reasons[name] = "not installable"
            continue
        libs = list(manifest.get("external_dependencies", {}).get("python", []))
        if name in UNDECLARED_MISSING:
            libs.append(UNDECLARED_MISSING[name])
        missing = [lib for lib in libs if not python_available(lib)]
        if missing:
            reasons[name] = "missing Python module(s) %s" % ", ".join(missing)
    changed = True
    while changed:  # propagate along dependencies until nothing changes
        changed = False
        for name, manifest in manifests.items():
            if name in reasons:
                continue
            for dep in manifest.get("depends", []):
                if dep not in manifests:
                    reasons[name] = "dependency %s is not on the addons path" % dep
                elif dep in reasons:
                    reasons[name] = "dependency %s is unusable" % dep
                else:
                    continue
                changed = True
                break
    return reasons


@functools.lru_cache(maxsize=8)
def _usable(ad_paths, manifest_names):
    manifests = read_manifests(ad_paths, manifest_names)
    return frozenset(manifests) - frozenset(unmet_reasons(manifests))


def usable_addons(ad_paths, manifest_names=("__manifest__.py", "__openerp__.py")):
    """frozenset of the addon names on ad_paths whose dependencies are all met."""
    return _usable(tuple(ad_paths), tuple(manifest_names))
