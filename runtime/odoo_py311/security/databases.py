"""Odoo databases: their creation and the database manager.

Patches: ``db_init_requires_install_mode`` (CVE-2018-15632, odoo.modules.loading)
and ``master_password_not_default`` (hardening, odoo.service.db).
"""
import functools
import logging

from ..registry import patch

_logger = logging.getLogger(__name__)


class DatabaseNotInitialized(Exception):
    """Raised instead of silently initializing an empty database."""


@patch("odoo.modules.loading")
def db_init_requires_install_mode(module):
    """CVE-2018-15632 (odoo/odoo#63700): an empty database is initialized only in install mode.

    Odoo 11 initialized any empty database the registry was asked to load
    (e.g. one named in a request), creating the admin account with its
    default credentials. Now the registry refuses to load an uninitialized
    database unless modules are being installed/updated (``-i``/``-u``, or
    the database manager's create, which asks for update_module=True).
    """
    load_modules = module.load_modules

    @functools.wraps(load_modules)
    def load_modules_if_initialized(db, force_demo=False, status=None, update_module=False):
        if not update_module:
            import odoo.modules.db

            with db.cursor() as cr:
                initialized = odoo.modules.db.is_initialized(cr)
            if not initialized:
                _logger.error("Database %s is not initialized; install it with -i base "
                              "(CVE-2018-15632: not initializing it on demand)", db.dbname)
                raise DatabaseNotInitialized(
                    "database %s is not initialized; install it with -i base" % db.dbname)
        return load_modules(db, force_demo, status, update_module)

    module.load_modules = load_modules_if_initialized


# Odoo's built-in default master password (tools/config.py).
DEFAULT_MASTER_PASSWORDS = {"admin"}


@patch("odoo.service.db")
def master_password_not_default(module):
    """Hardening (issue 5 item 4, with CVE-2018-15632): the database manager refuses Odoo's default
    master password.

    Every database-manager operation (create, duplicate, drop, backup,
    restore, change password) goes through ``check_super``; with the master
    password left at its default ``admin`` anyone could run them.
    """
    check_super = module.check_super

    @functools.wraps(check_super)
    def check_super_not_default(passwd):
        import odoo.exceptions

        if passwd in DEFAULT_MASTER_PASSWORDS:
            _logger.warning("database manager: refusing the default master password; "
                            "set admin_passwd in the configuration")
            raise odoo.exceptions.AccessDenied()
        return check_super(passwd)

    module.check_super = check_super_not_default
