"""One regression test per security patch (runtime/odoo_py311/security/).

Each test reproduces the hole the patch closes and fails without the patch
(see docs/SECURITY.md for the advisory behind each one). No database needed;
the database-creation patch is tested in test_security_db_init.py.
"""
import io
import json
import sys
import time
import types

import pytest

from odoo_py311 import apply_all
from odoo_py311.registry import PATCHES

apply_all()

import odoo  # noqa: E402,F401  (after the patches, as crm-odoo does)

SECURITY_PATCHES = [name for name, p in PATCHES.items()
                    if p.func.__module__.startswith("odoo_py311.security.")]


def test_every_security_patch_names_what_it_closes():
    assert len(SECURITY_PATCHES) >= 10
    for name in SECURITY_PATCHES:
        doc = PATCHES[name].doc
        assert doc.startswith(("CVE-", "Hardening")), (name, doc)


def test_security_md_says_which_module_holds_each_security_patch():
    import os
    import re

    path = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "SECURITY.md")
    with open(path, encoding="utf-8") as f:
        section = f.read().split("## Where each patch lives", 1)[1].split("\n## ", 1)[0]
    documented = {}
    for row in re.findall(r"^\| `(\w+)\.py` \|.*\| (`.*`) \|$", section, re.M):
        for name in re.findall(r"`(\w+)`", row[1]):
            documented[name] = "odoo_py311.security." + row[0]
    assert documented == {name: PATCHES[name].func.__module__ for name in SECURITY_PATCHES}


# --- CVE-2020-29396: safe_eval frames/code on Python 3.11 --------------------

@pytest.mark.parametrize("expr", [
    "(x for x in [1]).gi_code",
    "(x for x in [1]).gi_yieldfrom",
    "(x for x in [1]).gi_code.co_consts",
    "[e for e in [0]][0].tb_frame",
])
def test_safe_eval_refuses_generator_code_and_frames(expr):
    from odoo.tools.safe_eval import safe_eval

    with pytest.raises(NameError, match="forbidden name"):
        safe_eval(expr, {})


def test_safe_eval_still_runs_generator_expressions():
    from odoo.tools.safe_eval import safe_eval

    assert safe_eval("sum(x * 2 for x in [1, 2, 3])", {"sum": sum}) == 12


# --- CVE-2024-56326 / CVE-2025-27516: Jinja2 sandbox and str.format ----------

class FakeRecordset:
    """Stands for an Odoo recordset in a mail template: mapped() calls its argument."""

    secret = "master-password"

    def mapped(self, func):
        return [func(self)]


@pytest.mark.parametrize("template", [
    '{{ object.mapped("{0.__class__.__init__.__globals__}".format) }}',
    '{{ object.mapped("{0.__class__.__init__.__globals__}"["format"]) }}',
    '{{ object.mapped("{0.__class__.__init__.__globals__}"|attr("format")) }}',
    '{{ object.mapped("{0.__class__.__init__.__globals__}".format_map) }}',
])
def test_jinja_sandbox_does_not_hand_out_str_format(template):
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment()
    try:
        out = env.from_string(template).render(object=FakeRecordset())
    except (SecurityError, TypeError):
        return  # refused outright: fine
    # without the patch this prints the module globals of the test file
    assert "FakeRecordset" not in out and "__builtins__" not in out, out


def test_odoo_mail_templates_use_the_patched_sandbox():
    """Odoo 11 renders mail templates with a jinja2 SandboxedEnvironment: the class is patched."""
    import pathlib
    import jinja2.sandbox

    source = pathlib.Path(odoo.__file__).parent.joinpath(
        "addons", "mail", "models", "mail_template.py").read_text()
    assert "SandboxedEnvironment(" in source
    assert jinja2.sandbox.SandboxedEnvironment.getattr.__name__ == "getattr"
    assert hasattr(jinja2.sandbox.SandboxedEnvironment.getattr, "__wrapped__")


def test_jinja_format_still_works_for_plain_values():
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment()
    assert env.from_string('{{ "{} {}".format("a", 2) }}').render() == "a 2"
    assert env.from_string('{{ ["x"]|map("upper")|list }}').render() == "['X']"


