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
import inspect
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
# Odoo: JSON-P RPC (cross-site calls with the visitor's session)
# ---------------------------------------------------------------------------


@patch("odoo.http")
def jsonp_rpc_refused(module):
    """Hardening (cross-site request forgery and session theft over JSON-P; see docs/SECURITY.md): requests with a ``jsonp`` argument are refused.

    Odoo 11 runs any JSON route as JSON-P when the query string carries
    ``jsonp``: ``GET /web/dataset/call_kw?jsonp=f&r=<call>`` executes the
    call with the browser's session cookie and answers ``f(result)`` with the
    session id inside, as a script any site may include. A link is enough to
    make a logged-in user write (a top-level GET carries even SameSite=Lax
    cookies); a ``<script>`` tag reads data and the session id wherever the
    cookie is sent cross-site. JSON-RPC needs an ``application/json`` body,
    which other sites cannot send without CORS, so that is the only way left.
    Neither the web client nor our addons use JSON-P (base_import's upload
    sends its callback name in the form body, which is not concerned).
    """
    from werkzeug.exceptions import BadRequest

    root = module.Root
    get_request = root.get_request

    @functools.wraps(get_request)
    def get_request_without_jsonp(self, httprequest):
        if "jsonp" in httprequest.args:
            _logger.warning("refused a JSON-P request to %s", httprequest.path)
            raise BadRequest("JSON-P is disabled on this server: send JSON-RPC as a POST "
                             "with Content-Type: application/json.")
        return get_request(self, httprequest)

    root.get_request = get_request_without_jsonp


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


# ---------------------------------------------------------------------------
# Odoo models: access control holes of the 11.0 snapshot (mail, base, calendar)
# ---------------------------------------------------------------------------


def _override(cls, name, default_api=None):
    """Decorator: install ``func(origin, self, *args, **kwargs)`` as method ``name`` of the Odoo class ``cls``.

    ``origin`` is the method being overridden, already bound: the class's own
    definition if it has one, else the inherited one (``super``). The new
    method keeps the original's API decorator (``api.model``, ``api.multi``);
    ``default_api`` is used when the class did not define the method itself.
    Odoo builds its registry classes from these addon classes afterwards, so
    every model inheriting from ``cls`` sees the override.
    """

    def install(func):
        own = cls.__dict__.get(name)

        def method(self, *args, **kwargs):
            if own is not None:
                origin = functools.partial(own, self)
            else:
                origin = getattr(super(cls, self), name)
            return func(origin, self, *args, **kwargs)

        method.__name__ = name
        method.__qualname__ = "%s.%s" % (cls.__name__, name)
        method.__doc__ = func.__doc__
        method.__wrapped__ = own
        # RPC calls find the `context` argument by position from the method's
        # argument names (odoo.api.split_context, through getargspec): the
        # wrapper must show the signature of the method it replaces, not
        # (self, *args, **kwargs), or call_kw takes the values for the context.
        replaced = own if own is not None else getattr(cls, name, None)
        if replaced is not None:
            method.__signature__ = inspect.signature(replaced)
        if own is not None and getattr(own, "_api", None):
            method._api = own._api
        elif default_api is not None:
            method = default_api(method)
        for attr in ("_returns", "_constrains", "_depends", "_onchange"):
            if own is not None and hasattr(own, attr):
                setattr(method, attr, getattr(own, attr))
        setattr(cls, name, method)
        return method

    return install


def _is_privileged(env):
    """True for the superuser (sudo) and for Settings administrators."""
    from odoo import SUPERUSER_ID

    return env.uid == SUPERUSER_ID or env.user._is_system()


def _access_error(message):
    import odoo.exceptions

    return odoo.exceptions.AccessError(message)


def _check_document_access(env, model, res_id, operation):
    """Raise AccessError unless env's user may `operation` (read/write) the record model/res_id."""
    if not model or model not in env:
        raise _access_error("unknown document model %r" % (model,))
    record = env[model].browse(res_id or [])
    record.check_access_rights(operation)
    record.exists().check_access_rule(operation)


