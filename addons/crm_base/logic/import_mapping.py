"""Guess which contact field each column of an imported file holds.

Headers are compared once simplified (lower-case, no accents, punctuation
as spaces, a leading "N°"/"Numéro" dropped) with French and English names
of each target; an exact match wins, else the longest name whose words all
appear in the header ("Téléphone portable pro" -> mobile). Each target is
given to one column only: the first that matches.

Targets are keys, not Odoo fields: ``first_name``/``last_name`` are joined
into the name of a person and ``parent_name`` is the company a person works
for. The wizard turns them into partner values.
"""
from .dedup import simplify

# target -> (applies to companies, applies to people)
TARGETS = {
    "name": (True, True),
    "first_name": (False, True),
    "last_name": (False, True),
    "parent_name": (False, True),
    "function": (False, True),
    "email": (True, True),
    "phone": (True, True),
    "mobile": (True, True),
    "street": (True, True),
    "street2": (True, True),
    "zip": (True, True),
    "city": (True, True),
    "state": (True, True),
    "country": (True, True),
    "website": (True, True),
    "vat": (True, True),
    "siren": (True, False),
    "siret": (True, False),
    "naf_code": (True, False),
    "legal_form": (True, False),
    "ref": (True, True),
    "date": (True, True),
    "comment": (True, True),
}

SYNONYMS = {
    # a person's name; a company's adds COMPANY_NAMES
    "name": ["name", "nom", "full name", "nom complet", "contact", "display name",
             "nom et prenom", "prenom et nom"],
    "first_name": ["prenom", "first name", "firstname", "given name", "forename"],
    "last_name": ["nom de famille", "last name", "lastname", "surname", "family name",
                  "nom de naissance"],
    "parent_name": ["societe", "entreprise", "company", "organisation", "organization",
                    "employeur", "employer", "raison sociale", "structure", "account",
                    "compte", "etablissement"],
    "function": ["fonction", "poste", "intitule du poste", "titre du poste", "job",
                 "job title", "job position", "position", "role"],
    "email": ["email", "e mail", "mail", "courriel", "adresse email", "adresse e mail",
              "adresse mail", "email address", "e mail address", "adresse electronique"],
    "phone": ["telephone", "tel", "phone", "telephone fixe", "phone number",
              "numero de telephone", "tel fixe", "work phone", "standard"],
    "mobile": ["mobile", "portable", "telephone portable", "tel portable", "telephone mobile",
               "tel mobile", "gsm", "cell", "cell phone", "mobile phone", "cellulaire"],
    "street": ["adresse", "rue", "address", "street", "adresse 1", "adresse ligne 1",
               "address 1", "address line 1", "street 1", "voie", "adresse postale"],
    "street2": ["adresse 2", "adresse ligne 2", "complement", "complement d adresse",
                "address 2", "address line 2", "street 2", "street2"],
    "zip": ["code postal", "cp", "zip", "zip code", "postal code", "postcode"],
    "city": ["ville", "commune", "city", "town", "localite", "locality"],
    "state": ["etat", "province", "state", "region state", "county"],
    "country": ["pays", "country", "country name", "code pays", "country code"],
    "website": ["site", "site web", "site internet", "website", "web", "url", "web site"],
    "vat": ["tva", "tva intracommunautaire", "numero de tva", "vat", "vat number", "tax id",
            "n tva intracommunautaire", "identifiant tva"],
    "siren": ["siren"],
    "siret": ["siret"],
    "naf_code": ["naf", "ape", "code naf", "code ape", "naf ape", "ape naf", "activite naf",
                 "naf code", "ape code"],
    "legal_form": ["forme juridique", "statut juridique", "legal form", "legal status",
                   "forme"],
    "ref": ["reference", "ref", "code client", "numero client", "customer code",
            "internal reference", "id client", "client id"],
    "date": ["date", "date de creation", "creation date"],
    "comment": ["notes", "note", "commentaire", "commentaires", "comment", "comments",
                "remarques", "remarque", "observations", "description"],
}

COMPANY_NAMES = ["name", "nom", "raison sociale", "denomination", "denomination sociale",
                 "nom de l entreprise", "nom de la societe", "nom entreprise", "nom societe",
                 "company name", "company", "societe", "entreprise", "organisation",
                 "organization", "etablissement", "display name", "nom commercial",
                 "enseigne"]

_NUMBER_WORDS = {"n", "no", "nr", "num", "numero", "number"}


def targets_for(is_company):
    return [t for t, (company, person) in TARGETS.items() if (company if is_company else person)]


def normalize_header(header):
    words = simplify(header).split()
    while len(words) > 1 and words[0] in _NUMBER_WORDS:
        words = words[1:]
    return " ".join(words)


def _candidates(is_company):
    allowed = set(targets_for(is_company))
    out = []
    for target, names in SYNONYMS.items():
        if target not in allowed:
            continue
        # a company's "Société" column is its name; a person's, their employer
        if is_company and target == "name":
            names = COMPANY_NAMES
        for name in names:
            out.append((name, target))
    return out


def guess_target(header, is_company, candidates=None):
    key = normalize_header(header)
    if not key:
        return None
    candidates = candidates or _candidates(is_company)
    for name, target in candidates:
        if name == key:
            return target
    words = set(key.split())
    best = None
    for name, target in candidates:
        name_words = name.split()
        if set(name_words) <= words and (best is None or len(name_words) > best[0]):
            best = (len(name_words), target)
    return best[1] if best else None


def guess_mapping(headers, is_company):
    """One target key (or None) per header; a target is used once."""
    candidates = _candidates(is_company)
    guessed = [guess_target(h, is_company, candidates) for h in headers]
    used, mapping = set(), []
    for target in guessed:
        if target in used:
            target = None
        if target:
            used.add(target)
        mapping.append(target)
    # people: "Nom" next to a "Prénom" column is the last name
    if not is_company and "first_name" in used and "last_name" not in used:
        for i, target in enumerate(mapping):
            if target == "name" and normalize_header(headers[i]) in ("nom", "name"):
                mapping[i] = "last_name"
    return mapping
