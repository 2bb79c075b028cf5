# -*- coding: utf-8 -*-
"""What the helpdesk reads in an inbound mail, without Odoo.

- the ticket numbers written in a subject ("[TK-00042]", "TK-00042");
- the subject of a thread, without the "Re:", "TR:", "Fwd:" prefixes mail
  clients add (French and English ones), to match a reply that lost its
  headers to the ticket of the same sender;
- which attachments a ticket keeps: forbidden types (executables, scripts)
  and everything past a size budget are dropped, with the reason, so that
  the ticket can say what was dropped;
- the merge of a canned reply's fields ("{first_name}", "{ticket_number}").
"""
import html
import re

# "[TK-00042]" or a bare "TK-00042" as a word of its own
_NUMBER_RE = re.compile(r"(?<![\w-])(TK-\d{3,9})(?![\w-])", re.IGNORECASE)
# Re:, RE :, Fwd:, Fw:, TR:, Réf:, AW:, WG:, possibly repeated or numbered (Re[2]:)
_PREFIX_RE = re.compile(r"^\s*(?:(?:re|fwd?|tr|r[ée]f|aw|wg|sv|vs)\s*(?:\[\d+\])?\s*:\s*)+",
                        re.IGNORECASE)
_SPACES_RE = re.compile(r"\s+")

FORBIDDEN_EXTENSIONS = frozenset("""
    exe com bat cmd scr pif msi msp jar js jse vbs vbe wsf wsh ps1 psm1 hta cpl lnk reg
    dll sys app dmg iso sh
""".split())
FORBIDDEN_MIMETYPES = frozenset([
    "application/x-msdownload", "application/x-dosexec", "application/x-msdos-program",
    "application/x-sh", "application/javascript", "application/x-ms-installer",
])


def ticket_numbers(subject):
    """Ticket numbers in a subject, upper-cased, in order, each once."""
    found = []
    for match in _NUMBER_RE.finditer(str(subject or "")):
        number = match.group(1).upper()
        if number not in found:
            found.append(number)
    return found


def thread_subject(subject):
    """The subject as the thread's first mail had it: reply/forward prefixes
    and the ticket number removed, spaces collapsed, lower-cased."""
    subject = str(subject or "")
    previous = None
    while previous != subject:
        previous = subject
        subject = _PREFIX_RE.sub("", subject)
        subject = re.sub(r"^\s*\[\s*TK-\d+\s*\]\s*", "", subject, flags=re.IGNORECASE)
    return _SPACES_RE.sub(" ", subject).strip().lower()


def with_number(subject, number):
    """``subject`` with "[number] " in front unless the number is already in it."""
    subject = str(subject or "")
    if not number or number.upper() in ticket_numbers(subject):
        return subject
    return ("[%s] %s" % (number, subject)).strip()


def _extension(name):
    name = str(name or "").strip().lower().rstrip(".")
    return name.rsplit(".", 1)[1] if "." in name else ""


def forbidden_type(name, mimetype=None):
    """True for an attachment a support team must not receive (programs, scripts)."""
    return _extension(name) in FORBIDDEN_EXTENSIONS or \
        (mimetype or "").lower() in FORBIDDEN_MIMETYPES


def filter_attachments(attachments, max_total_bytes):
    """Split ``attachments`` — (name, size in bytes, mimetype or None) —
    into (kept indexes, dropped [(name, reason)]). Reasons: 'type'
    (forbidden type), 'size' (the ticket's budget for one mail is spent;
    attachments are taken in order, so the first ones are kept)."""
    kept, dropped, total = [], [], 0
    for index, (name, size, mimetype) in enumerate(attachments):
        if forbidden_type(name, mimetype):
            dropped.append((name, "type"))
        elif max_total_bytes and total + (size or 0) > max_total_bytes:
            dropped.append((name, "size"))
        else:
            total += size or 0
            kept.append(index)
    return kept, dropped


_FIELD_RE = re.compile(r"\{\s*([a-z_]+)\s*\}")


def first_name(name):
    """First word of a person's name ("Marie-Hélène Dupont" -> "Marie-Hélène");
    empty for no name."""
    words = str(name or "").replace(",", " ").split()
    return words[0] if words else ""


def merge_fields(body_html, values):
    """Replace "{field}" in a canned reply's HTML by the HTML-escaped value;
    unknown fields are left as typed, so that the agent sees them."""
    def replace(match):
        key = match.group(1)
        if key not in values:
            return match.group(0)
        return html.escape(str(values[key] or ""))
    return _FIELD_RE.sub(replace, str(body_html or ""))
