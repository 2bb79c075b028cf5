"""The runtime package's modules import one another without a cycle.

The graph is read from the sources (ast), not from sys.modules, and counts
every import statement, at the top of a module or inside a function: the old
registry imported the patch modules inside apply_all() while they imported
``patch`` from it. Loading a package before its submodules is Python's own
doing and is not an edge: ``from .registry import patch`` is an edge to
odoo_py311.registry only.
"""
import ast
import os

PACKAGE = "odoo_py311"
PACKAGE_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), PACKAGE)


def read_sources(root=PACKAGE_DIR, package=PACKAGE):
    """{module name: source} of every .py file under root (a package's __init__ is the package)."""
    sources = {}
    for folder, _dirs, files in os.walk(root):
        rel = os.path.relpath(folder, root)
        parts = [package] + ([] if rel == "." else rel.split(os.sep))
        for name in files:
            if not name.endswith(".py"):
                continue
            module = parts if name == "__init__.py" else parts + [name[:-3]]
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                sources[".".join(module)] = (f.read(), name == "__init__.py")
    return sources


def import_graph(sources):
    """{module: set of the package's modules it imports}, from the sources' import statements."""
    modules = set(sources)
    graph = {}
    for module, (source, is_package) in sources.items():
        edges = graph.setdefault(module, set())
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    here = module.split(".") if is_package else module.split(".")[:-1]
                    base = ".".join(here[:len(here) - node.level + 1])
                    base = base + "." + node.module if node.module else base
                else:
                    base = node.module
                # `from pkg import name`: the submodule pkg.name if there is one, else pkg
                targets = [base + "." + alias.name if base + "." + alias.name in modules else base
                           for alias in node.names]
            else:
                continue
            edges.update(target for target in targets if target in modules and target != module)
    return graph


def find_cycle(graph):
    """One cycle as a list of modules [a, b, ..., a], or None."""
    state = {}  # module -> "visiting" | "done"

    def visit(module, path):
        state[module] = "visiting"
        for target in sorted(graph.get(module, ())):
            if state.get(target) == "visiting":
                return path[path.index(target):] + [module, target]
            if target not in state:
                cycle = visit(target, path + [module])
                if cycle:
                    return cycle
        state[module] = "done"
        return None

    for module in sorted(graph):
        if module not in state:
            cycle = visit(module, [])
            if cycle:
                return cycle
    return None


def test_the_runtime_package_has_no_import_cycle():
    cycle = find_cycle(import_graph(read_sources()))
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_the_registry_imports_nothing_of_its_package():
    graph = import_graph(read_sources())
    assert graph[PACKAGE + ".registry"] == set()


def test_an_import_of_the_patches_back_into_the_registry_is_a_cycle():
    """What the check exists for: registry.apply_all() used to import the patch modules."""
    sources = read_sources()
    source, is_package = sources[PACKAGE + ".registry"]
    sources[PACKAGE + ".registry"] = (
        source + "\n\ndef apply_all():\n    from . import security  # noqa\n", is_package)
    cycle = find_cycle(import_graph(sources))
    assert cycle is not None
    assert PACKAGE + ".registry" in cycle and PACKAGE + ".security" in cycle


def test_security_modules_import_only_the_registry_and_the_shared_helpers():
    graph = import_graph(read_sources())
    allowed = {PACKAGE + ".registry", PACKAGE + ".security.helpers"}
    components = [m for m in graph if m.startswith(PACKAGE + ".security.")]
    assert len(components) > 10
    for module in components:
        assert graph[module] <= allowed, (module, graph[module] - allowed)


def test_every_security_module_is_loaded_and_registers_patches():
    """A component module that security/__init__.py forgot would never be applied."""
    from odoo_py311 import PATCHES, apply_all

    apply_all()
    graph = import_graph(read_sources())
    helpers = PACKAGE + ".security.helpers"
    components = {m for m in graph if m.startswith(PACKAGE + ".security.")} - {helpers}
    assert graph[PACKAGE + ".security"] == components
    registering = {p.func.__module__ for p in PATCHES.values()}
    assert components <= registering
    assert helpers not in registering
