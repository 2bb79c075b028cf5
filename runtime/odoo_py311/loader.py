"""Imports every patch module (which registers its patches) and applies them.

The registry (registry.py) knows nothing of the patch modules, which import
``patch`` from it; this module sits on top of both, so there is no import
cycle (runtime/tests/test_import_graph.py checks it).

Order matters where two patches wrap the same function: the Python 3.11
compatibility patches (patches.py) are registered, hence applied, before the
security patches (the security/ package).
"""
from . import patches  # noqa: F401  (registers the Python 3.11 compatibility patches)
from . import security  # noqa: F401  (registers the security patches)
from . import fixes  # noqa: F401  (registers the fixes of Odoo 11's own bugs)
from .registry import apply_registered


def apply_all():
    """Apply every patch once (call it before importing ``odoo``); safe to call several times."""
    apply_registered()
