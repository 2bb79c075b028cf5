"""The web client's QWeb templates (/web/webclient/qweb): names printed as raw HTML.

Patch: ``web_client_templates_escape`` (CVE-2018-15641, CVE-2018-15638,
CVE-2021-45071).
"""
import functools
import re

from ..registry import patch


# QWeb templates of the web client that printed user-controlled text with
# t-raw: (template, expression) -> rendered with t-esc instead.
CLIENT_TEMPLATE_ESCAPES = [
    ("Dialog", "title"),  # dialog titles: "Open: <record name>", "Invite people to #<channel>"
    ("Notification", "widget.title"),  # notifications: "You have been invited to: <channel>"
    ("Notification", "widget.text"),
    # uploaded file names
    ("FieldBinaryFileUploader.files", "file.data.name || file.data.filename"),
]


def escape_client_templates(content):
    """Return the web client's concatenated QWeb XML with CLIENT_TEMPLATE_ESCAPES applied."""
    is_bytes = isinstance(content, bytes)
    text = content.decode("utf-8") if is_bytes else content
    for _template, expression in CLIENT_TEMPLATE_ESCAPES:
        attribute = expression.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
        text = re.sub(r't-raw="%s"' % re.escape(attribute),
                      lambda m: m.group(0).replace("t-raw=", "t-esc=", 1), text)
    return text.encode("utf-8") if is_bytes else text


@patch("odoo.addons.web.controllers.main")
def web_client_templates_escape(module):
    """CVE-2018-15641 (odoo/odoo#63704), CVE-2018-15638 (odoo/odoo#63703), CVE-2021-45071
    (odoo/odoo#107697): the web client escapes record, channel and file names in dialogs,
    notifications and file lists.

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
