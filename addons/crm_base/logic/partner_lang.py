"""The language a new contact gets when nobody chose one.

Odoo gives a new contact the language of whoever creates it (the context's),
and none over XML-RPC or an import without one: a French customer then got
the quote page and the emails in English. The rule here, on plain values:

1. an address in France (overseas departments and territories included) or
   Monaco: French, when French is installed;
2. else the language of the contact's company (its parent), when installed;
3. else the language of our company (the one of the database), when installed;
4. else None: Odoo's own default applies.
"""

# ISO codes of France, its overseas departments, regions and territories, and Monaco
FRENCH_ADDRESS_COUNTRIES = frozenset([
    "FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "WF", "PF", "NC", "TF", "MC",
])
FRENCH = "fr_FR"


def default_lang(country_code, installed, parent_lang=None, company_lang=None):
    """The language code for a new contact (see the module's rule), or None.

    ``country_code``: ISO code of its address (its own, else its parent's);
    ``installed``: the codes of the installed languages."""
    if (country_code or "").upper() in FRENCH_ADDRESS_COUNTRIES and FRENCH in installed:
        return FRENCH
    for lang in (parent_lang, company_lang):
        if lang and lang in installed:
            return lang
    return None
