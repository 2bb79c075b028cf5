"""Odoo's upload pages: HTML pages that embed JSON in a <script> (attachment upload callbacks).

Patches: ``upload_callback_escaping`` (CVE-2018-15634, CVE-2021-45071; web's
/web/binary/upload*) and ``web_editor_attach_escaping`` (CVE-2018-15634;
/web_editor/attachment/add).
"""
import functools
import json
import re
import types

from ..registry import patch


_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                  "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_safe_dumps(*args, **kwargs):
    """json.dumps whose output can sit inside <script>: <, >, & are \\u-escaped (same JSON
    value)."""
    text = json.dumps(*args, **kwargs)
    return re.sub("[<>&\u2028\u2029]", lambda m: _SCRIPT_UNSAFE[m.group(0)], text)


class ScriptSafeJson(types.ModuleType):
    """The json module, whose dumps() is script_safe_dumps."""

    def __getattr__(self, name):
        return getattr(json, name)

    dumps = staticmethod(script_safe_dumps)


_JS_IDENTIFIER = re.compile(r"^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$")


@patch("odoo.addons.web.controllers.main")
def upload_callback_escaping(module):
    """CVE-2018-15634 (odoo/odoo#63702), CVE-2021-45071 (odoo/odoo#107697): upload pages no longer
    inject file names/callbacks into <script>.

    /web/binary/upload and /web/binary/upload_attachment answer with a
    <script> that embeds json.dumps(callback) and json.dumps(file name, ...);
    JSON does not escape ``</script>``, so a crafted file name or callback
    link ran script in the victim's session. The controller module's json now
    escapes <, > and & (the decoded value is unchanged).
    """
    module.json = ScriptSafeJson("json")


@patch("odoo.addons.web_editor.controllers.main")
def web_editor_attach_escaping(module):
    """CVE-2018-15634 (odoo/odoo#63702): /web_editor/attachment/add no longer injects its func
    parameter and file names into <script>.

    The page calls ``window.parent['<func>'](<uploads>, <message>)`` with func
    taken raw from the request: func must now be a JavaScript identifier, and
    the JSON parts are script-safe.
    """
    import werkzeug.exceptions

    module.json = ScriptSafeJson("json")
    controller = module.Web_Editor
    attach = controller.attach

    @functools.wraps(attach)
    def attach_checked(self, func, *args, **kwargs):
        if not isinstance(func, str) or not _JS_IDENTIFIER.match(func):
            raise werkzeug.exceptions.BadRequest("invalid callback name")
        return attach(self, func, *args, **kwargs)

    controller.attach = attach_checked
