"""odoo_py311: run Odoo 11.0 on Python 3.11.

Call ``apply_all()`` before importing ``odoo`` (the ``crm-odoo`` command and
the pytest plugin do). The patches are in patches.py (Python 3.11
compatibility) and in the security/ package (one module per component);
loader.py imports them, and ``crm-odoo --patches`` lists them all.
"""
from .registry import PATCHES, applied, patch


def apply_all():
    """Register and apply every patch once (see loader.py); safe to call several times."""
    # Imported here, not at the top: importing the package must stay light,
    # because `crm-odoo gevent` imports it before gevent patches threading,
    # which patches.py imports.
    from .loader import apply_all as apply_every_patch

    apply_every_patch()


__all__ = ["PATCHES", "applied", "apply_all", "patch"]