@patch("odoo.addons.mail.models.mail_channel")
def mail_channel_membership_by_invitation(module):
    """CVE-2019-11783 (odoo/odoo#63708): nobody joins a private/group-restricted mail channel uninvited through mail.channel.partner.

    Internal users have create/write access on mail.channel.partner and no
    record rule restricts it: creating a membership row (or moving one's own
    row to another channel) made the user a member of any private channel,
    whose messages membership then lets them read. Now, outside sudo and
    Settings administrators, a membership may be created only where the
    current user could invite: public channel; private channel the user is a
    member of; group-restricted channel whose group holds the current user
    (and the invited partner's user). Channel/partner of an existing
    membership cannot be changed.
    """
    ChannelPartner = module.ChannelPartner
    import odoo.api

    def can_invite(env, channel_id, partner_id):
        channel = env["mail.channel"].sudo().browse(channel_id).exists()
        if not channel:
            return False
        if channel.public == "public":
            return True
        me = env.user.partner_id
        members = channel.channel_partner_ids
        if channel.public == "private":
            return me in members
        # 'groups': the inviter and the invited partner's user must both be in the group
        allowed_users = channel.group_public_id.users
        partner = env["res.partner"].sudo().browse(partner_id or me.id).exists()
        invited_users = partner.user_ids[:1]
        return bool(invited_users) and env.user in allowed_users and invited_users <= allowed_users

    @_override(ChannelPartner, "create", odoo.api.model)
    def create(origin, self, vals):
        if not _is_privileged(self.env) and vals.get("channel_id"):
            if not can_invite(self.env, vals["channel_id"], vals.get("partner_id")):
                raise _access_error("You cannot add this partner to this channel.")
        return origin(vals)

    @_override(ChannelPartner, "write", odoo.api.multi)
    def write(origin, self, vals):
        if not _is_privileged(self.env) and {"channel_id", "partner_id"} & set(vals):
            raise _access_error("The channel and partner of a membership cannot be changed.")
        return origin(vals)


@patch("odoo.addons.mail.models.mail_notification")
def mail_notification_needs_message_access(module):
    """CVE-2019-11784 (odoo/odoo#63709): a notification (needaction) can only be created on a message one may already read.

    mail.message grants read access to the partners it notified; internal
    users may create mail.notification rows, so creating one for oneself on
    any message id made that message (and its body, attachments, document
    name) readable. Now creating a notification, or pointing one at another
    message/partner, requires read access to the message (outside sudo).
    """
    Notification = module.Notification
    import odoo.api

    def check(env, message_id):
        from odoo import SUPERUSER_ID

        if env.uid == SUPERUSER_ID or not message_id:
            return
        message = env["mail.message"].browse(message_id)
        message.check_access_rights("read")
        message.check_access_rule("read")

    @_override(Notification, "create", odoo.api.model)
    def create(origin, self, vals):
        check(self.env, vals.get("mail_message_id"))
        return origin(vals)

    @_override(Notification, "write", odoo.api.multi)
    def write(origin, self, vals):
        if "mail_message_id" in vals or "res_partner_id" in vals:
            check(self.env, vals.get("mail_message_id") or self.mapped("mail_message_id").ids)
        return origin(vals)


@patch("odoo.addons.mail.models.mail_followers")
def mail_followers_need_document_access(module):
    """CVE-2019-11785 (odoo/odoo#63710), CVE-2021-44465 (odoo/odoo#107692): following a document through mail.followers requires access to it.

    message_subscribe checks access, but internal users may create
    mail.followers rows directly through RPC: following any record (and then
    posting on it and being notified of its messages), or making others and
    channels follow it. Now, outside sudo, creating or re-pointing a follower
    needs read access to the document when one follows it oneself, and write
    access when subscribing another partner or a channel (what
    message_subscribe asks).
    """
    Followers = module.Followers
    import odoo.api
    from odoo import SUPERUSER_ID

    def check(env, model, res_id, partner_id, channel_id):
        if env.uid == SUPERUSER_ID:
            return
        own = partner_id == env.user.partner_id.id and not channel_id
        _check_document_access(env, model, res_id, "read" if own else "write")

    @_override(Followers, "create", odoo.api.model)
    def create(origin, self, vals):
        check(self.env, vals.get("res_model"), vals.get("res_id"),
              vals.get("partner_id"), vals.get("channel_id"))
        return origin(vals)

    @_override(Followers, "write", odoo.api.multi)
    def write(origin, self, vals):
        if self.env.uid != SUPERUSER_ID and {"res_model", "res_id", "partner_id", "channel_id"} & set(vals):
            for follower in self:
                check(self.env, vals.get("res_model", follower.res_model),
                      vals.get("res_id", follower.res_id),
                      vals.get("partner_id", follower.partner_id.id),
                      vals.get("channel_id", follower.channel_id.id))
        return origin(vals)