# --- CVE-2024-22195 / CVE-2024-34064: xmlattr keys ---------------------------

@pytest.mark.parametrize("key", ["onclick=alert(1) x", "a onmouseover", "a/b", "a>b", 'a"b'])
def test_xmlattr_refuses_keys_that_inject_attributes(key):
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(autoescape=True)
    with pytest.raises(ValueError):
        env.from_string("<a{{ d|xmlattr }}>").render(d={key: "v"})


def test_xmlattr_keeps_normal_keys():
    from jinja2 import Environment

    out = Environment(autoescape=True).from_string("<a{{ d|xmlattr }}>").render(
        d={"class": "x", "data-id": '1"'})
    assert out == '<a class="x" data-id="1&#34;">'


# --- CVE-2023-25577: multipart part count / memory ---------------------------

def _multipart_environ(body, boundary="b0undary"):
    return {
        "REQUEST_METHOD": "POST",
        "CONTENT_TYPE": "multipart/form-data; boundary=%s" % boundary,
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
    }


def _many_parts(n, boundary="b0undary"):
    part = ("--%s\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx\r\n" % boundary).encode()
    return part * n + ("--%s--\r\n" % boundary).encode()


def test_multipart_with_too_many_parts_is_refused_quickly():
    from werkzeug.exceptions import RequestEntityTooLarge
    from werkzeug.wrappers import Request

    body = _many_parts(50000)
    start = time.monotonic()
    with pytest.raises(RequestEntityTooLarge):
        Request(_multipart_environ(body)).form
    assert time.monotonic() - start < 2


def test_odoo_request_class_refuses_too_many_parts():
    from werkzeug.exceptions import RequestEntityTooLarge
    import odoo.http

    httprequest = odoo.http.werkzeug.wrappers.Request(_multipart_environ(_many_parts(2000)))
    with pytest.raises(RequestEntityTooLarge):
        httprequest.form


def test_multipart_with_normal_parts_and_files_still_parses():
    from werkzeug.wrappers import Request

    boundary = "b0undary"
    body = (
        "--{b}\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
        "--{b}\r\nContent-Disposition: form-data; name=\"ufile\"; filename=\"n.txt\"\r\n"
        "Content-Type: text/plain\r\n\r\nhello\r\n--{b}--\r\n"
    ).format(b=boundary).encode()
    req = Request(_multipart_environ(body))
    assert req.form["a"] == "1"
    assert req.files["ufile"].read() == b"hello"


def test_non_file_form_fields_are_capped_in_memory():
    from werkzeug.exceptions import RequestEntityTooLarge
    from werkzeug.wrappers import Request
    from odoo_py311.security.werkzeug_requests import MAX_FORM_MEMORY_SIZE

    boundary = "b0undary"
    big = b"x" * (MAX_FORM_MEMORY_SIZE + 1024)
    body = (("--%s\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n" % boundary).encode()
            + big + ("\r\n--%s--\r\n" % boundary).encode())
    with pytest.raises(RequestEntityTooLarge):
        Request(_multipart_environ(body)).form


# --- CVE-2023-23934: nameless cookies ----------------------------------------

def test_nameless_cookie_does_not_shadow_a_named_one():
    from werkzeug.http import parse_cookie
    from werkzeug.wrappers import Request

    assert "session_id" not in parse_cookie("=session_id=attacker")
    req = Request({"HTTP_COOKIE": "=session_id=attacker; lang=fr"})
    assert dict(req.cookies) == {"lang": "fr"}
    req = Request({"HTTP_COOKIE": 'session_id=mine; =session_id=attacker; q="a;b"'})
    assert req.cookies["session_id"] == "mine" and req.cookies["q"] == "a;b"


# --- CVE-2018-15634 / CVE-2021-45071: upload pages ----------------------------

class _FakeAttachments:
    def create(self, values):
        return types.SimpleNamespace(id=7)


@pytest.fixture
def fake_request():
    import odoo.http
    from werkzeug.datastructures import MultiDict

    def push(files):
        req = types.SimpleNamespace(
            httprequest=types.SimpleNamespace(
                files=MultiDict([("ufile", f) for f in files]),
                user_agent=types.SimpleNamespace(browser="chrome"),
                environ={}),
            endpoint=None,
            env={"ir.attachment": _FakeAttachments()})
        odoo.http._request_stack.push(req)
        return req

    yield push
    odoo.http._request_stack.pop()


