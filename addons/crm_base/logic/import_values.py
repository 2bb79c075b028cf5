"""Turn the text cells of an imported row into contact values, or errors.

``convert_row`` takes the mapping (one target key or None per column, see
import_mapping), the cells, and lookup tables built by the wizard from the
database (countries, states, legal forms); it returns the partner values and
a list of ``(column index, error code)``. The wizard writes each code as a
sentence in the user's language (``ERROR_CODES`` lists them).
"""
import datetime
import re

from . import siren as siren_logic
from .dedup import simplify

ERROR_CODES = (
    "name_required", "email", "date", "siren", "siret", "siret_siren", "naf",
    "country", "state", "legal_form",
)

_EMAIL = re.compile(r"^[^@\s,;<>()\[\]\\\"]+@[^@\s,;<>()\[\]\\\"]+\.[a-z0-9-]{2,}$", re.I)
_NAF = re.compile(r"^(\d{2})\.?(\d{2})\s*([A-Za-z])$")
_DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%Y/%m/%d", "%d/%m/%y",
                 "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M")

# French (and a few usual) names of countries -> ISO code, so that "Belgique",
# "Allemagne" or "Royaume-Uni" are found whatever languages the database has.
COUNTRY_ALIASES = {
    "france": "fr", "france metropolitaine": "fr", "belgique": "be", "suisse": "ch",
    "luxembourg": "lu", "monaco": "mc", "allemagne": "de", "espagne": "es", "italie": "it",
    "portugal": "pt", "royaume uni": "gb", "angleterre": "gb", "grande bretagne": "gb",
    "uk": "gb", "irlande": "ie", "pays bas": "nl", "hollande": "nl", "autriche": "at",
    "pologne": "pl", "suede": "se", "norvege": "no", "danemark": "dk", "finlande": "fi",
    "grece": "gr", "tchequie": "cz", "republique tcheque": "cz", "roumanie": "ro",
    "hongrie": "hu", "bulgarie": "bg", "croatie": "hr", "slovenie": "si", "slovaquie": "sk",
    "estonie": "ee", "lettonie": "lv", "lituanie": "lt", "chypre": "cy", "malte": "mt",
    "islande": "is", "etats unis": "us", "etats unis d amerique": "us", "usa": "us",
    "canada": "ca", "mexique": "mx", "bresil": "br", "argentine": "ar", "chili": "cl",
    "maroc": "ma", "algerie": "dz", "tunisie": "tn", "senegal": "sn", "cote d ivoire": "ci",
    "cameroun": "cm", "mali": "ml", "madagascar": "mg", "liban": "lb", "egypte": "eg",
    "afrique du sud": "za", "chine": "cn", "japon": "jp", "inde": "in", "coree du sud": "kr",
    "australie": "au", "nouvelle zelande": "nz", "russie": "ru", "turquie": "tr",
    "israel": "il", "emirats arabes unis": "ae", "singapour": "sg",
}

# legal form keys of res.partner.legal_form and their usual French spellings
LEGAL_FORM_ALIASES = {
    "entreprise individuelle": "ei", "ei": "ei", "eirl": "ei",
    "micro entreprise": "micro", "auto entrepreneur": "micro", "micro entrepreneur": "micro",
    "auto entreprise": "micro",
    "eurl": "eurl", "entreprise unipersonnelle a responsabilite limitee": "eurl",
    "sarl": "sarl", "societe a responsabilite limitee": "sarl",
    "sasu": "sasu", "societe par actions simplifiee unipersonnelle": "sasu",
    "sas": "sas", "societe par actions simplifiee": "sas",
    "sa": "sa", "societe anonyme": "sa",
    "snc": "snc", "societe en nom collectif": "snc",
    "sci": "sci", "societe civile immobiliere": "sci",
    "scop": "scop", "societe cooperative et participative": "scop",
    "societe cooperative ouvriere de production": "scop",
    "association": "association", "association loi 1901": "association",
    "public": "public", "etablissement public": "public", "collectivite": "public",
    "collectivite territoriale": "public", "administration": "public",
    "other": "other", "autre": "other",
}

