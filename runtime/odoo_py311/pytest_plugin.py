"""pytest plugin that applies the patches before any other plugin imports odoo.

pytest-odoo imports odoo while pytest loads plugins, so this one is loaded
first with `-p odoo_py311.pytest_plugin` (pytest.ini's addopts).
"""
import os

from .cli import PROJECT_ROOT
from .loader import apply_all

# config/odoo-*.conf locate the addons through ${CRM_ROOT}, as under crm-odoo
os.environ.setdefault("CRM_ROOT", PROJECT_ROOT)
apply_all()
