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
    from .registry import PATCHES, apply_all

    apply_all()
    if sys.argv[1:2] == ["--patches"]:
        for p in PATCHES.values():
            print("%-32s %-40s %s" % (p.name, p.target or "(library)", p.doc))
        return 0
    import odoo

    return odoo.cli.main()


if __name__ == "__main__":
    sys.exit(main())
