"""Odoo's HTTP layer (odoo.http): the session cookie and JSON-P RPC.

Patches: ``session_cookie_secure`` (hardening: Secure; SameSite=Lax behind
TLS) and ``jsonp_rpc_refused`` (hardening: cross-site calls with the
visitor's session).
"""
import functools
import logging

from ..registry import patch

_logger = logging.getLogger(__name__)


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


@patch("odoo.http")
def jsonp_rpc_refused(module):
    """Hardening (cross-site request forgery and session theft over JSON-P; see docs/SECURITY.md):
    requests with a ``jsonp`` argument are refused.

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
