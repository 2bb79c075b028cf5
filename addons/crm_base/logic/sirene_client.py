"""Client of the French administration's company-search API (no key).

"API Recherche d'entreprises", https://recherche-entreprises.api.gouv.fr:
``GET /search?q=<name, SIREN or SIRET>&page=1&per_page=10`` answers

    {"results": [{"siren": "...", "nom_complet": "...", "nom_raison_sociale": "...",
                  "nature_juridique": "5710", "activite_principale": "62.01Z",
                  "tranche_effectif_salarie": "12", "date_creation": "2015-03-02",
                  "etat_administratif": "A",
                  "siege": {"siret": "...", "numero_voie": "9", "type_voie": "RUE",
                            "libelle_voie": "...", "code_postal": "75015",
                            "libelle_commune": "PARIS", ...},
                  "matching_etablissements": [{...same keys as siege...}]}],
     "total_results": 1, "page": 1, "per_page": 10, "total_pages": 1}

and ``400 {"erreur": "..."}`` for a bad query, 429 above 7 requests a second.

Plain Python (no odoo import): the model turns the exceptions below into
translated messages. Every failure of the service is a ``SireneError``.
"""
import datetime
import re

import requests

DEFAULT_BASE_URL = "https://recherche-entreprises.api.gouv.fr"
DEFAULT_TIMEOUT = 10.0
MIN_QUERY_LENGTH = 3  # the API refuses shorter queries with a 400


class SireneError(Exception):
    """The lookup failed; ``detail`` says why, for the logs."""

    def __init__(self, detail=""):
        super(SireneError, self).__init__(detail)
        self.detail = detail


class SireneQueryTooShort(SireneError):
    pass


class SireneTimeout(SireneError):
    pass


class SireneUnreachable(SireneError):
    """Connection refused, unknown host, TLS failure..."""


class SireneRateLimited(SireneError):
    pass


class SireneServerError(SireneError):
    def __init__(self, status, detail=""):
        super(SireneServerError, self).__init__(detail or "HTTP %s" % status)
        self.status = status


class SireneBadQuery(SireneError):
    """The API refused the query (HTTP 400): ``detail`` is its own message."""


class SireneBadResponse(SireneError):
    """Not JSON, or JSON without the expected shape."""


# INSEE "catégories juridiques" (level III, 4 digits) -> our legal_form keys.
# 5498 (SARL unipersonnelle) and 5720 (SAS à associé unique) are no longer
# assigned by INSEE (EURL and SASU now carry 5499 and 5710) but older units
# still have them.
_LEGAL_FORM_EXACT = {
    "1000": "ei",
    "5202": "snc", "5203": "snc",
    "5458": "scop", "5558": "scop", "5658": "scop",
    "5498": "eurl",
    "5720": "sasu",
    "6540": "sci", "6541": "sci",
}
_LEGAL_FORM_PREFIX = (
    ("54", "sarl"),         # 5410-5499: SARL in all their variants (SELARL 5485...)
    ("55", "sa"),           # SA à conseil d'administration
    ("56", "sa"),           # SA à directoire
    ("57", "sas"),          # SAS, SELAS
    ("92", "association"),  # associations loi 1901 and similar
    ("4", "public"),        # public bodies under commercial law (EPIC...)
    ("7", "public"),        # State, local authorities, public establishments
)


def legal_form_from_nature(code):
    """'5710' -> 'sas'; unknown or empty codes -> 'other' / False."""
    code = (code or "").strip()
    if not code:
        return False
    if code in _LEGAL_FORM_EXACT:
        return _LEGAL_FORM_EXACT[code]
    for prefix, form in _LEGAL_FORM_PREFIX:
        if code.startswith(prefix):
            return form
    return "other"


# INSEE "tranches d'effectif salarié": code -> (min, max) employees, max None = no limit
HEADCOUNT_RANGES = {
    "NN": (0, 0), "00": (0, 0),
    "01": (1, 2), "02": (3, 5), "03": (6, 9),
    "11": (10, 19), "12": (20, 49),
    "21": (50, 99), "22": (100, 199),
    "31": (200, 249), "32": (250, 499),
    "41": (500, 999), "42": (1000, 1999),
    "51": (2000, 4999), "52": (5000, 9999), "53": (10000, None),
}


def headcount_range(code):
    """'12' -> (20, 49); unknown or empty -> None."""
    return HEADCOUNT_RANGES.get((code or "").strip())


# INSEE abbreviations of street types, spelled out as the post office does
STREET_TYPES = {
    "ALL": "ALLEE", "AV": "AVENUE", "BD": "BOULEVARD", "CAR": "CARREFOUR",
    "CHE": "CHEMIN", "CHS": "CHAUSSEE", "CITE": "CITE", "COR": "CORNICHE",
    "CRS": "COURS", "DOM": "DOMAINE", "DSC": "DESCENTE", "ECA": "ECART",
    "ESP": "ESPLANADE", "FG": "FAUBOURG", "GR": "GRANDE RUE", "HAM": "HAMEAU",
    "HLE": "HALLE", "IMP": "IMPASSE", "LD": "LIEU-DIT", "LOT": "LOTISSEMENT",
    "MAR": "MARCHE", "MTE": "MONTEE", "PARV": "PARVIS", "PAS": "PASSAGE",
    "PASS": "PASSAGE", "PL": "PLACE", "PLN": "PLAINE", "PLT": "PLATEAU",
    "PRO": "PROMENADE", "PROM": "PROMENADE", "PRV": "PARVIS", "QUA": "QUARTIER",
    "QUAI": "QUAI", "RES": "RESIDENCE", "RLE": "RUELLE", "ROC": "ROCADE",
    "RPT": "ROND-POINT", "RTE": "ROUTE", "RUE": "RUE", "SEN": "SENTIER",
    "SQ": "SQUARE", "TPL": "TERRE-PLEIN", "TRA": "TRAVERSE", "VLA": "VILLA",
    "VLGE": "VILLAGE", "VOIE": "VOIE", "ZA": "ZA", "ZAC": "ZAC", "ZI": "ZI",
}
REPETITION_INDEX = {"B": "BIS", "T": "TER", "Q": "QUATER", "C": "QUINQUIES"}