def test_upload_attachment_does_not_inject_file_name_or_callback(fake_request):
    from werkzeug.datastructures import FileStorage
    from odoo.addons.web.controllers.main import Binary

    evil_name = "</script><img src=x onerror=alert(1)>.png"
    evil_callback = "</script><script>alert(2)//"
    f = FileStorage(io.BytesIO(b"data"), filename=evil_name, content_type="image/png")
    fake_request([f])
    html = Binary().upload_attachment(evil_callback, "res.partner", "1", f).get_data(as_text=True)
    assert html.count("</script>") == 1 and "<img" not in html
    # the page still hands the browser the exact file name
    args = json.loads(html.split("trigger(", 1)[1].split(", ", 1)[1].rsplit(");", 1)[0])
    assert args == [{"filename": evil_name, "mimetype": "image/png", "id": 7}]


def test_web_editor_attach_refuses_a_script_callback():
    from werkzeug.exceptions import BadRequest
    from odoo.addons.web_editor.controllers.main import Web_Editor

    with pytest.raises(BadRequest):
        Web_Editor().attach("x'](1);alert(document.cookie);//")


def test_script_safe_json_keeps_the_value():
    from odoo_py311.security.upload_pages import script_safe_dumps

    value = {"n": "</script><b>&\u2028"}
    out = script_safe_dumps(value)
    assert "<" not in out and ">" not in out and "&" not in out
    assert json.loads(out) == value


# --- master password -----------------------------------------------------------

def test_database_manager_refuses_the_default_master_password(monkeypatch):
    import odoo.exceptions
    from odoo.service import db
    from odoo.tools import config

    monkeypatch.setitem(config.options, "admin_passwd", "admin")
    with pytest.raises(odoo.exceptions.AccessDenied):
        db.check_super("admin")
    monkeypatch.setitem(config.options, "admin_passwd", "a-long-master-password")
    assert db.check_super("a-long-master-password") is True


# --- session cookie Secure behind TLS ----------------------------------------

def _session_cookie(scheme):
    import odoo.http

    root = object.__new__(odoo.http.Root)
    httprequest = types.SimpleNamespace(
        scheme=scheme, session=types.SimpleNamespace(should_save=False, sid="s1d"))
    odoo.http._request_stack.push(types.SimpleNamespace(endpoint=None))
    try:
        response = root.get_response(httprequest, "ok", False)
    finally:
        odoo.http._request_stack.pop()
    return [c for c in response.headers.getlist("Set-Cookie") if c.startswith("session_id=")][0]


def test_session_cookie_is_secure_over_https():
    cookie = _session_cookie("https")
    assert "HttpOnly" in cookie and "Secure" in cookie and "SameSite=Lax" in cookie


def test_session_cookie_over_plain_http_is_httponly_only():
    cookie = _session_cookie("http")
    assert "HttpOnly" in cookie and "Secure" not in cookie


# --- JSON-P RPC refused ------------------------------------------------------

def _get_request(url, **kwargs):
    import odoo.http
    from werkzeug.test import EnvironBuilder
    from werkzeug.wrappers import Request

    root = object.__new__(odoo.http.Root)
    httprequest = Request(EnvironBuilder(url, **kwargs).get_environ())
    httprequest.session = odoo.http.OpenERPSession({}, "s1d", False)
    return root.get_request(httprequest)


@pytest.mark.parametrize("url", [
    "/web/dataset/call_kw?jsonp=steal&r=%7B%7D",     # one-step GET: runs the call
    "/web/dataset/call_kw?jsonp=steal&id=7",         # two-step GET: runs a stored call
    "/web/dataset/call_kw?jsonp=",                   # any jsonp argument
])
def test_jsonp_requests_are_refused(url):
    from werkzeug.exceptions import BadRequest

    with pytest.raises(BadRequest, match="JSON-P is disabled"):
        _get_request(url)


def test_jsonp_post_that_stores_a_call_is_refused():
    from werkzeug.exceptions import BadRequest

    with pytest.raises(BadRequest):
        _get_request("/web/dataset/call_kw?jsonp=steal&id=7", method="POST",
                     data={"r": json.dumps({"params": {}})})


