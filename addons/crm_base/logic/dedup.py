"""Duplicate keys for contacts: two contacts with the same key are the same.

- email: trimmed, lower-case ("Jean.Dupont@Exemple.FR " -> "jean.dupont@exemple.fr");
- SIRET: its 14 digits;
- name + city: lower-case, accents stripped, legal-form words (SAS, SARL,
  S.A., ...) dropped, punctuation collapsed to single spaces; the city the
  same way, without "Cedex" and its number.

Each function returns ``None`` when the contact has no key for that rule, so
contacts without an email are never duplicates "by email" of one another.
"""
import re
import unicodedata

RULES = ("email", "siret", "name_city")

# Legal forms written as words in company names, compared after
# normalization (so "S.A.S." and "s.a.s" are both "s a s" -> handled below).
LEGAL_FORM_WORDS = {
    "sa", "sas", "sasu", "sarl", "eurl", "sarlu", "snc", "sci", "scop", "scp",
    "sca", "scs", "sel", "selarl", "selas", "gie", "ei", "eirl", "earl", "gaec",
    "scea", "sem", "spa", "srl", "gmbh", "ag", "ltd", "llc", "inc", "bv", "nv",
    "cie", "et",  # "et Cie" / "& Cie"
    "ste", "societe",
}

_PUNCT = re.compile(r"[^0-9a-z]+")
_CEDEX = re.compile(r"\bcedex\b(\s*\d+)?")


def strip_accents(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def simplify(text):
    """Lower-case ASCII words separated by single spaces."""
    text = strip_accents(text or "").lower().replace("\u0153", "oe").replace("\u00e6", "ae")
    return _PUNCT.sub(" ", text).strip()


def _join_initials(words):
    """["s", "a", "s", "dupont"] -> ["sas", "dupont"]: dotted forms like S.A.S."""
    out, run = [], []
    for word in words + [None]:
        if word is not None and len(word) == 1 and word.isalpha():
            run.append(word)
            continue
        if len(run) > 1:
            out.append("".join(run))
        else:
            out.extend(run)
        run = []
        if word is not None:
            out.append(word)
    return out


def normalize_name(name):
    words = _join_initials(simplify(name).split())
    kept = [w for w in words if w not in LEGAL_FORM_WORDS]
    # a name made only of legal-form words ("SAS") keeps them
    return " ".join(kept or words)


def normalize_city(city):
    text = _CEDEX.sub(" ", simplify(city))
    text = re.sub(r"\bst\b", "saint", text)
    text = re.sub(r"\bste\b", "sainte", text)
    return " ".join(text.split())


def email_key(email):
    email = (email or "").strip().lower()
    return email or None


def siret_key(siret):
    digits = re.sub(r"\D", "", siret or "")
    return digits if len(digits) == 14 else None


def name_city_key(name, city):
    name = normalize_name(name)
    if not name:
        return None
    return "%s|%s" % (name, normalize_city(city))


def key_for(rule, values):
    """The key of a contact (a dict with name, city, email, siret) under ``rule``."""
    if rule == "email":
        return email_key(values.get("email"))
    if rule == "siret":
        return siret_key(values.get("siret"))
    if rule == "name_city":
        return name_city_key(values.get("name"), values.get("city"))
    raise ValueError("unknown dedup rule %r" % rule)
