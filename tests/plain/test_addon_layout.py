"""The layout rules of docs/ADDONS.md, checked on every addon of the suite:
a model's code is found by its file name, one model class a file, one
create() and one write() per model per addon, every menu in views/menus.xml
loaded last. Read from the source: no database."""
import ast
import collections
import glob
import os
import re

from model_source import class_attrs, inherit_list

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def addons():
    return sorted(os.path.dirname(path) for path in
                  glob.glob(os.path.join(ROOT, "addons", "*", "__manifest__.py")))


def model_classes(path):
    """[(model name, class node)] of the Odoo model classes of ``path``: the
    model a class defines (``_name`` not in its ``_inherit``) or extends."""
    with open(path, "rb") as source:
        tree = ast.parse(source.read(), path)
    found = []
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        attrs = class_attrs(node)
        inherit = inherit_list(attrs)
        model = attrs.get("_name") or (inherit[0] if inherit else None)
        if model:
            found.append((model, node))
    return found


def code_files(addon, folders=("models", "wizard")):
    for folder in folders:
        for path in sorted(glob.glob(os.path.join(addon, folder, "*.py"))):
            if not path.endswith("__init__.py"):
                yield path


def test_each_file_holds_one_model_class_named_after_its_model():
    problems = []
    for addon in addons():
        for path in code_files(addon):
            classes = model_classes(path)
            relative = os.path.relpath(path, ROOT)
            if len(classes) > 1:
                problems.append("%s: %d model classes (one a file)" % (relative, len(classes)))
            stem = os.path.basename(path)[:-3]
            for model, _node in classes:
                expected = model.replace(".", "_")
                if os.path.basename(os.path.dirname(path)) == "models" and \
                        stem != expected and not stem.startswith(expected + "_"):
                    problems.append("%s: %s should be in %s.py or %s_<feature>.py"
                                    % (relative, model, expected, expected))
    assert not problems, "\n".join(problems)


def test_one_create_and_one_write_per_model_per_addon():
    problems = []
    for addon in addons():
        overrides = collections.defaultdict(list)
        for path in code_files(addon):
            for model, node in model_classes(path):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef) and item.name in ("create", "write"):
                        overrides[(model, item.name)].append(os.path.relpath(path, ROOT))
        problems += ["%s.%s() overridden %d times in %s: %s" % (
            model, method, len(paths), os.path.basename(addon), ", ".join(paths))
            for (model, method), paths in sorted(overrides.items()) if len(paths) > 1]
    assert not problems, "\n".join(problems)


def test_every_menu_is_in_menus_xml_loaded_last():
    problems = []
    for addon in addons():
        name = os.path.basename(addon)
        with open(os.path.join(addon, "__manifest__.py")) as manifest:
            data = ast.literal_eval(manifest.read()).get("data", [])
        for path in data:
            if not path.endswith(".xml") or path == "views/menus.xml":
                continue
            with open(os.path.join(addon, path)) as xml:
                if re.search(r"<menuitem\b", xml.read()):
                    problems.append("%s/%s: menus belong in views/menus.xml" % (name, path))
        if "views/menus.xml" in data and data[-1] != "views/menus.xml":
            problems.append("%s: views/menus.xml must be the last data file" % name)
    assert not problems, "\n".join(problems)


def test_the_rules_catch_two_classes_a_second_write_and_misplaced_menus(tmp_path, monkeypatch):
    addon = tmp_path / "addons" / "crm_sample"
    (addon / "models").mkdir(parents=True)
    (addon / "views").mkdir()
    (addon / "__manifest__.py").write_text(repr({
        "name": "Sample", "data": ["views/menus.xml", "views/crm_thing_views.xml"]}))
    (addon / "models" / "crm_thing.py").write_text(
        "class A:\n    _name = 'crm.thing'\n    def write(self, vals):\n        pass\n"
        "class B:\n    _inherit = 'res.partner'\n")
    (addon / "models" / "crm_thing_extra.py").write_text(
        "class C:\n    _inherit = 'crm.thing'\n    def write(self, vals):\n        pass\n")
    (addon / "views" / "menus.xml").write_text("<odoo><menuitem id='m'/></odoo>")
    (addon / "views" / "crm_thing_views.xml").write_text("<odoo><menuitem id='n'/></odoo>")
    monkeypatch.setitem(globals(), "ROOT", str(tmp_path))
    for check, message in (
            (test_each_file_holds_one_model_class_named_after_its_model, "2 model classes"),
            (test_one_create_and_one_write_per_model_per_addon, "crm.thing.write() overridden 2"),
            (test_every_menu_is_in_menus_xml_loaded_last, "must be the last data file")):
        try:
            check()
        except AssertionError as error:
            assert message in str(error)
        else:
            raise AssertionError("%s did not catch the sample" % check.__name__)
