# -*- coding: utf-8 -*-
"""The Factur-X (CII, EN 16931 profile) data of a customer invoice, from plain dicts.

The model (``models/account_invoice_facturx.py``) turns an invoice into the
plain ``invoice`` dict documented in :func:`cii_data`; this module turns it
into the BT-keyed dict of the ``factur-x`` library (BT-1 invoice number, BG-4
seller, ...), which :func:`generate_cii_xml` writes and checks against the XSD.

French rules carried here (BR-FR schematron of the e-invoicing reform, read in
``facturx/xsd_and_schematron/cii-schematron-fr-ctc``):

- type code (BT-3): 380 invoice, 386 deposit invoice, 381 credit note, which
  references the invoice it credits (BG-3, BT-25);
- invoicing framework (BT-23, "cadre de facturation"): B1/S1/M1 for goods,
  services or both; B4/S4/M4 for the final invoice after deposits, whose
  deposits are a prepaid amount (BT-113), not negative lines;
- notes PMT (the 40 euro recovery indemnity), PMD (late-payment penalties) and
  AAB (no discount for early payment);
- the SIREN as legal identifier (scheme 0002) and as electronic address
  (BT-34/BT-49, scheme 0225);
- amounts with two decimals.
"""
import datetime
from decimal import ROUND_HALF_UP, Decimal

from odoo.addons.crm_sales.logic.quote_totals import round_cent

EN16931_SPECIFICATION = "urn:cen.eu:en16931:2017"
TYPE_INVOICE = "380"
TYPE_DEPOSIT = "386"
TYPE_CREDIT_NOTE = "381"
# BT-23 "cadre de facturation": first letter from the category of the operation
FRAMEWORK_LETTER = {"goods": "B", "services": "S", "mixed": "M"}
SCHEME_SIREN = "0002"  # ISO 6523 ICD of the French SIRENE register
SCHEME_EADDRESS_SIREN = "0225"  # electronic address based on the SIREN (BR-FR-21)
SCHEME_VAT_RATE_CATEGORY = "S"  # standard rated
UNIT_ONE = "C62"  # UN/ECE rec. 20: "one" (a unit)

CENT = Decimal("0.01")


def money(value):
    """``value`` rounded to the cent, as a text with two decimals (BR-FR-DEC-01)."""
    return str(round_cent(value))


def number(value, digits=4):
    """A quantity or a unit price, without useless trailing zeros."""
    quantized = Decimal(str(value or 0)).quantize(Decimal(1).scaleb(-digits),
                                                  rounding=ROUND_HALF_UP)
    text = format(quantized.normalize(), "f")
    return text


def as_date(value):
    """A ``datetime.date`` from a date or Odoo's "YYYY-MM-DD" text; None for none."""
    if not value:
        return None
    if isinstance(value, datetime.date):
        return value
    return datetime.datetime.strptime(value[:10], "%Y-%m-%d").date()


def siren_of(partner):
    """The SIREN of a party dict: its ``siren``, else the first 9 digits of its SIRET."""
    digits = "".join(ch for ch in (partner.get("siren") or partner.get("siret") or "")
                     if ch.isdigit())
    return digits[:9] if len(digits) >= 9 else ""


def type_code(invoice):
    """BT-3: credit note 381, deposit invoice 386, else 380."""
    if invoice.get("is_credit_note"):
        return TYPE_CREDIT_NOTE
    if invoice.get("kind") == "deposit":
        return TYPE_DEPOSIT
    return TYPE_INVOICE


def framework(invoice):
    """BT-23: B1/S1/M1, or B4/S4/M4 for a final invoice that deducts deposits."""
    letter = FRAMEWORK_LETTER.get(invoice.get("operation_category") or "services", "S")
    if invoice.get("deposits") and not invoice.get("is_credit_note"):
        return letter + "4"
    return letter + "1"


def vat_category(rate):
    """BT-118/BT-151: "S" for a positive rate, "E" (exempt) for none."""
    return SCHEME_VAT_RATE_CATEGORY if Decimal(str(rate or 0)) > 0 else "E"


