"""French company identifiers: SIREN (9 digits), SIRET (14 digits), VAT number.

Both carry a Luhn check digit. The one exception is La Poste, whose
thousands of establishments share the SIREN 356 000 000: their SIRET may
instead have a digit sum that is a multiple of 5 (INSEE rule).
"""
import re

LA_POSTE_SIREN = "356000000"


def normalize(value):
    """Digits only: '552 100 554' and '552-100-554' -> '552100554'."""
    return re.sub(r"[\s.\-]", "", value or "")


def luhn_valid(digits):
    if not digits.isdigit():
        return False
    total = 0
    for i, char in enumerate(reversed(digits)):
        n = int(char)
        if i % 2:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def luhn_digit(digits):
    """The check digit that makes ``digits + digit`` pass the Luhn check
    (to build valid identifiers: demo data, tests, benchmarks)."""
    total = 0
    for i, char in enumerate(reversed(digits + "0")):
        n = int(char)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return str((10 - total % 10) % 10)


def is_valid_siren(value):
    siren = normalize(value)
    return len(siren) == 9 and luhn_valid(siren)


def is_valid_siret(value):
    siret = normalize(value)
    if len(siret) != 14 or not siret.isdigit():
        return False
    if siret.startswith(LA_POSTE_SIREN) and sum(int(c) for c in siret) % 5 == 0:
        return True
    return luhn_valid(siret)


def vat_from_siren(value):
    """Intra-EU VAT number of a French company: FR + 2-digit key + SIREN."""
    siren = normalize(value)
    if not is_valid_siren(siren):
        return False
    key = (12 + 3 * (int(siren) % 97)) % 97
    return "FR%02d%s" % (key, siren)


def format_siren(value):
    """'552100554' -> '552 100 554'; SIRET -> '552 100 554 00013'."""
    digits = normalize(value)
    if len(digits) == 9:
        return "%s %s %s" % (digits[:3], digits[3:6], digits[6:])
    if len(digits) == 14:
        return "%s %s %s %s" % (digits[:3], digits[3:6], digits[6:9], digits[9:])
    return value
