"""Odoo's "Add followers" wizard (mail.wizard.invite): its proposed message.

Patch: ``mail_invite_message_sanitized`` (CVE-2018-15635).
"""
from ..registry import patch
from .helpers import override


@patch("odoo.addons.mail.wizard.invite")
def mail_invite_message_sanitized(module):
    """CVE-2018-15635 (odoo/odoo#32515): the "Add followers" wizard no longer puts the document's
    name as raw HTML in its message.

    default_get builds the invitation's HTML by formatting the user's and the
    document's display names into it; the form shows that HTML before it is
    saved (and sanitized), so a record named with markup ran script in the
    browser of whoever invited followers to it. The proposed message is now
    passed through Odoo's HTML sanitizer (names shown, markup neutralized).
    """
    Invite = module.Invite

    @override(Invite, "default_get")
    def default_get(origin, self, fields):
        from odoo.tools import html_sanitize

        result = origin(fields)
        if isinstance(result.get("message"), str):
            result["message"] = html_sanitize(result["message"])
        return result
