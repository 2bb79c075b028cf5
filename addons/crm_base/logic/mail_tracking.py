"""Open and click tracking of outbound emails. Plain Python, no database.

Each tracked email (one per recipient) gets a token "<id>.<signature>" where
the signature is an HMAC-SHA256 of the id under the database secret: a token
cannot be guessed or forged from another one. Links are rewritten to

    <base>/crm/mail/click/<token>?url=<target>&sig=<HMAC(token, target)>

so that the click URL only redirects to the target it was built for (no open
redirect); the open pixel is <base>/crm/mail/open/<token>.png.
"""
import base64
import hashlib
import hmac
import html
import re
from urllib.parse import urlencode

PIXEL_PNG = base64.b64decode(
    b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kg"
    b"AAAABJRU5ErkJggg==")

_A_HREF_RE = re.compile(
    r"""(<a\b[^>]*?\bhref\s*=\s*)(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE | re.DOTALL)
_BODY_END_RE = re.compile(r"</body\s*>", re.IGNORECASE)


def _key(secret):
    if not secret:
        raise ValueError("a secret is required to sign tracking tokens")
    return secret.encode("utf-8") if isinstance(secret, str) else secret


def sign(secret, *parts):
    """Hex HMAC-SHA256 of the parts (joined by a NUL byte), 32 characters."""
    message = "\x00".join(str(p) for p in parts).encode("utf-8")
    return hmac.new(_key(secret), message, hashlib.sha256).hexdigest()[:32]


def make_token(secret, tracking_id):
    return "%d.%s" % (int(tracking_id), sign(secret, "open", int(tracking_id)))


def parse_token(secret, token):
    """The tracking id of a valid token, else None."""
    match = re.match(r"^(\d{1,12})\.([0-9a-f]{32})$", token or "")
    if not match:
        return None
    tracking_id = int(match.group(1))
    if not hmac.compare_digest(match.group(2), sign(secret, "open", tracking_id)):
        return None
    return tracking_id


def pixel_url(base_url, token):
    return "%s/crm/mail/open/%s.png" % (base_url.rstrip("/"), token)


def click_url(base_url, secret, token, url):
    query = urlencode([("url", url), ("sig", sign(secret, "click", token, url))])
    return "%s/crm/mail/click/%s?%s" % (base_url.rstrip("/"), token, query)


def verify_click(secret, token, url, signature):
    """True when `url` is the one the link of this token was built for."""
    if not url or not signature or parse_token(secret, token) is None:
        return False
    return hmac.compare_digest(str(signature), sign(secret, "click", token, url))


def is_trackable_url(url, base_url=None):
    """Only web links are rewritten: not mailto:, tel:, anchors, and not a
    link that already goes through the tracker."""
    url = (url or "").strip()
    if not re.match(r"^https?://", url, re.IGNORECASE):
        return False
    if "/crm/mail/click/" in url or "/crm/mail/open/" in url:
        return False
    return True


def rewrite_links(body_html, base_url, secret, token):
    """Rewrite every web link of the HTML to its tracked click URL."""
    def repl(match):
        raw = match.group(2) if match.group(2) is not None else match.group(3)
        url = html.unescape(raw).strip()
        if not is_trackable_url(url, base_url):
            return match.group(0)
        tracked = click_url(base_url, secret, token, url)
        return '%s"%s"' % (match.group(1), html.escape(tracked, quote=True))
    return _A_HREF_RE.sub(repl, body_html or "")


def pixel_tag(base_url, token):
    return ('<img src="%s" alt="" width="1" height="1" border="0" '
            'style="display:block;width:1px;height:1px;border:0;"/>'
            % html.escape(pixel_url(base_url, token), quote=True))


def add_tracking(body_html, base_url, secret, token):
    """The body with tracked links and the open pixel (before </body>, or at
    the end of a fragment)."""
    body = rewrite_links(body_html, base_url, secret, token)
    pixel = pixel_tag(base_url, token)
    matches = list(_BODY_END_RE.finditer(body))
    if matches:
        end = matches[-1].start()
        return body[:end] + pixel + body[end:]
    return body + pixel