@patch("odoo.addons.mail.models.mail_thread")
def mail_gateway_admin_only(module):
    """CVE-2018-15645 (odoo/odoo#63705): only the mail gateway (superuser/administrators) may route incoming e-mail.

    message_process, message_route and message_route_process are public
    methods of every mail.thread model: any internal user could feed them a
    crafted e-mail over RPC and have records created or updated as the
    alias's owner (alias_user_id), with the alias defaults and the caller's
    custom_values, and messages posted in the name of any sender. The mail
    gateway runs as the superuser (fetchmail cron) or as an administrator
    (odoo-mailgate over XML-RPC); every other caller is refused.
    """
    MailThread = module.MailThread

    def guard(name):
        @_override(MailThread, name)
        def routed(origin, self, *args, **kwargs):
            if not _is_privileged(self.env):
                raise _access_error("Only the mail gateway may process incoming e-mail (%s)." % name)
            return origin(*args, **kwargs)

        return routed

    for name in ("message_process", "message_route", "message_route_process"):
        guard(name)


@patch("odoo.addons.base.res.res_users")
def uid_cache_follows_invalidation(module):
    """CVE-2021-44460 (odoo/odoo#107685): a deactivated user (or changed password) loses RPC access in every worker.

    res.users.check() trusts a per-process {uid: password} cache; write()
    clears it only in the worker that made the change, so with workers > 0
    a deactivated user kept XML-RPC/JSON-RPC access through the others. The
    cache now holds only while a matching key is in the registry's ormcache
    (cleared in every worker by Odoo's cache-invalidation signaling, which
    deactivation and password changes trigger), and security.check() runs
    that signaling check before verifying credentials.
    """
    import hashlib

    Users = module.Users
    check = Users.__dict__["check"].__func__

    def cache_key(uid, passwd):
        digest = hashlib.sha256(("%s" % passwd).encode("utf-8", "replace")).hexdigest()
        return ("odoo_py311.security.uid_check", uid, digest)

    def checked(cls, db, uid, passwd):
        key = cache_key(uid, passwd)
        cache = cls.pool.cache
        if key not in cache:
            # forget the per-process entry: verify the credentials again
            getattr(cls, "_Users__uid_cache")[cls.pool.db_name].pop(uid, None)
        check(cls, db, uid, passwd)
        cache[key] = True

    checked.__name__ = "check"
    checked.__doc__ = check.__doc__
    Users.check = classmethod(checked)

    import odoo.service.security as security

    service_check = security.check

    @functools.wraps(service_check)
    def check_after_signaling(db, uid, passwd):
        import odoo

        odoo.registry(db).check_signaling()
        return service_check(db, uid, passwd)

    security.check = check_after_signaling