def street_line(etab):
    """'9', 'B', 'AV', 'DES CHAMPS' -> '9 BIS AVENUE DES CHAMPS'."""
    type_voie = (etab.get("type_voie") or "").strip()
    parts = [
        (etab.get("numero_voie") or "").strip(),
        REPETITION_INDEX.get((etab.get("indice_repetition") or "").strip().upper(),
                             (etab.get("indice_repetition") or "").strip()),
        STREET_TYPES.get(type_voie.upper(), type_voie),
        (etab.get("libelle_voie") or "").strip(),
    ]
    line = " ".join(p for p in parts if p)
    if not line and etab.get("adresse"):
        # newer answers also give the whole address in one string: keep what
        # comes before the postcode
        line = re.split(r"\s\d{5}\s", " %s " % etab["adresse"])[0].strip()
    return line


def _parse_date(value):
    if not value:
        return None
    try:
        return datetime.datetime.strptime(value[:10], "%Y-%m-%d").date()
    except (TypeError, ValueError):
        return None


def normalize_query(query):
    """A SIREN/SIRET typed with spaces becomes digits; a name is stripped."""
    query = (query or "").strip()
    digits = re.sub(r"[\s.\-]", "", query)
    if digits.isdigit() and len(digits) in (9, 14):
        return digits
    return re.sub(r"\s+", " ", query)


def company_from_result(result, query=""):
    """One result of /search -> a flat dict in our terms.

    When the query is a SIRET, the establishment with that SIRET (in
    ``matching_etablissements``) gives the address instead of the head office.
    """
    if not isinstance(result, dict) or not result.get("siren"):
        raise SireneBadResponse("result without siren: %r" % (result,))
    etab = result.get("siege") or {}
    if len(query) == 14 and query.isdigit():
        for match in result.get("matching_etablissements") or []:
            if isinstance(match, dict) and match.get("siret") == query:
                etab = match
                break
    country_code = etab.get("code_pays_etranger")
    nature = result.get("nature_juridique") or ""
    tranche = result.get("tranche_effectif_salarie") or ""
    state = result.get("etat_administratif") or etab.get("etat_administratif") or ""
    return {
        "siren": result["siren"],
        "siret": etab.get("siret") or "",
        "name": (result.get("nom_raison_sociale") or result.get("nom_complet") or "").strip(),
        "street": street_line(etab),
        "street2": (etab.get("complement_adresse") or "").strip(),
        "zip": (etab.get("code_postal") or "").strip(),
        "city": (etab.get("libelle_commune") or etab.get("libelle_commune_etranger") or "").strip(),
        "foreign_country": etab.get("libelle_pays_etranger") if country_code else "",
        "naf_code": (result.get("activite_principale") or etab.get("activite_principale")
                     or "").strip(),
        "nature_juridique": nature,
        "legal_form": legal_form_from_nature(nature),
        "headcount_code": tranche,
        "creation_date": _parse_date(result.get("date_creation")),
        "active": state != "C",
    }


class SireneClient(object):
    """``SireneClient(base_url, timeout).search('Danone')`` -> list of companies."""

    def __init__(self, base_url=DEFAULT_BASE_URL, timeout=DEFAULT_TIMEOUT, session=None):
        self.base_url = (base_url or DEFAULT_BASE_URL).rstrip("/")
        self.timeout = timeout or DEFAULT_TIMEOUT
        self.session = session or requests

    def search(self, query, per_page=10, page=1):
        query = normalize_query(query)
        if len(query) < MIN_QUERY_LENGTH:
            raise SireneQueryTooShort(query)
        data = self._get("/search", {"q": query, "page": page, "per_page": per_page})
        results = data.get("results") if isinstance(data, dict) else None
        if not isinstance(results, list):
            raise SireneBadResponse("no 'results' list in the answer")
        return [company_from_result(result, query) for result in results]

    def _get(self, path, params):
        url = self.base_url + path
        try:
            response = self.session.get(
                url, params=params, timeout=self.timeout,
                headers={"Accept": "application/json"})
        except requests.exceptions.Timeout as e:
            raise SireneTimeout(str(e))
        except requests.exceptions.RequestException as e:
            raise SireneUnreachable(str(e))
        if response.status_code == 429:
            raise SireneRateLimited("HTTP 429")
        if response.status_code == 400:
            try:
                detail = response.json().get("erreur") or ""
            except (ValueError, AttributeError):
                detail = ""
            raise SireneBadQuery(detail)
        if response.status_code != 200:
            raise SireneServerError(response.status_code)
        try:
            return response.json()
        except ValueError as e:
            raise SireneBadResponse("invalid JSON: %s" % e)
