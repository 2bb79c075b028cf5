"""pytest plugin that applies the patches before any other plugin imports odoo.

pytest-odoo imports odoo while pytest loads plugins, so load this one first:
`pytest -p odoo_py311.pytest_plugin ...` (scripts/test does).
"""
from .registry import apply_all

apply_all()
