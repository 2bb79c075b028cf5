"""The `crm-odoo` command: Odoo's own CLI, started under our patches.

It is the only way the project starts Odoo (scripts, tests and docs use it):
`crm-odoo [odoo options]`, `crm-odoo shell ...`, and so on; `crm-odoo --patches`
lists the patches applied.
"""
import os
import sys

# Repository root: config/*.conf refer to ${CRM_ROOT}/addons and ${CRM_ROOT}/var.
PROJECT_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main(argv=None):
    if argv is not None:
        sys.argv[1:] = argv
    # Odoo's prefork server re-runs this script as `<python> crm-odoo gevent ...`
    # for its longpolling child; gevent must patch the standard library before
    # anything else imports it.
    if len(sys.argv) > 1 and sys.argv[1] == "gevent":
        from gevent import monkey

        monkey.patch_all()

    os.environ.setdefault("CRM_ROOT", PROJECT_ROOT)
    # Odoo 11's threaded server accepts requests while it loads the registry;
    # the first request imports every addon in the HTTP thread while the
    # registry imports them in the main thread, and Python 3's per-module
    # import locks can then hand one thread a half-executed addon ("Model
    # 'calendar.event' inherits from non-existing model 'mail.thread'", seen
    # in our tests). Odoo documents this race in http.Root.load_addons and
    # its remedy: ODOO_PRELOAD_ADDONS=no, so that only the registry imports
    # addons (under its lock). The prefork server is not affected either way.
    os.environ.setdefault("ODOO_PRELOAD_ADDONS", "no")
    from .loader import apply_all
    from .registry import PATCHES

    apply_all()
    if sys.argv[1:2] == ["--patches"]:
        for p in PATCHES.values():
            print("%-32s %-40s %s" % (p.name, p.target or "(library)", p.doc))
        return 0
    import odoo

    return odoo.cli.main()


if __name__ == "__main__":
    sys.exit(main())
