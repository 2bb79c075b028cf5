"""lxml 4.9.4's HTML cleaner (Odoo's HTML sanitizer), routed to lxml_html_clean.

Patch: ``lxml_html_clean_routing`` (CVE-2024-52595, plus the xlink:href fix of
lxml_html_clean 0.4.5).
"""
import functools
import logging

from ..registry import patch

_logger = logging.getLogger(__name__)


@patch()
def lxml_html_clean_routing():
    """CVE-2024-52595: lxml.html.clean is served by lxml_html_clean (>= 0.4), which fixes the
    svg/math/noscript context switch.

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
