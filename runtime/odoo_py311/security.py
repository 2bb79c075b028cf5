"""Security patches: holes of the 2018 Odoo 11 snapshot and of the pinned libraries.

One function per hole; its docstring's first line names the advisory/CVE it
closes. docs/SECURITY.md lists every advisory and CVE considered, with the
ones closed here, and runtime/tests/test_security_*.py holds one regression
test per patch (each fails without the patch).

Nothing here copies Odoo's or a library's code: each patch is written from the
advisory's description and the intent of the public fix, and changes the
behaviour from the outside (wrapping a function, replacing a module-level
name, setting a limit).
"""
import functools
import json
import logging
import re
import types

from .registry import patch

_logger = logging.getLogger(__name__)

# ---------------------------------------------------------------------------
# Odoo: database creation / database manager
# ---------------------------------------------------------------------------


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
    """Hardening (issue 5 item 4, with CVE-2018-15632): the database manager refuses Odoo's default master password.

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


# ---------------------------------------------------------------------------
# Odoo: safe_eval on Python 3.11
# ---------------------------------------------------------------------------

# Attributes that reach frames, code objects or globals. Odoo 11's fix for
# CVE-2020-29396 lists the Python 3.6 ones (gi_frame, f_globals, ...); Python
# 3.7-3.11 added coroutine/async-generator frames and code attributes that a
# generator expression or a traceback can reach the same way.
PY311_UNSAFE_ATTRIBUTES = [
    "f_back", "f_code", "f_builtins", "f_globals", "f_locals", "f_trace",
    "tb_frame", "tb_next",
    "gi_frame", "gi_code", "gi_yieldfrom",
    "cr_frame", "cr_code", "cr_await", "cr_origin",
    "ag_frame", "ag_code", "ag_await",
    "co_code", "_co_code_adaptive", "co_consts",
    "func_globals", "func_code", "mro",
]


@patch("odoo.tools.safe_eval")
def safe_eval_unsafe_attributes_py311(module):
    """CVE-2020-29396 (odoo/odoo#63712): forbid in safe_eval the frame/code attributes Python 3.7-3.11 added.

    The snapshot already refuses gi_frame, f_globals, ...; running on 3.11
    (with generator expressions allowed by RETURN_GENERATOR) adds gi_code,
    gi_yieldfrom, cr_frame, ag_frame, tb_frame, f_back, ... to the paths from a
    generator to a frame's globals.
    """
    unsafe = module._UNSAFE_ATTRIBUTES
    for name in PY311_UNSAFE_ATTRIBUTES:
        if name not in unsafe:
            unsafe.append(name)


# ---------------------------------------------------------------------------
# Odoo: HTML pages built around JSON (attachment upload callbacks)
# ---------------------------------------------------------------------------

_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                  "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_safe_dumps(*args, **kwargs):
    """json.dumps whose output can sit inside <script>: <, >, & are \\u-escaped (same JSON value)."""
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
    """CVE-2018-15634 (odoo/odoo#63702), CVE-2021-45071 (odoo/odoo#107697): upload pages no longer inject file names/callbacks into <script>.

    /web/binary/upload and /web/binary/upload_attachment answer with a
    <script> that embeds json.dumps(callback) and json.dumps(file name, ...);
    JSON does not escape ``</script>``, so a crafted file name or callback
    link ran script in the victim's session. The controller module's json now
    escapes <, > and & (the decoded value is unchanged).
    """
    module.json = ScriptSafeJson("json")


@patch("odoo.addons.web_editor.controllers.main")
def web_editor_attach_escaping(module):
    """CVE-2018-15634 (odoo/odoo#63702): /web_editor/attachment/add no longer injects its func parameter and file names into <script>.

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


# ---------------------------------------------------------------------------
# Jinja2 2.11.3 sandbox (mail templates: any internal user can edit them in 11.0)
# ---------------------------------------------------------------------------


def _wrap_str_format(env, value):
    """If value is a bound str.format/format_map, return a sandboxed equivalent."""
    from jinja2.sandbox import inspect_format_method

    fmt = inspect_format_method(value)
    if fmt is None:
        return value

    def sandboxed_format(*args, **kwargs):
        return env.format_string(fmt, args, kwargs, value)

    sandboxed_format.__name__ = value.__name__
    return sandboxed_format


@patch()
def jinja2_sandbox_indirect_format():
    """CVE-2024-56326, CVE-2025-27516: Jinja2 sandbox no longer hands out a raw str.format for indirect calls.

    Jinja2 2.11 sandboxes ``"...".format(...)`` only when the template calls
    it directly; a reference obtained with ``.format``, ``["format"]`` or
    ``|attr("format")`` and called by Python code (e.g. a recordset's
    ``mapped``/``filtered``/``sorted`` in an Odoo mail template) ran the real
    str.format, whose field names read any attribute (``{0.__class__...}``).
    Now every way of getting the method returns a sandboxed one.
    """
    import jinja2.filters
    from jinja2.sandbox import SandboxedEnvironment

    getattr_ = SandboxedEnvironment.getattr
    getitem_ = SandboxedEnvironment.getitem

    @functools.wraps(getattr_)
    def sandboxed_getattr(self, obj, attribute):
        return _wrap_str_format(self, getattr_(self, obj, attribute))

    @functools.wraps(getitem_)
    def sandboxed_getitem(self, obj, argument):
        return _wrap_str_format(self, getitem_(self, obj, argument))

    SandboxedEnvironment.getattr = sandboxed_getattr
    SandboxedEnvironment.getitem = sandboxed_getitem

    do_attr = jinja2.filters.do_attr

    @functools.wraps(do_attr)
    def sandboxed_attr(environment, obj, name):
        value = do_attr(environment, obj, name)
        if environment.sandboxed:
            value = _wrap_str_format(environment, value)
        return value

    jinja2.filters.do_attr = sandboxed_attr
    jinja2.filters.FILTERS["attr"] = sandboxed_attr


# Characters an XML/HTML attribute name cannot contain (HTML spec: space,
# /, >, = and controls; quotes would also end the attribute).
_INVALID_ATTR_KEY = re.compile(r"[\s/>=\"'\x00-\x1f]")


@patch()
def jinja2_xmlattr_keys():
    """CVE-2024-22195, CVE-2024-34064: Jinja2's xmlattr filter refuses keys that would inject attributes.

    ``{{ d|xmlattr }}`` escaped values but not keys: a key with a space, /,
    > or = added attributes (e.g. an event handler) when the dict's keys come
    from user input.
    """
    import jinja2.filters

    do_xmlattr = jinja2.filters.do_xmlattr

    @functools.wraps(do_xmlattr)
    def checked_xmlattr(_eval_ctx, d, autospace=True):
        for key in d:
            if _INVALID_ATTR_KEY.search(str(key)):
                raise ValueError("invalid character in attribute name: %r" % (key,))
        return do_xmlattr(_eval_ctx, d, autospace)

    jinja2.filters.do_xmlattr = checked_xmlattr
    jinja2.filters.FILTERS["xmlattr"] = checked_xmlattr


# ---------------------------------------------------------------------------
# Werkzeug 0.16.1 (Odoo's HTTP server and request parsing)
# ---------------------------------------------------------------------------

# Same defaults as the Werkzeug releases that fixed these issues.
MAX_FORM_PARTS = 1000
MAX_FORM_MEMORY_SIZE = 16 * 1024 * 1024  # non-file form fields kept in memory


@patch()
def werkzeug_multipart_limits():
    """CVE-2023-25577, CVE-2024-49767: Werkzeug's multipart parser limits the number of parts and in-memory field size.

    A multipart body made of many tiny parts (or of huge non-file fields) made
    Werkzeug 0.16 allocate without bound: Odoo never sets
    max_form_memory_size. Now a body with more than MAX_FORM_PARTS parts, or
    more than MAX_FORM_MEMORY_SIZE bytes of non-file fields, is answered
    413 Request Entity Too Large. Files still stream to temporary files;
    their total size is the reverse proxy's client_max_body_size.
    """
    import werkzeug.formparser
    import werkzeug.wrappers
    from werkzeug.exceptions import RequestEntityTooLarge

    parser = werkzeug.formparser.MultiPartParser
    parse_parts = parser.parse_parts

    @functools.wraps(parse_parts)
    def parse_parts_limited(self, file, boundary, content_length):
        limit = getattr(self, "max_form_parts", MAX_FORM_PARTS)
        parts = 0
        for part in parse_parts(self, file, boundary, content_length):
            parts += 1
            if limit is not None and parts > limit:
                raise RequestEntityTooLarge("too many form parts (more than %d)" % limit)
            yield part

    parser.parse_parts = parse_parts_limited
    parser.max_form_parts = MAX_FORM_PARTS

    request = werkzeug.wrappers.BaseRequest
    if request.max_form_memory_size is None:
        request.max_form_memory_size = MAX_FORM_MEMORY_SIZE


_NAMELESS_COOKIE = re.compile(br"(^|;)\s*=[^;]*")


@patch()
def werkzeug_nameless_cookies():
    """CVE-2023-23934: Werkzeug no longer reads a nameless cookie ``=__Host-x=v`` as cookie ``__Host-x``.

    A sibling subdomain can set a nameless cookie that Werkzeug 0.16 parsed
    as a named one, shadowing e.g. session_id. Segments of the Cookie header
    that have no name are now dropped before parsing.
    """
    import werkzeug._internal
    import werkzeug.http

    cookie_parse_impl = werkzeug._internal._cookie_parse_impl

    @functools.wraps(cookie_parse_impl)
    def parse_named_cookies(b):
        return cookie_parse_impl(_NAMELESS_COOKIE.sub(br"\1", b))

    werkzeug._internal._cookie_parse_impl = parse_named_cookies
    werkzeug.http._cookie_parse_impl = parse_named_cookies
    # werkzeug.http's parse_cookie may come from another execution of the
    # module (Werkzeug 0.16's deprecated top-level imports): patch the
    # globals it actually reads.
    werkzeug.http.parse_cookie.__globals__["_cookie_parse_impl"] = parse_named_cookies


# ---------------------------------------------------------------------------
# Odoo: session cookie behind TLS
# ---------------------------------------------------------------------------


@patch("odoo.http")
def session_cookie_secure(module):
    """Hardening (issue 5 item 4): the session cookie is Secure when the request came over HTTPS.

    Odoo 11 sets session_id HttpOnly but never Secure. With proxy_mode on,
    ProxyFix turns X-Forwarded-Proto: https into an https wsgi.url_scheme;
    the cookie then gets Secure (and SameSite=Lax) so it never leaves over
    plain HTTP.
    """
    root = module.Root
    get_response = root.get_response

    @functools.wraps(get_response)
    def get_response_secure_cookie(self, httprequest, result, explicit_session):
        response = get_response(self, httprequest, result, explicit_session)
        if httprequest.scheme == "https" and hasattr(response, "headers"):
            cookies = response.headers.getlist("Set-Cookie")
            if any(c.startswith("session_id=") for c in cookies):
                response.headers.remove("Set-Cookie")
                for cookie in cookies:
                    if cookie.startswith("session_id=") and "; Secure" not in cookie:
                        cookie += "; Secure; SameSite=Lax"
                    response.headers.add("Set-Cookie", cookie)
        return response

    root.get_response = get_response_secure_cookie


# ---------------------------------------------------------------------------
# Pillow >= 10 (pin moved from 9.5.0 for CVE-2023-4863 and others)
# ---------------------------------------------------------------------------


@patch()
def pillow10_compat():
    """CVE-2023-4863, CVE-2023-44271, CVE-2023-50447, CVE-2024-28219: Pillow moved to 10.4; give Odoo 11 the two names Pillow 10 removed.

    Odoo 11 calls Image.ANTIALIAS (tools/image.py, every image field) and
    ImageDraw.textsize (web_editor's font-to-image route). Pillow 10 renamed
    the first LANCZOS and replaced the second with textbbox.
    """
    from PIL import Image, ImageDraw

    if not hasattr(Image, "ANTIALIAS"):
        Image.ANTIALIAS = Image.LANCZOS
    if not hasattr(ImageDraw.ImageDraw, "textsize"):
        def textsize(self, text, font=None, *args, **kwargs):
            left, top, right, bottom = self.textbbox((0, 0), text, font, *args, **kwargs)
            return right - left, bottom - top

        ImageDraw.ImageDraw.textsize = textsize
