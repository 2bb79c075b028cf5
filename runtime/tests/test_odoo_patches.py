"""One test per patch of an Odoo module; each shows the failure the patch answers."""
import ast
import io
import sys
import textwrap
import types

import pytest

from odoo_py311 import apply_all
from odoo_py311.patches import (ElementTreeWithGetchildren, Py311Ast,
                                YamlWithDefaultLoader)
from odoo_py311.registry import PostImportHook

apply_all()

import odoo  # noqa: E402,F401  (imported after the patches, as crm-odoo does)
from odoo.tools.safe_eval import const_eval, expr_eval, safe_eval  # noqa: E402

# odoo.tools re-exports functions named like these modules
safe_eval_module = sys.modules["odoo.tools.safe_eval"]


# --- the post-import hook itself -------------------------------------------

def test_post_import_hook_runs_after_the_module_body(tmp_path, monkeypatch):
    (tmp_path / "hooked_sample.py").write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    hook = PostImportHook()
    seen = []
    hook.register("hooked_sample", lambda m: seen.append(m.VALUE))
    sys.meta_path.insert(0, hook)
    try:
        import hooked_sample
    finally:
        sys.meta_path.remove(hook)
        sys.modules.pop("hooked_sample", None)
    assert seen == [1]
    assert hooked_sample.__spec__.origin.endswith("hooked_sample.py")


def test_post_import_hook_patches_an_already_imported_module():
    hook = PostImportHook()
    seen = []
    hook.register("json", lambda m: seen.append(m.__name__))
    assert seen == ["json"] and not hook.callbacks


# --- safe_eval ---------------------------------------------------------------

@pytest.mark.parametrize("expr, value", [
    ("[1, 2, 3]", [1, 2, 3]),             # LIST_EXTEND on 3.9+
    ("{'a': 1, 'b': [1, 2, 3]}", {"a": 1, "b": [1, 2, 3]}),
    ("(1, -2.5, None, True)", (1, -2.5, None, True)),
])
def test_const_eval_accepts_311_literals(expr, value):
    assert const_eval(expr) == value


def test_expr_eval_accepts_311_operators():
    assert expr_eval("(2 + 3) * 4 - 1") == 19          # BINARY_OP
    assert expr_eval("3 in [1, 2, 3]") is True          # CONTAINS_OP
    assert expr_eval("None is not None") is False       # IS_OP
    assert expr_eval("'%s-%s' % ('a', 'b')") == "a-b"   # FORMAT_VALUE, BUILD_STRING


def test_safe_eval_runs_domains_and_server_action_code():
    ctx = {"uid": 7, "user": types.SimpleNamespace(company_id=3)}
    domain = "[('user_id', '=', uid), ('company_id', 'in', [user.company_id, False])]"
    assert safe_eval(domain, ctx) == [("user_id", "=", 7), ("company_id", "in", [3, False])]
    code = textwrap.dedent("""
        total = 0
        for i in range(10):
            if i % 2 and i is not None:
                total += i
        try:
            1 / 0
        except Exception:
            total += 100
        names = sorted(set(str(n) for n in [3, 1, 2]))
        result = dict(total=total, names=names, kw=max(1, 5, key=None))
    """)
    ctx = {"sorted": sorted}
    safe_eval(code, ctx, mode="exec", nocopy=True)
    assert ctx["result"] == {"total": 125, "names": ["1", "2", "3"], "kw": 5}


@pytest.mark.parametrize("expr", [
    "__import__('os').system('true')",
    "().__class__.__bases__[0]",
    "(lambda: 1).__code__",
    "open('/etc/passwd')",
])
def test_safe_eval_still_refuses_escapes(expr):
    with pytest.raises(Exception):
        safe_eval(expr, {})


@pytest.mark.parametrize("code", [
    "def f():\n    x = 1\n    def g():\n        return x\n    return g\nf()",  # closure
    "with ctx:\n    pass",                                                # with
    "import os",
    "obj.attr = 1",
])
def test_safe_eval_still_refuses_closures_with_imports_and_setattr(code):
    with pytest.raises(Exception):
        safe_eval(code, {"ctx": None, "obj": types.SimpleNamespace()}, mode="exec")


