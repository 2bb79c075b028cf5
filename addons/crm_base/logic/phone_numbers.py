# -*- coding: utf-8 -*-
"""Phone numbers as one comparable key, French-first.

``+33 6 12 34 56 78``, ``06 12 34 56 78``, ``0033 6 12 34 56 78``,
``+33 (0)6 12.34.56.78`` and ``+330612345678`` all give ``+33612345678``;
a number of another country keeps its own prefix (``+32 2 555 12 12`` gives
``+3225551212``). The key is what the contacts' stored, indexed lookup
columns hold (crm_base/models/res_partner_phone_lookup.py), so finding a
caller is one indexed query, whatever way the number was typed.
"""
import re

# a national French number: 0 then 9 digits (mobile, landline, 08, 09)
_FRENCH_NATIONAL = re.compile(r"^0(\d{9})$")
# at most 15 digits in an international number (ITU E.164)
_MAX_DIGITS = 15
_MIN_DIGITS = 6


def normalize(number, country_prefix="33"):
    """The key of ``number``, or ``None`` when it is not a phone number
    (empty, letters only, too short or too long).

    ``country_prefix`` is the calling code assumed for a national number
    starting with a single 0 (France by default)."""
    if not number:
        return None
    text = str(number).strip()
    # "+33 (0)6 ...": the trunk zero in brackets is not dialled from abroad
    text = re.sub(r"\(\s*0\s*\)", "", text)
    # an extension ("poste 12", "ext. 12", "x12") is not part of the line
    text = re.split(r"(?i)\b(?:poste|ext\.?|extension)\b|\s+x\s*\d", text)[0]
    international = text.lstrip().startswith("+")
    digits = re.sub(r"\D", "", text)
    if not international and digits.startswith("00"):
        international, digits = True, digits[2:]
    if international:
        if digits.startswith("33") and len(digits) == 12 and digits[2] == "0":
            digits = "33" + digits[3:]          # +33 0 6 12 34 56 78
        key = "+" + digits
    else:
        match = _FRENCH_NATIONAL.match(digits)
        if match and country_prefix:
            key = "+" + country_prefix + match.group(1)
        else:
            key = digits                        # a short or unknown number, as typed
    count = len(key.lstrip("+"))
    if count < _MIN_DIGITS or count > _MAX_DIGITS:
        return None
    return key


def same_number(first, second, country_prefix="33"):
    """Whether two typed numbers are the same line."""
    key = normalize(first, country_prefix)
    return bool(key) and key == normalize(second, country_prefix)