def totals(invoice):
    """The amounts of the document, as Decimals, from the plain invoice.

    ``lines`` are the invoiced lines (deposit deductions excluded), each with
    ``subtotal`` (net, before VAT) and ``vat_rate``; ``taxes`` is the VAT per
    rate as the accounting has it (``rate``, ``base``, ``amount``), deposits
    deducted; ``deposits`` are the deductions (``untaxed`` and ``tax``, as
    positive amounts). The VAT breakdown gives the deposits back to their rate,
    so that it describes the whole operation, and the deposits, VAT included,
    become the prepaid amount: the amount due stays the invoice's total.
    """
    by_rate = {}
    for tax in invoice.get("taxes") or []:
        key = Decimal(str(tax["rate"]))
        entry = by_rate.setdefault(key, {"base": Decimal(0), "amount": Decimal(0)})
        entry["base"] += Decimal(str(tax["base"]))
        entry["amount"] += Decimal(str(tax["amount"]))
    prepaid = Decimal(0)
    for deposit in invoice.get("deposits") or []:
        key = Decimal(str(deposit["rate"]))
        entry = by_rate.setdefault(key, {"base": Decimal(0), "amount": Decimal(0)})
        untaxed = Decimal(str(deposit["untaxed"]))
        tax = Decimal(str(deposit["tax"]))
        entry["base"] += untaxed
        entry["amount"] += tax
        prepaid += untaxed + tax
    # lines without VAT (exempt) have no tax line: their base is the lines'
    lines_by_rate = {}
    for line in invoice.get("lines") or []:
        key = Decimal(str(line.get("vat_rate") or 0))
        lines_by_rate[key] = lines_by_rate.get(key, Decimal(0)) + Decimal(str(line["subtotal"]))
    for key, base in lines_by_rate.items():
        if key not in by_rate:
            by_rate[key] = {"base": base, "amount": Decimal(0)}
    breakdown = [
        {"rate": rate, "base": entry["base"].quantize(CENT, rounding=ROUND_HALF_UP),
         "amount": entry["amount"].quantize(CENT, rounding=ROUND_HALF_UP)}
        for rate, entry in sorted(by_rate.items(), reverse=True)
        if entry["base"] or entry["amount"]]
    line_total = sum((Decimal(str(line["subtotal"])) for line in invoice.get("lines") or []),
                     Decimal(0)).quantize(CENT, rounding=ROUND_HALF_UP)
    untaxed = sum((entry["base"] for entry in breakdown), Decimal(0))
    tax_total = sum((entry["amount"] for entry in breakdown), Decimal(0))
    prepaid = prepaid.quantize(CENT, rounding=ROUND_HALF_UP)
    return {
        "lines": line_total,
        "untaxed": untaxed,
        "tax": tax_total,
        "total": untaxed + tax_total,
        "prepaid": prepaid,
        "due": untaxed + tax_total - prepaid,
        "breakdown": breakdown,
    }


def _party(partner, with_eaddress=True):
    siren = siren_of(partner)
    party = {
        "name": partner.get("name") or "",
        "country_code": partner.get("country_code") or "FR",
        "addr_l1": partner.get("street") or None,
        "addr_l2": partner.get("street2") or None,
        "postcode": partner.get("zip") or None,
        "city": partner.get("city") or None,
        "vat_identifier": (partner.get("vat") or "").replace(" ", "").upper() or None,
        "legal_info": partner.get("legal_info") or None,
    }
    if siren:
        party["legal_identifier"] = siren
        party["legal_identifier_schemeid"] = SCHEME_SIREN
        if with_eaddress:
            party["einvoicing_addr"] = siren
            party["einvoicing_addr_schemeid"] = SCHEME_EADDRESS_SIREN
    elif with_eaddress and partner.get("email"):
        party["einvoicing_addr"] = partner["email"]
        party["einvoicing_addr_schemeid"] = "EM"
    if partner.get("contact_email") or partner.get("contact_phone"):
        party["contacts"] = [{
            "name": partner.get("contact_name") or None,
            "phone": partner.get("contact_phone") or None,
            "email": partner.get("contact_email") or None,
        }]
    return {key: value for key, value in party.items() if value is not None}


def _notes(invoice):
    notes = []
    for code in ("PMT", "PMD", "AAB"):
        text = (invoice.get("notes") or {}).get(code)
        if text:
            notes.append({"BT-21": code, "BT-22": text})
    for text in invoice.get("free_notes") or []:
        notes.append({"BT-22": text})
    return notes