def test_json_rpc_and_forms_are_still_dispatched():
    import odoo.http

    call = _get_request("/web/dataset/call_kw", method="POST", content_type="application/json",
                        data=json.dumps({"jsonrpc": "2.0", "params": {"model": "res.partner"}}))
    assert isinstance(call, odoo.http.JsonRequest) and call.params == {"model": "res.partner"}
    form = _get_request("/base_import/set_file", method="POST", data={"jsonp": "cb"})
    assert isinstance(form, odoo.http.HttpRequest)


# --- Pillow 10 compatibility (pin moved for CVE-2023-4863 & co) ----------------

def test_pillow_is_past_the_libwebp_fix_and_odoo_images_still_resize():
    import PIL
    from PIL import Image
    from odoo.tools import image as odoo_image

    assert tuple(int(x) for x in PIL.__version__.split(".")[:2]) >= (10, 0)
    buf = io.BytesIO()
    Image.new("RGB", (300, 200), "red").save(buf, "PNG")
    import base64
    resized = odoo_image.image_resize_image(base64.b64encode(buf.getvalue()), size=(64, 64))
    out = Image.open(io.BytesIO(base64.b64decode(resized)))
    assert out.size == (64, 64)


def test_pillow_textsize_for_web_editor():
    from PIL import Image, ImageDraw, ImageFont

    draw = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    w, h = draw.textsize("abc", font=ImageFont.load_default())
    assert w > 0 and h > 0


# --- CVE-2024-52595: lxml.html.clean context switching (svg/math/noscript) ---------

@pytest.mark.parametrize("payload", [
    "<div><svg><style>/*<img src=x onerror=alert(1)>*/</style></svg></div>",
    "<div><math><style>/*<img src=x onerror=alert(1)>*/</style></math></div>",
])
def test_html_cleaner_drops_markup_hidden_in_css_comments(payload):
    from lxml.html.clean import Cleaner

    out = Cleaner(style=False, kill_tags=[]).clean_html(payload)
    assert "onerror" not in out


def test_html_cleaner_drops_javascript_xlink_href():
    from lxml.html.clean import Cleaner

    for link in ("javascript:alert(1)", " jav&#x09;ascript:alert(1)"):
        out = Cleaner(safe_attrs_only=False).clean_html(
            '<div><svg><a xlink:href="%s"><text>x</text></a></svg></div>' % link)
        assert "alert" not in out, out
    out = Cleaner(safe_attrs_only=False).clean_html(
        '<div><svg><a xlink:href="/web">x</a></svg></div>')
    assert 'xlink:href="/web"' in out


def test_odoo_sanitizer_uses_the_fixed_cleaner():
    import lxml_html_clean  # noqa: F401
    import odoo.tools.mail

    fixed = sys.modules["lxml_html_clean.clean"]
    assert odoo.tools.mail.clean is fixed
    assert issubclass(odoo.tools.mail._Cleaner, fixed.Cleaner)
    out = odoo.tools.mail.html_sanitize('<p onclick="x()">a<script>b</script><b>c</b></p>')
    assert out == "<p>a<b>c</b></p>"


# --- CVE-2018-15641 / CVE-2018-15638 / CVE-2021-45071: client templates ------------

def _client_templates():
    import glob
    import os
    from odoo.addons.web.controllers import main

    addons = os.path.dirname(os.path.dirname(main.__file__))
    files = sorted(glob.glob(os.path.join(addons, "..", "*", "static", "src", "xml", "*.xml")))
    files = [f for f in files
             if any(os.sep.join(["", addon, ""]) in f for addon in ("web", "mail", "calendar"))]
    content, checksum = main.concat_xml(files)
    _client_templates.files = files
    return content.decode("utf-8"), checksum


def _template(content, name):
    from lxml import etree

    root = etree.fromstring(content.encode("utf-8"))
    found = root.xpath("//*[@t-name=$name]", name=name)
    assert found, name
    return etree.tostring(found[0]).decode()


