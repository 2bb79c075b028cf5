"""Jinja2 2.11.3: its sandbox and its xmlattr filter (Odoo's mail templates).

Any internal user can edit mail templates in 11.0, so the sandbox is what
stands between a template and the server. Patches:
``jinja2_sandbox_indirect_format`` (CVE-2024-56326, CVE-2025-27516) and
``jinja2_xmlattr_keys`` (CVE-2024-22195, CVE-2024-34064). Not named
jinja2.py: imports are absolute, but a tool run from this folder (which puts it
on sys.path) would then import this file as the library.
"""
import functools
import re

from ..registry import patch


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
    """CVE-2024-56326, CVE-2025-27516: Jinja2 sandbox no longer hands out a raw str.format for
    indirect calls.

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
    """CVE-2024-22195, CVE-2024-34064: Jinja2's xmlattr filter refuses keys that would inject
    attributes.

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