def test_new_opcodes_did_not_reach_lower_levels():
    from opcode import opmap
    assert opmap["CALL"] in safe_eval_module._SAFE_OPCODES
    assert opmap["CALL"] not in safe_eval_module._EXPR_OPCODES
    assert opmap["BINARY_OP"] not in safe_eval_module._CONST_OPCODES


# --- QWeb's hand-built AST ---------------------------------------------------

def _odoo11_style_module():
    """A tree built the way Odoo 11's QWeb builds one (no posonlyargs,
    no type_ignores, Name('None'), an explicit lineno on the def)."""
    fn = ast.FunctionDef(
        name="template_1",
        args=ast.arguments(args=[ast.arg(arg="values", annotation=None)], vararg=None,
                           kwonlyargs=[], kw_defaults=[], kwarg=None, defaults=[]),
        body=[ast.Return(value=ast.Name(id="None", ctx=ast.Load()))],
        decorator_list=[])
    fn.lineno = 7
    module = ast.Module(body=[fn])
    ast.fix_missing_locations(module)
    return module


def test_hand_built_ast_fails_on_311_without_the_fix():
    with pytest.raises((TypeError, ValueError)):
        compile(_odoo11_style_module(), "<template>", "exec")


def test_hand_built_ast_compiles_after_the_fix():
    ns = {}
    exec(compile(Py311Ast.fix(_odoo11_style_module()), "<template>", "exec"), ns)
    assert ns["template_1"]({}) is None


def test_qweb_renders_a_template():
    from lxml import etree
    from odoo.addons.base.ir.ir_qweb import qweb

    assert qweb.compile.__name__ == "compile_hand_built_ast"
    doc = etree.fromstring("""<templates><t t-name="card">
        <div t-att-class="cls"><t t-foreach="items" t-as="i"><b t-esc="i"/></t>
        <t t-if="missing is None">none</t><t t-set="x" t-value="len(items)"/><i t-esc="x"/></div>
    </t></templates>""")
    out = qweb.QWeb().render("card", {"cls": "c", "items": ["a", "<b>"], "missing": None},
                             load=lambda name, options: doc)
    html = out.decode() if isinstance(out, bytes) else str(out)
    assert '<div class="c">' in html
    assert "<b>a</b><b>&lt;b&gt;</b>" in html
    assert "none" in html and "<i>2</i>" in html


# --- /web/webclient/qweb: Element.getchildren ----------------------------------

def test_web_controller_concatenates_xml_templates(tmp_path):
    from odoo.addons.web.controllers import main

    assert isinstance(main.ElementTree, ElementTreeWithGetchildren)
    a = tmp_path / "a.xml"
    b = tmp_path / "b.xml"
    a.write_text('<templates><t t-name="A">a</t></templates>')
    b.write_text('<templates><t t-name="B">b</t></templates>')
    content, checksum = main.concat_xml([str(a), str(b)])
    assert content.count(b"t-name") == 2 and checksum


def test_element_getchildren_is_gone_from_the_stdlib():
    from xml.etree import ElementTree
    root = ElementTree.parse(io.StringIO("<r><c/></r>")).getroot()
    assert not hasattr(root, "getchildren")
    patched = ElementTreeWithGetchildren("x").parse(io.StringIO("<r><c/></r>")).getroot()
    assert [c.tag for c in patched.getchildren()] == ["c"]


# --- YAML -----------------------------------------------------------------

def test_yaml_import_loads_without_a_loader_argument():
    import yaml
    import odoo.tools.yaml_import  # noqa: F401  (the import is what is tested)
    yaml_import = sys.modules["odoo.tools.yaml_import"]

    assert isinstance(yaml_import.yaml, YamlWithDefaultLoader)
    assert yaml_import.yaml.load("- !assert {model: res.partner}")[0].model == "res.partner"
    # the real yaml module keeps requiring a Loader
    with pytest.raises(TypeError):
        yaml.load("a: 1")