@pytest.mark.parametrize("template, expression", [
    ("Dialog", "title"),
    ("Notification", "widget.title"),
    ("Notification", "widget.text"),
])
def test_client_templates_escape_names(template, expression):
    content, _ = _client_templates()
    source = _template(content, template)
    assert 't-esc="%s"' % expression in source
    assert 't-raw="%s"' % expression not in source


def test_uploaded_file_names_are_escaped_in_the_client():
    content, _ = _client_templates()
    assert "file.data.name || file.data.filename" in content
    assert 't-raw="file.data.name || file.data.filename"' not in content


def test_client_templates_checksum_changes_with_the_escaping():
    from odoo.addons.web.controllers import main

    content, checksum = _client_templates()
    unescaped, unescaped_checksum = main.concat_xml.__wrapped__(_client_templates.files)
    assert b't-raw="title"' in unescaped  # what Odoo 11 ships
    assert checksum != unescaped_checksum  # browsers drop their cached copy


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))


# --- open redirect: /web, /web/login, /web/dbredirect ------------------------

EXTERNAL_REDIRECTS = [
    "https://evil.example/login",
    "//evil.example/login",
    "/\\evil.example/login",
    "/\t/evil.example",
    "javascript:alert(1)",
    " //evil.example",
]


@pytest.fixture
def web_request(monkeypatch):
    """A logged-in GET request for the web client's Home controller (no database)."""
    import odoo.http
    import werkzeug.wrappers
    from odoo.addons.web.controllers import main

    monkeypatch.setattr(main, "ensure_db", lambda *a, **k: None)
    monkeypatch.setattr(odoo.http, "db_list", lambda *a, **k: [])

    class FakeIrHttp:
        def webclient_rendering_context(self):
            return {}

    def render(template, qcontext=None):
        return werkzeug.wrappers.Response("rendered %s" % template)

    req = types.SimpleNamespace(
        httprequest=types.SimpleNamespace(
            method="GET", user_agent=types.SimpleNamespace(browser="firefox")),
        session=types.SimpleNamespace(uid=2, db="db", get=lambda key, default=None: default),
        params={}, uid=2, debug=False, env={"ir.http": FakeIrHttp()}, render=render,
        endpoint=types.SimpleNamespace(routing={"type": "http"}))
    odoo.http._request_stack.push(req)
    yield main.Home()
    odoo.http._request_stack.pop()


def _location(response):
    return response.headers.get("Location") if hasattr(response, "headers") else None


@pytest.mark.parametrize("url", EXTERNAL_REDIRECTS)
def test_web_and_login_do_not_redirect_to_other_sites(web_request, url):
    for response in (web_request.web_client(redirect=url), web_request.web_login(redirect=url),
                     web_request.web_db_redirect(redirect=url)):
        location = _location(response) or ""
        assert "evil.example" not in location and "javascript" not in location, location
    assert web_request._login_redirect(2, redirect=url) == "/web"


def test_local_redirects_still_work(web_request):
    assert _location(web_request.web_client(redirect="/web#action=12")).endswith("/web#action=12")
    assert _location(web_request.web_login(redirect="/web?debug=1")).endswith("/web?debug=1")
    assert _location(web_request.web_db_redirect(redirect="/web/login")).endswith("/web/login")
    assert web_request._login_redirect(2, redirect="/web#menu_id=3") == "/web#menu_id=3"


# --- CVE-2024-45840: URL attachments serving the addons' files ----------------

def test_url_attachments_only_reach_static_files():
    from odoo.addons.base.ir import ir_http

    assert not ir_http.get_resource_path("base", "models/res_users.py")
    assert not ir_http.get_resource_path("base", "__manifest__.py")
    assert not ir_http.get_resource_path("web", "static/../controllers/main.py")
    assert ir_http.get_resource_path("web", "static/src/img/favicon.ico")


# --- odoo/odoo#33135: <base> in chatter bodies (guard, no patch needed) -------

def test_html_sanitizer_drops_base_tags():
    from odoo.tools import html_sanitize

    body = '<p>hi</p><base href="https://evil.example/"><a href="doc">link</a>'
    for options in ({}, {"sanitize_style": True, "strip_classes": True},
                    {"sanitize_attributes": False}):
        out = html_sanitize(body, **options)
        assert "<base" not in out and "evil.example" not in out and 'href="doc"' in out
