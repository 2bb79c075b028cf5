# -*- coding: utf-8 -*-
"""French legal identifiers: VAT number (TVA intracommunautaire), SIREN."""
from stdnum.fr import siren as stdnum_siren
from stdnum.fr import tva as stdnum_tva


def is_valid_fr_vat_number(number):
    """True for a valid French VAT number, given without its "FR" prefix (as
    base_vat's ``check_vat_fr`` receives it) or with it; spaces allowed."""
    number = (number or "").replace(" ", "").replace(".", "").upper()
    if number.startswith("FR"):
        number = number[2:]
    return stdnum_tva.is_valid(number)


def vat_number_from_siren(siren):
    """The French VAT number of a company from its SIREN ("FR" + key + SIREN)."""
    siren = "".join(ch for ch in (siren or "") if ch.isdigit())
    if not stdnum_siren.is_valid(siren):
        return False
    return "FR" + stdnum_siren.to_tva(siren)
