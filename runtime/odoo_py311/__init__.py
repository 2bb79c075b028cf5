"""odoo_py311: run Odoo 11.0 on Python 3.11.

Call ``apply_all()`` before importing ``odoo`` (the ``crm-odoo`` command and
the pytest plugin do). See patches.py for the list of patches.
"""
from .registry import PATCHES, applied, apply_all, patch

__all__ = ["PATCHES", "applied", "apply_all", "patch"]
