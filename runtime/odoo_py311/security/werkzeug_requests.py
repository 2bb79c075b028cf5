"""Werkzeug 0.16.1: request parsing (multipart bodies, Cookie headers) under Odoo's HTTP server.

Patches: ``werkzeug_multipart_limits`` (CVE-2023-25577, CVE-2024-49767) and
``werkzeug_nameless_cookies`` (CVE-2023-23934).
"""
import functools
import re

from ..registry import patch


# Same defaults as the Werkzeug releases that fixed these issues.
MAX_FORM_PARTS = 1000
MAX_FORM_MEMORY_SIZE = 16 * 1024 * 1024  # non-file form fields kept in memory


@patch()
def werkzeug_multipart_limits():
    """CVE-2023-25577, CVE-2024-49767: Werkzeug's multipart parser limits the number of parts and
    in-memory field size.

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
    """CVE-2023-23934: Werkzeug no longer reads a nameless cookie ``=__Host-x=v`` as cookie
    ``__Host-x``.

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
