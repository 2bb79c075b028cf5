"""The web client's redirects: after login (open redirect) and the script redirect page.

Patch: ``web_redirects_stay_local`` (hardening, see CVE-2021-26947 in
docs/SECURITY.md).
"""
import functools
import logging
import re

from ..registry import patch

_logger = logging.getLogger(__name__)


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
    """Hardening (open redirect; see CVE-2021-26947 in docs/SECURITY.md): /web, /web/login and
    /web/dbredirect only redirect to local paths.

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
            redirect = kwargs.get("redirect")
            if redirect and not is_local_redirect(redirect):
                _logger.warning("%s: ignoring non-local redirect %r", name, redirect)
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
