"""The patch registry and the post-import hook that applies patches to Odoo.

A patch is a plain function registered with ``@patch()``:

- ``@patch()`` patches the standard library or a third-party library; it runs
  when ``apply_all()`` is called, which must happen before ``odoo`` is imported.
- ``@patch("odoo.some.module")`` patches an Odoo module; it receives the module
  object and runs right after that module's code has executed, before any other
  module can import names from it. If the module is already imported, it runs
  at once.

Every patch is listed in ``PATCHES`` (name -> Patch) so tests and
``crm-odoo --patches`` can show what is applied.
"""
import importlib.abc
import sys
from collections import namedtuple

Patch = namedtuple("Patch", "name target func doc")

PATCHES = {}
_applied = set()


def patch(target=None):
    """Register the decorated function as a named patch (see module doc)."""

    def register(func):
        if func.__name__ in PATCHES:
            raise ValueError("patch %s registered twice" % func.__name__)
        doc = (func.__doc__ or "").strip().splitlines()[0] if func.__doc__ else ""
        PATCHES[func.__name__] = Patch(func.__name__, target, func, doc)
        return func

    return register


class PostImportHook(importlib.abc.MetaPathFinder):
    """Runs callbacks right after a given module has been executed.

    It finds the module's spec with the other finders of ``sys.meta_path`` and
    wraps the loader's ``exec_module`` of that one spec; nothing else is changed,
    so the module keeps its normal loader type, file and ``__spec__``.
    """

    def __init__(self):
        self.callbacks = {}

    def register(self, module_name, callback):
        module = sys.modules.get(module_name)
        if module is not None:
            callback(module)
        else:
            self.callbacks.setdefault(module_name, []).append(callback)

    def find_spec(self, fullname, path, target=None):
        if fullname not in self.callbacks:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                break
        else:
            return None
        callbacks = self.callbacks.pop(fullname)
        exec_module = spec.loader.exec_module

        def exec_then_patch(module):
            exec_module(module)
            for callback in callbacks:
                callback(module)

        spec.loader.exec_module = exec_then_patch
        return spec


hook = PostImportHook()


def apply_all():
    """Apply every registered patch once; safe to call several times."""
    from . import patches  # noqa: F401  (registers the patches)
    from . import security  # noqa: F401  (registers the security patches)
    from . import fixes  # noqa: F401  (registers the fixes of Odoo 11's bugs)

    if hook not in sys.meta_path:
        sys.meta_path.insert(0, hook)
    for p in PATCHES.values():
        if p.name in _applied:
            continue
        _applied.add(p.name)
        if p.target is None:
            p.func()
        else:
            hook.register(p.target, p.func)


def applied():
    """Names of the patches applied (or waiting for their module) so far."""
    return sorted(_applied)
