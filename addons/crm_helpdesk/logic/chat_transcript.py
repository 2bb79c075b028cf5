# -*- coding: utf-8 -*-
"""A live chat session as the description of a ticket: who wrote what, when.

Plain Python: the model gives each message as ``(author, when, text)`` with
the text already reduced to plain text; everything is HTML-escaped here, so
a visitor's ``<script>`` is shown, never run."""
import html
import re

EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
MAX_TITLE = 120


def transcript_html(lines, heading=None):
    """``lines``: [(author, when, text)] in order. An HTML table-free list."""
    parts = []
    if heading:
        parts.append("<p><strong>%s</strong></p>" % html.escape(heading))
    parts.append('<ul class="o_crm_chat_transcript">')
    for author, when, text in lines:
        body = "<br/>".join(html.escape(line) for line in (text or "").strip().splitlines())
        parts.append("<li><strong>%s</strong> <small>%s</small><br/>%s</li>" % (
            html.escape(author or "?"), html.escape(when or ""), body))
    parts.append("</ul>")
    return "".join(parts)


def find_email(texts):
    """The first e-mail address the visitor typed, lower-cased, or None."""
    for text in texts:
        match = EMAIL_RE.search(text or "")
        if match:
            return match.group(0).strip(".").lower()
    return None


def ticket_title(command_text, visitor_texts, fallback):
    """The ticket's subject: what the operator typed after /ticket, else the
    visitor's first line, else ``fallback``; one line, at most MAX_TITLE."""
    title = (command_text or "").strip()
    if not title:
        title = next((t.strip() for t in visitor_texts if (t or "").strip()), "")
    title = " ".join(title.split())
    if not title:
        return fallback
    return title if len(title) <= MAX_TITLE else title[:MAX_TITLE - 1].rstrip() + "…"
