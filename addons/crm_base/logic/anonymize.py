# -*- coding: utf-8 -*-
"""Anonymized replacements for the RGPD erasure (no odoo import).

The models pass the translated labels; the French ones are the defaults, as
the suite is French first.
"""
import re

ANONYMOUS_NAME = "Contact anonymisé #%s"
ERASED_CONTENT = "[contenu effacé – RGPD]"
ERASED_EMAIL = "[email effacé]"
ERASED_PHONE = "[téléphone effacé]"

# local@domain.tld, as people type them in messages and notes
EMAIL_RE = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+"
                      r"@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")

# French numbers (06 12 34 56 78, 06.12.34.56.78, 0612345678, +33 6 12 34 56 78,
# +33 (0)6 ..., 0033 6 ...) and other international numbers written with a +
PHONE_RE = re.compile(
    r"(?<![\w+])(?:"
    r"(?:(?:\+|00)33[\s.\-]?(?:\(0\)[\s.\-]?)?|0)[1-9](?:[\s.\-]?\d{2}){4}"
    r"|\+(?:\d[\s.\-()]{0,2}){8,14}\d"
    r")(?!\w)")

# dates (01/02/2023) and amounts look like numbers too: the phone pattern
# above needs a leading 0 or + and 10 digits, which they do not have


def anonymous_name(partner_id, label=ANONYMOUS_NAME):
    """The name an erased contact keeps: "Contact anonymisé #123"."""
    return label % (partner_id,)


def digits(value):
    return re.sub(r"\D", "", value or "")


def split_emails(value):
    """The addresses in an email field ("a@x.fr, Jean <b@y.fr>")."""
    return EMAIL_RE.findall(value or "")


def name_variants(name):
    """The ways a person's name appears in text: as typed, and first and last
    name swapped ("Jean Dupont" / "Dupont Jean"). A single word (a first name
    alone) is too common to be replaced everywhere: it is kept only when it is
    the whole name."""
    words = (name or "").split()
    if not words:
        return []
    variants = [" ".join(words)]
    if len(words) >= 2:
        variants.append(" ".join(words[-1:] + words[:-1]))
        variants.append(" ".join(words[1:] + words[:1]))
    seen, result = set(), []
    for variant in variants:
        if variant.lower() not in seen:
            seen.add(variant.lower())
            result.append(variant)
    # longest first: "Jean-Pierre Dupont" before "Dupont"
    return sorted(result, key=len, reverse=True)


def replace_names(text, names, replacement):
    """``text`` with every name of ``names`` (any case, any spacing between
    words) replaced by ``replacement``."""
    if not text:
        return text
    for name in names:
        words = [re.escape(word) for word in (name or "").split()]
        if not words:
            continue
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)
        text = pattern.sub(lambda match: replacement, text)
    return text


def scrub_text(text, names=(), replacement_name=None, email_label=ERASED_EMAIL,
               phone_label=ERASED_PHONE):
    """``text`` without personal data: the person's names replaced by
    ``replacement_name`` and every email address and phone number replaced
    by a label. Other text is kept, so a meeting's agenda stays readable."""
    if not text:
        return text
    if names and replacement_name is not None:
        text = replace_names(text, names, replacement_name)
    text = EMAIL_RE.sub(lambda match: email_label, text)
    text = PHONE_RE.sub(lambda match: phone_label, text)
    return text


def contains_personal_data(text, names=(), emails=(), phones=()):
    """True when ``text`` shows one of the person's names, emails or phone
    numbers (phone numbers compared on their digits)."""
    if not text:
        return False
    lowered = text.lower()
    if any(email and email.lower() in lowered for email in emails):
        return True
    if names and replace_names(text, names, "\x00") != text:
        return True
    text_digits = digits(text)
    return any(len(digits(phone)) >= 6 and digits(phone)[-9:] in text_digits for phone in phones)