def cii_data(invoice):
    """The BT-keyed dict of the ``factur-x`` library for ``invoice``, a plain dict:

    ``number``, ``issue_date``, ``due_date``, ``delivery_date`` (dates or
    "YYYY-MM-DD"), ``currency`` ("EUR"), ``is_credit_note``, ``kind``
    ("standard", "deposit", "progress", "final"), ``operation_category``
    ("goods", "services", "mixed"), ``payment_terms`` (text), ``notes``
    ({"PMT": ..., "PMD": ..., "AAB": ...}), ``free_notes``, ``buyer_reference``,
    ``order_reference`` (the quote), ``seller``/``buyer``/``delivery`` (party
    dicts: name, street, street2, zip, city, country_code, vat, siren, siret,
    email, legal_info), ``lines`` (name, description, quantity, price_unit
    (net), subtotal, vat_rate), ``taxes``, ``deposits`` (see :func:`totals`),
    ``preceding`` (number, date: the invoice a credit note credits, the
    deposits of a final invoice), ``iban``, ``bic``.
    """
    amounts = totals(invoice)
    issue_date = as_date(invoice["issue_date"])
    data = {
        "BT-1": invoice["number"],
        "BT-2": issue_date,
        "BT-3": type_code(invoice),
        "BT-5": invoice.get("currency") or "EUR",
        "BT-23": framework(invoice),
        "BT-24": EN16931_SPECIFICATION,
        "BG-1": _notes(invoice),
        "BG-4": _party(invoice["seller"]),
        "BG-7": _party(invoice["buyer"]),
        "BT-72": as_date(invoice.get("delivery_date")) or issue_date,
        "BT-106": money(amounts["lines"]),
        "BT-109": money(amounts["untaxed"]),
        "BT-110": money(amounts["tax"]),
        "BT-112": money(amounts["total"]),
        "BT-115": money(amounts["due"]),
    }
    if amounts["prepaid"]:
        data["BT-113"] = money(amounts["prepaid"])
    due_date = as_date(invoice.get("due_date"))
    if due_date:
        data["BT-9"] = due_date
    if invoice.get("payment_terms"):
        data["BT-20"] = invoice["payment_terms"]
    if invoice.get("buyer_reference"):
        data["BT-10"] = invoice["buyer_reference"]
    if invoice.get("order_reference"):
        data["BT-14"] = invoice["order_reference"]
    delivery = invoice.get("delivery")
    if delivery:
        data["BG-13"] = {key: value for key, value in {
            "name": delivery.get("name") or None,
            "country_code": delivery.get("country_code") or "FR",
            "addr_l1": delivery.get("street") or None,
            "addr_l2": delivery.get("street2") or None,
            "postcode": delivery.get("zip") or None,
            "city": delivery.get("city") or None,
        }.items() if value is not None}
    preceding = [
        {"BT-25": ref["number"], "BT-26": as_date(ref.get("date"))}
        for ref in invoice.get("preceding") or [] if ref.get("number")]
    if preceding:
        data["BG-3"] = [{key: value for key, value in ref.items() if value}
                        for ref in preceding]
    if invoice.get("iban"):
        data["BT-81"] = "58"  # SEPA credit transfer
        data["BT-83"] = invoice["number"]
        data["BT-84"] = invoice["iban"].replace(" ", "").upper()
        if invoice.get("bic"):
            data["BT-86"] = invoice["bic"].replace(" ", "").upper()
    data["BG-23"] = [{
        "BT-116": money(entry["base"]),
        "BT-117": money(entry["amount"]),
        "BT-118": vat_category(entry["rate"]),
        "BT-119": number(entry["rate"], 2),
    } for entry in amounts["breakdown"]]
    for vat in data["BG-23"]:
        if vat["BT-118"] == "E":
            vat["BT-120"] = "Exonération de TVA"
    if invoice.get("vat_on_debits"):
        data["BT-8"] = "invoice"  # VAT due on the invoice date (TVA sur les débits)
    elif invoice.get("operation_category") == "services":
        data["BT-8"] = "payment"  # VAT on services is due when paid (encaissements)
    data["BG-25"] = [_line(index, line) for index, line in enumerate(invoice["lines"], 1)]
    return data


def _line(index, line):
    quantity = Decimal(str(line.get("quantity") or 0))
    subtotal = Decimal(str(line["subtotal"]))
    # the net price is what the line is billed at: subtotal / quantity
    price = (subtotal / quantity) if quantity else Decimal(str(line.get("price_unit") or 0))
    if price < 0:
        # EN 16931 wants a positive net price (BR-27): the sign goes on the quantity
        price, quantity = -price, -quantity
    values = {
        "BT-126": str(index),
        "BT-153": (line.get("name") or "").split("\n")[0][:200] or "-",
        "BT-129": number(quantity, 4),
        "BT-130": line.get("unit_code") or UNIT_ONE,
        "BT-146": number(price, 4),
        "BT-131": money(subtotal),
        "BT-151": vat_category(line.get("vat_rate")),
        "BT-152": number(line.get("vat_rate") or 0, 2),
    }
    description = line.get("description")
    if description and description != values["BT-153"]:
        values["BT-154"] = description
    return values


def generate_cii_xml(invoice, check_xsd=True):
    """The CII XML (bytes) of ``invoice`` (see :func:`cii_data`), checked against
    the Factur-X EN 16931 XSD by the library (a ``ValueError``-like exception of
    the library when it does not pass); no schematron here (the library would
    post to a Saxon server): see ``facturx_schematron``."""
    from facturx import generate_xml
    return generate_xml(cii_data(invoice), flavor="factur-x", level="en16931",
                        check_xsd=check_xsd, check_schematron=False)