@patch("odoo.models")
def private_user_fields_not_searchable(module):
    """CVE-2018-14861 (odoo/odoo#32506): the password hashes of users cannot be read back through searches on related paths or sort orders.

    The snapshot masks password/password_crypt when they are read or
    exported (CSV/Excel) by someone who cannot write users, and refuses them
    as a direct res.users search criterion. It did not refuse them at the
    end of a path (res.partner ``user_ids.password_crypt =like '$pbkdf2...%'``)
    nor as a sort key, which leaks a hash character by character. Now,
    outside sudo, any domain leaf or order that reaches a private field of
    res.users (base's USER_PRIVATE_FIELDS, which auth_crypt extends) raises
    AccessError.
    """
    import odoo.api

    BaseModel = module.BaseModel
    _search = BaseModel._search

    def private_fields():
        try:
            from odoo.addons.base.res.res_users import USER_PRIVATE_FIELDS
        except ImportError:  # pragma: no cover
            return {"password", "password_crypt"}
        return set(USER_PRIVATE_FIELDS)

    def reaches_private(model, path, private):
        for name in path:
            if model._name == "res.users" and name in private:
                return True
            field = model._fields.get(name)
            if field is None or not field.relational:
                return False
            model = model.env[field.comodel_name]
        return False

    @functools.wraps(_search)
    def _search_without_private(self, args, offset=0, limit=None, order=None, count=False,
                                access_rights_uid=None):
        from odoo import SUPERUSER_ID

        if self.env.uid != SUPERUSER_ID and (access_rights_uid or self.env.uid) != SUPERUSER_ID:
            private = private_fields()
            for leaf in args or ():
                if isinstance(leaf, (list, tuple)) and leaf and isinstance(leaf[0], str):
                    if reaches_private(self, leaf[0].split("."), private):
                        raise _access_error("Invalid search criterion")
            for term in (order or "").split(","):
                words = term.strip().split()
                if words and reaches_private(self, words[0].split("."), private):
                    raise _access_error("Invalid sort criterion")
        return _search(self, args, offset=offset, limit=limit, order=order, count=count,
                       access_rights_uid=access_rights_uid)

    BaseModel._search = _search_without_private


def _attachment_ids_of(commands):
    """Ids linked by x2many commands ((4, id), (6, 0, ids)) or a plain list of ids."""
    ids = []
    for command in commands or ():
        if isinstance(command, int):
            ids.append(command)
        elif isinstance(command, (list, tuple)) and command:
            if command[0] == 4:
                ids.append(command[1])
            elif command[0] == 6:
                ids.extend(command[2] or ())
    return ids


@patch("odoo.addons.mail.models.mail_thread")
def mail_post_attachments_need_read_access(module):
    """CVE-2018-15631 (odoo/odoo#32516): a message can only carry attachments its author may read.

    message_post(attachment_ids=...) linked any attachment id to the new
    message, and the notification e-mail (sent as superuser) carried the
    files: posting to oneself mailed any attachment of the database. Now,
    outside sudo, every attachment passed to message_post, or linked to a
    mail.message on create/write, must pass ir.attachment's read check.
    """
    MailThread = module.MailThread

    @_override(MailThread, "_message_post_process_attachments")
    def process(origin, self, attachments, attachment_ids, message_data):
        from odoo import SUPERUSER_ID

        ids = _attachment_ids_of(attachment_ids)
        if ids and self.env.uid != SUPERUSER_ID:
            self.env["ir.attachment"].browse(ids).check("read")
        return origin(attachments, attachment_ids, message_data)

    import odoo.addons.mail.models.mail_message as mail_message
    import odoo.api

    Message = mail_message.Message

    def check(env, values):
        from odoo import SUPERUSER_ID

        ids = _attachment_ids_of(values.get("attachment_ids"))
        if ids and env.uid != SUPERUSER_ID:
            env["ir.attachment"].browse(ids).check("read")

    @_override(Message, "create", odoo.api.model)
    def create(origin, self, values):
        check(self.env, values)
        return origin(values)

    @_override(Message, "write", odoo.api.multi)
    def write(origin, self, vals):
        check(self.env, vals)
        return origin(vals)


@patch("odoo.addons.mail.wizard.invite")
def mail_invite_message_sanitized(module):
    """CVE-2018-15635 (odoo/odoo#32515): the "Add followers" wizard no longer puts the document's name as raw HTML in its message.

    default_get builds the invitation's HTML by formatting the user's and the
    document's display names into it; the form shows that HTML before it is
    saved (and sanitized), so a record named with markup ran script in the
    browser of whoever invited followers to it. The proposed message is now
    passed through Odoo's HTML sanitizer (names shown, markup neutralized).
    """
    Invite = module.Invite

    @_override(Invite, "default_get")
    def default_get(origin, self, fields):
        from odoo.tools import html_sanitize

        result = origin(fields)
        if isinstance(result.get("message"), str):
            result["message"] = html_sanitize(result["message"])
        return result