TEXT_FIELDS = ("phone", "mobile", "street", "street2", "zip", "city", "website", "ref",
               "function", "comment")


def lookup_key(text):
    """How countries, states and legal forms are looked up: simplified text."""
    return simplify(text)


def parse_email(text):
    email = text.strip()
    if email.lower().startswith("mailto:"):
        email = email[7:]
    return email if _EMAIL.match(email) else None


def parse_date(text):
    """ISO date ('2024-03-31') from French or ISO dates, or None."""
    text = text.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def parse_naf(text):
    match = _NAF.match(text.strip())
    if not match:
        return None
    return "%s.%s%s" % (match.group(1), match.group(2), match.group(3).upper())


def compose_name(first, last):
    return " ".join(p for p in (first.strip(), last.strip()) if p)


def convert_row(mapping, cells, is_company, lookups):
    """(values, errors) for one row.

    ``lookups``: {"countries": {key: id}, "states": {(country_id or None, key): id},
    "legal_forms": {key: selection key}}. ``values`` holds res.partner fields,
    plus ``parent_name`` for a person's company.
    """
    raw = {}
    index_of = {}
    for i, target in enumerate(mapping):
        if target and i < len(cells):
            raw[target] = cells[i]
            index_of[target] = i
    values = {"is_company": bool(is_company)}
    errors = []

    def err(target, code):
        errors.append((index_of.get(target, -1), code))

    name = raw.get("name", "").strip()
    if not name and not is_company:
        name = compose_name(raw.get("first_name", ""), raw.get("last_name", ""))
    if not name:
        # point at the column the user would fill
        err(next((t for t in ("name", "last_name", "first_name") if t in index_of), "name"),
            "name_required")
    values["name"] = name

    for field in TEXT_FIELDS:
        text = raw.get(field, "").strip()
        if text:
            values[field] = text

    if raw.get("email", "").strip():
        email = parse_email(raw["email"])
        if email:
            values["email"] = email
        else:
            err("email", "email")

    if raw.get("date", "").strip():
        date = parse_date(raw["date"])
        if date:
            values["date"] = date
        else:
            err("date", "date")

    if raw.get("vat", "").strip():
        values["vat"] = re.sub(r"[\s.\-]", "", raw["vat"]).upper()

    if is_company:
        siren = siren_logic.normalize(raw.get("siren", ""))
        siret = siren_logic.normalize(raw.get("siret", ""))
        if siren:
            if siren_logic.is_valid_siren(siren):
                values["siren"] = siren
            else:
                err("siren", "siren")
        if siret:
            if not siren_logic.is_valid_siret(siret):
                err("siret", "siret")
            elif siren and siret[:9] != siren:
                err("siret", "siret_siren")
            else:
                values["siret"] = siret
                values.setdefault("siren", siret[:9])
        if raw.get("naf_code", "").strip():
            naf = parse_naf(raw["naf_code"])
            if naf:
                values["naf_code"] = naf
            else:
                err("naf_code", "naf")
        if raw.get("legal_form", "").strip():
            form = lookups.get("legal_forms", {}).get(lookup_key(raw["legal_form"]))
            if form:
                values["legal_form"] = form
            else:
                err("legal_form", "legal_form")
    else:
        if raw.get("parent_name", "").strip():
            values["parent_name"] = raw["parent_name"].strip()

    country_id = None
    if raw.get("country", "").strip():
        country_id = lookups.get("countries", {}).get(lookup_key(raw["country"]))
        if country_id:
            values["country_id"] = country_id
        else:
            err("country", "country")
    if raw.get("state", "").strip():
        key = lookup_key(raw["state"])
        states = lookups.get("states", {})
        state_id = states.get((country_id, key)) or (not country_id and states.get((None, key)))
        if state_id:
            values["state_id"] = state_id
        else:
            err("state", "state")
    return values, errors
