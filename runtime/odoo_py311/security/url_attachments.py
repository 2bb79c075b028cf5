"""Odoo's URL attachments: the addons' files they may serve.

Patch: ``url_attachments_only_serve_static_files`` (CVE-2024-45840,
odoo.addons.base.ir.ir_http).
"""
import functools

from ..registry import patch


def is_static_resource(*parts):
    """True if a path inside a module (e.g. "static/src/img/x.png") stays in its static/ folder."""
    import posixpath

    rel = "/".join(str(part) for part in parts).replace("\\", "/")
    norm = posixpath.normpath(rel)
    steps = norm.split("/")
    return not rel.startswith("/") and steps[0] == "static" and ".." not in steps


@patch("odoo.addons.base.ir.ir_http")
def url_attachments_only_serve_static_files(module):
    """CVE-2024-45840: URL attachments no longer serve the addons' source code, only their static/
    files.

    ``binary_content`` read from disk the file named by an ``ir.attachment``
    of type url whose url is ``/<module>/<path>``, for any path inside the
    module (only ``..`` escapes were refused), and any employee may create
    such an attachment: ``/web/content/<id>`` of an attachment with url
    ``/base/models/res_users.py`` (or a ``__manifest__.py``, a data file,
    ...) downloaded the server's source code. Files are now read only from
    the module's ``static/`` folder, which Odoo serves publicly anyway; other
    module paths are answered as plain redirects to the url (which the
    server does not serve).
    """
    get_resource_path = module.get_resource_path

    @functools.wraps(get_resource_path)
    def get_static_resource_path(module_name, *args):
        if not is_static_resource(*args):
            return False
        return get_resource_path(module_name, *args)

    module.get_resource_path = get_static_resource_path