# Names that turn a template's recordset into raw SQL or superuser power.
TEMPLATE_FORBIDDEN_ATTRIBUTES = frozenset({
    "sudo", "cr", "registry", "pool", "with_env", "cursor", "execute", "commit", "rollback",
})


@patch("odoo.addons.mail.models.mail_template")
def mail_template_sandbox_orm(module):
    """CVE-2018-14860 (odoo/odoo#32505): mail templates' Jinja sandbox no longer reaches sudo(), the cursor or another user's environment.

    The sandbox only hides ``_``-prefixed attributes: any employee could
    render ``${object.env.cr.execute(...)}`` (raw SQL) or
    ``${object.sudo().env[...]}`` (superuser) through
    mail.template.render_template over RPC, or the mass-mail composer, or
    by editing a template that a superuser process (cron) sends. The
    template environments now refuse sudo/cr/registry/pool/with_env/... and
    calling an Environment (``env(user=1)``).
    """
    from odoo.api import Environment

    for name in ("mako_template_env", "mako_safe_template_env"):
        env = getattr(module, name, None)
        if env is None:  # jinja2 missing: templates disabled anyway
            continue
        is_safe_attribute = env.is_safe_attribute
        is_safe_callable = env.is_safe_callable

        def safe_attribute(obj, attr, value, _inner=is_safe_attribute):
            if attr in TEMPLATE_FORBIDDEN_ATTRIBUTES:
                return False
            return _inner(obj, attr, value)

        def safe_callable(obj, _inner=is_safe_callable):
            if isinstance(obj, Environment):
                return False
            return _inner(obj)

        env.is_safe_attribute = safe_attribute
        env.is_safe_callable = safe_callable


# Fields of mail.template rendered with Jinja (placeholders ${...}, <% %>, % lines).
TEMPLATE_CODE_FIELDS = ("subject", "body_html", "email_from", "email_to", "email_cc", "reply_to",
                        "partner_to", "report_name", "lang", "scheduled_date")
_TEMPLATE_CODE = re.compile(r"\$\{|<%|(^|\n)\s*%")


@patch("odoo.addons.mail.models.mail_template")
def mail_template_code_admin_only(module):
    """CVE-2018-14860 (odoo/odoo#32505), with mail_template_sandbox_orm: only Settings administrators write template code.

    Employees may create and edit mail.template in 11.0, and templates are
    rendered by whoever sends them, the superuser's crons included. Outside
    sudo, creating or editing a template whose rendered fields contain
    Jinja code (``${``, ``<%``, ``%`` lines) now needs the Settings group;
    plain-text templates (e.g. "save as template" from the composer) still
    work for everyone.
    """
    import odoo.api

    Template = module.MailTemplate

    def check(env, values):
        if _is_privileged(env):
            return
        for field in TEMPLATE_CODE_FIELDS:
            value = values.get(field)
            if isinstance(value, str) and _TEMPLATE_CODE.search(value):
                raise _access_error("Only administrators may write dynamic placeholders "
                                    "in e-mail templates (field %s)." % field)

    @_override(Template, "create", odoo.api.model)
    def create(origin, self, values):
        check(self.env, values)
        return origin(values)

    @_override(Template, "write", odoo.api.multi)
    def write(origin, self, vals):
        check(self.env, vals)
        return origin(vals)


# ---------------------------------------------------------------------------
# lxml 4.9.4: lxml.html.clean (Odoo's HTML sanitizer) routed to lxml_html_clean
# ---------------------------------------------------------------------------


@patch()
def lxml_html_clean_routing():
    """CVE-2024-52595: lxml.html.clean is served by lxml_html_clean (>= 0.4), which fixes the svg/math/noscript context switch.

    lxml 4.9.4's own cleaner keeps CSS comments that browsers parse as
    markup inside <svg>/<math>/<noscript> (``<svg><style>/*<img onerror=...>``).
    The fix lives only in the split-out lxml_html_clean package, which
    works with lxml 4.9.4 (requirements.txt). ``lxml.html.clean`` now is
    that package's module, so odoo.tools.mail (html_sanitize, every
    fields.Html) and any other importer get the fixed Cleaner.
    """
    import sys

    import lxml.html

    try:
        import lxml_html_clean  # noqa: F401
    except ImportError:  # pragma: no cover  (requirements.txt installs it)
        _logger.warning("lxml_html_clean is not installed: lxml.html.clean keeps CVE-2024-52595")
        return
    # the package's __init__ re-exports a Cleaner instance named "clean",
    # which shadows the submodule attribute: take the module itself
    fixed = sys.modules["lxml_html_clean.clean"]
    sys.modules["lxml.html.clean"] = fixed
    lxml.html.clean = fixed

    # lxml_html_clean 0.4.5 also drops javascript: links in xlink:href (kept
    # when safe_attrs_only=False), but needs lxml >= 6.1.1 for it: do it here.
    call = fixed.Cleaner.__call__

    @functools.wraps(call)
    def clean_xlink_href(self, doc):
        call(self, doc)
        if self.javascript:
            root = doc.getroot() if hasattr(doc, "getroot") else doc
            for el in root.iter():
                for name in XLINK_HREF_NAMES:
                    value = el.get(name) if hasattr(el, "get") else None
                    if value is not None and not self._remove_javascript_link(value):
                        del el.attrib[name]

    fixed.Cleaner.__call__ = clean_xlink_href


XLINK_HREF_NAMES = ("xlink:href", "{http://www.w3.org/1999/xlink}href")


# QWeb templates of the web client that printed user-controlled text with
# t-raw: (template, expression) -> rendered with t-esc instead.
CLIENT_TEMPLATE_ESCAPES = [
    ("Dialog", "title"),  # dialog titles: "Open: <record name>", "Invite people to #<channel>"
    ("Notification", "widget.title"),  # notifications: "You have been invited to: <channel>"
    ("Notification", "widget.text"),
    ("FieldBinaryFileUploader.files", "file.data.name || file.data.filename"),  # uploaded file names
]


def escape_client_templates(content):
    """Return the web client's concatenated QWeb XML with CLIENT_TEMPLATE_ESCAPES applied."""
    is_bytes = isinstance(content, bytes)
    text = content.decode("utf-8") if is_bytes else content
    for _template, expression in CLIENT_TEMPLATE_ESCAPES:
        quoted = re.escape(expression.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;"))
        text = re.sub(r't-raw="%s"' % quoted, lambda m: m.group(0).replace("t-raw=", "t-esc=", 1), text)
    return text.encode("utf-8") if is_bytes else text


@patch("odoo.addons.web.controllers.main")
def web_client_templates_escape(module):
    """CVE-2018-15641 (odoo/odoo#63704), CVE-2018-15638 (odoo/odoo#63703), CVE-2021-45071 (odoo/odoo#107697): the web client escapes record, channel and file names in dialogs, notifications and file lists.

    Odoo 11's client templates printed with t-raw: the Dialog title (the
    calendar view opens an event in "Open: <event name>", Discuss opens
    "Invite people to #<channel name>"), the Notification title and text
    ("You have been invited to: <channel name>", "You unsubscribed from
    <channel>") and the many2many_binary file list (uploaded file names).
    A crafted event, channel or file name ran script in the session of
    whoever saw it. /web/webclient/qweb now serves these with t-esc (the
    text is shown, not interpreted); its checksum changes with it, so
    browsers do not keep the cached unescaped templates.
    """
    import hashlib

    concat_xml = module.concat_xml

    @functools.wraps(concat_xml)
    def concat_xml_escaped(file_list):
        content, checksum = concat_xml(file_list)
        if not content:
            return content, checksum
        escaped = escape_client_templates(content)
        return escaped, hashlib.sha1((checksum + ":odoo_py311-escaped-1").encode()).hexdigest()

    module.concat_xml = concat_xml_escaped


@patch("odoo.addons.base.ir.ir_translation")
def mail_template_code_translations_admin_only(module):
    """CVE-2018-14860 (odoo/odoo#32505), with mail_template_code_admin_only: template code cannot come in through translations.

    Translated template fields (subject, body_html, report_name) are stored
    in ir.translation, which anyone who may write the template may edit:
    outside sudo, a translation of a mail.template field that contains
    Jinja code now needs the Settings group as well.
    """
    import odoo.api

    Translation = module.IrTranslation

    def check(env, names, value):
        if _is_privileged(env) or not isinstance(value, str) or not _TEMPLATE_CODE.search(value):
            return
        if any((name or "").startswith("mail.template,") for name in names):
            raise _access_error("Only administrators may write dynamic placeholders "
                                "in e-mail templates (translation).")

    @_override(Translation, "create", odoo.api.model)
    def create(origin, self, vals):
        check(self.env, [vals.get("name")], vals.get("value"))
        return origin(vals)

    @_override(Translation, "write", odoo.api.multi)
    def write(origin, self, vals):
        if "value" in vals or "name" in vals:
            names = [vals["name"]] if "name" in vals else self.mapped("name")
            value = vals.get("value") if "value" in vals else None
            if value is None:
                for translation in self:
                    check(self.env, names, translation.value)
            else:
                check(self.env, names, value)
        return origin(vals)


# ---------------------------------------------------------------------------
# Odoo: files of the addons served through URL attachments
# ---------------------------------------------------------------------------


def is_static_resource(*parts):
    """True if a path inside a module (e.g. "static/src/img/x.png") stays in its static/ folder."""
    import posixpath

    rel = "/".join(str(part) for part in parts).replace("\\", "/")
    norm = posixpath.normpath(rel)
    return not rel.startswith("/") and norm.split("/")[0] == "static" and ".." not in norm.split("/")


@patch("odoo.addons.base.ir.ir_http")
def url_attachments_only_serve_static_files(module):
    """CVE-2024-45840: URL attachments no longer serve the addons' source code, only their static/ files.

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


# ---------------------------------------------------------------------------
# Odoo: redirects after login (open redirect) and the script redirect page
# ---------------------------------------------------------------------------

_URL_UNSAFE_CHARS = re.compile(r"[\x00-\x20\x7f\\]")


def is_local_redirect(url):
    """True if url is a path on this server: one leading "/", no scheme, no host.

    Refused: absolute URLs (``https://evil``, ``javascript:``), scheme-relative
    ones (``//evil``, ``/\\evil``), and any whitespace, control character or
    backslash (browsers drop tabs/newlines and read ``\\`` as ``/``, which
    turns ``/\\t/evil`` or ``/\\evil`` into ``//evil``).
    """
    if isinstance(url, bytes):
        try:
            url = url.decode("utf-8")
        except UnicodeDecodeError:
            return False
    if not isinstance(url, str) or not url.startswith("/") or url.startswith("//"):
        return False
    if _URL_UNSAFE_CHARS.search(url):
        return False
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc


@patch("odoo.addons.web.controllers.main")
def web_redirects_stay_local(module):
    """Hardening (open redirect; see CVE-2021-26947 in docs/SECURITY.md): /web, /web/login and /web/dbredirect only redirect to local paths.

    ``/web?redirect=``, ``/web/login?redirect=`` (after login, or at once when
    already logged in) and ``/web/dbredirect?redirect=`` sent the browser to
    whatever URL the link carried, e.g. a look-alike login page on another
    host. A ``redirect`` that is not a local path (see is_local_redirect) is
    now ignored: the route behaves as if none had been given.
    """
    Home = module.Home

    def wrap(name, default):
        original = getattr(Home, name)

        @functools.wraps(original)
        def checked(self, *args, **kwargs):
            if "redirect" in kwargs and kwargs["redirect"] and not is_local_redirect(kwargs["redirect"]):
                _logger.warning("%s: ignoring non-local redirect %r", name, kwargs["redirect"])
                if default is None:
                    kwargs.pop("redirect")
                else:
                    kwargs["redirect"] = default
            return original(self, *args, **kwargs)

        setattr(Home, name, checked)

    wrap("web_client", None)
    wrap("web_login", None)
    wrap("web_db_redirect", "/")

    login_redirect = Home._login_redirect

    @functools.wraps(login_redirect)
    def local_login_redirect(self, uid, redirect=None):
        if redirect and not is_local_redirect(redirect):
            redirect = None
        return login_redirect(self, uid, redirect=redirect)

    Home._login_redirect = local_login_redirect
