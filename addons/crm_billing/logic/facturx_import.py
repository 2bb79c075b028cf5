# -*- coding: utf-8 -*-
"""Read a supplier's Factur-X PDF into a plain vendor bill, or say why not.

:func:`read_pdf` finds the CII XML embedded in the PDF, refuses it unless it
passes the Factur-X XSD of its level, reads it with the ``factur-x`` library's
parser and checks its arithmetic to the cent: lines against BT-106, VAT
breakdown against BT-110, BT-109 + BT-110 against BT-112. Every refusal is a
:class:`FacturxImportError` whose ``code`` the model turns into a translated
message ("corrupt", "no_xml", "invalid", "totals", "not_invoice").

Lines: the XML's lines (BG-25), plus the document-level allowances and
charges (BG-20/BG-21) as negative/positive lines; a BASIC WL XML has no lines,
so each VAT rate of its breakdown becomes one line.
"""
import io
from decimal import Decimal

from odoo.addons.crm_sales.logic.quote_totals import round_cent

CENT = Decimal("0.01")
CREDIT_NOTE_TYPE_CODES = ("381", "261", "262", "396", "502", "503")


class FacturxImportError(Exception):
    """A Factur-X PDF that cannot become a bill; ``code`` says why, ``details``
    gives the values for the message."""

    def __init__(self, code, details=None):
        super(FacturxImportError, self).__init__(code, details or {})
        self.code = code
        self.details = details or {}


def dec(value):
    """A number of the XML as a Decimal: CII writes a decimal point, so a
    decimal comma is refused (InvalidOperation), unlike crm_sales' to_decimal."""
    return Decimal(str(value or 0))


def cents(value):
    return round_cent(dec(value))


def extract_xml(pdf):
    """The Factur-X/ZUGFeRD XML embedded in ``pdf`` (bytes), not yet checked."""
    from facturx import get_facturx_xml_from_pdf
    from pypdf import PdfReader
    if not pdf or not pdf.lstrip()[:5].startswith(b"%PDF"):
        raise FacturxImportError("corrupt")
    try:
        PdfReader(io.BytesIO(pdf), strict=False).pages  # noqa: B018 (parse it)
        filename, xml = get_facturx_xml_from_pdf(pdf, check_xsd=False)
    except Exception as exc:  # pypdf raises many kinds on a broken file
        raise FacturxImportError("corrupt", {"error": str(exc)[:200]})
    if not xml:
        raise FacturxImportError("no_xml")
    return xml


def check_xsd(xml):
    """Refuse an XML that does not pass the XSD of its Factur-X level."""
    from facturx import xml_check_xsd
    try:
        xml_check_xsd(xml, flavor="factur-x", level="autodetect")
    except Exception as exc:
        raise FacturxImportError("invalid", {"error": str(exc)[:300]})


def parse(xml):
    """The BT-keyed dict of the library's parser (the XSD checked first)."""
    from facturx.parse_xml import parse_ubl_cii_xml
    check_xsd(xml)
    try:
        return parse_ubl_cii_xml(xml, flavor="factur-x", check_xsd=False)
    except Exception as exc:
        raise FacturxImportError("invalid", {"error": str(exc)[:300]})


def _party(data):
    data = data or {}
    digits = "".join(ch for ch in (data.get("legal_identifier") or "") if ch.isdigit())
    siren = ""
    if data.get("legal_identifier_schemeid") in ("0002", "0009", None, "") and len(digits) in (
            9, 14):
        siren = digits[:9]
    if not siren and data.get("einvoicing_addr_schemeid") in ("0225", "0009", "0002"):
        eaddress = "".join(ch for ch in (data.get("einvoicing_addr") or "") if ch.isdigit())
        if len(eaddress) >= 9:
            siren = eaddress[:9]
    return {
        "name": data.get("name") or "",
        "siren": siren,
        "siret": digits if len(digits) == 14 else "",
        "vat": (data.get("vat_identifier") or "").replace(" ", "").upper(),
        "street": data.get("addr_l1") or "",
        "street2": data.get("addr_l2") or "",
        "zip": data.get("postcode") or "",
        "city": data.get("city") or "",
        "country_code": (data.get("country_code") or "").upper(),
        "email": data.get("einvoicing_addr") if data.get("einvoicing_addr_schemeid") == "EM"
        else "",
    }


def _lines(data):
    lines = []
    for line in data.get("BG-25") or []:
        quantity = dec(line.get("BT-129"))
        subtotal = cents(line.get("BT-131"))
        price = dec(line.get("BT-146"))
        base_qty = dec(line.get("BT-149") or 1) or Decimal(1)
        price_unit = (subtotal / quantity) if quantity else price / base_qty
        name = line.get("BT-153") or ""
        if line.get("BT-154"):
            name = "%s\n%s" % (name, line["BT-154"]) if name else line["BT-154"]
        lines.append({"name": name or "-", "quantity": quantity, "price_unit": price_unit,
                      "subtotal": subtotal, "vat_rate": dec(line.get("BT-152")),
                      "product_code": line.get("BT-155") or ""})
    for key, sign, label in (("BG-20", -1, "Allowance"), ("BG-21", 1, "Charge")):
        for entry in data.get(key) or []:
            amount = cents(entry.get("amount")) * sign
            lines.append({"name": entry.get("reason") or label, "quantity": Decimal(1),
                          "price_unit": amount, "subtotal": amount,
                          "vat_rate": dec(entry.get("vat_rate")), "product_code": ""})
    if not lines:
        # BASIC WL: no lines, one line per VAT rate of the breakdown
        for vat in data.get("BG-23") or []:
            amount = cents(vat.get("BT-116"))
            lines.append({"name": "%s (%s %%)" % (data.get("BT-1") or "", vat.get("BT-119") or 0),
                          "quantity": Decimal(1), "price_unit": amount, "subtotal": amount,
                          "vat_rate": dec(vat.get("BT-119")), "product_code": ""})
    return lines


def check_totals(bill):
    """Refuse a bill whose amounts do not add up to its stated totals."""
    problems = []
    lines_total = sum((line["subtotal"] for line in bill["lines"]), Decimal(0))
    if bill["untaxed"] is not None and lines_total != bill["untaxed"]:
        problems.append(("untaxed", lines_total, bill["untaxed"]))
    tax_total = sum((tax["amount"] for tax in bill["taxes"]), Decimal(0))
    if bill["tax"] is not None and tax_total != bill["tax"]:
        problems.append(("tax", tax_total, bill["tax"]))
    if bill["untaxed"] is not None and bill["tax"] is not None and \
            bill["untaxed"] + bill["tax"] != bill["total"]:
        problems.append(("total", bill["untaxed"] + bill["tax"], bill["total"]))
    if problems:
        raise FacturxImportError("totals", {"problems": problems})


def bill_from_xml(xml):
    """The plain vendor bill of a Factur-X XML (bytes), checked."""
    data = parse(xml)
    type_code = data.get("BT-3") or "380"
    bill = {
        "number": data.get("BT-1") or "",
        "date": data.get("BT-2"),
        "due_date": data.get("BT-9"),
        "currency": data.get("BT-5") or "EUR",
        "type_code": type_code,
        "is_credit_note": type_code in CREDIT_NOTE_TYPE_CODES,
        "supplier": _party(data.get("BG-4")),
        "buyer": _party(data.get("BG-7")),
        "lines": _lines(data),
        "taxes": [{"rate": dec(vat.get("BT-119")), "category": vat.get("BT-118") or "S",
                   "base": cents(vat.get("BT-116")), "amount": cents(vat.get("BT-117"))}
                  for vat in data.get("BG-23") or []],
        "untaxed": cents(data["BT-109"]) if data.get("BT-109") else None,
        "tax": cents(data["BT-110"]) if data.get("BT-110") else Decimal(0),
        "total": cents(data.get("BT-112")),
        "prepaid": cents(data.get("BT-113")),
        "due": cents(data.get("BT-115")),
        "payment_terms": data.get("BT-20") or "",
        "iban": data.get("BT-84") or "",
    }
    if not bill["number"] or not bill["lines"]:
        raise FacturxImportError("not_invoice")
    if bill["untaxed"] is None:
        bill["untaxed"] = sum((line["subtotal"] for line in bill["lines"]), Decimal(0))
    check_totals(bill)
    return bill


def read_pdf(pdf):
    """The plain vendor bill of a supplier's Factur-X PDF (bytes), and its XML."""
    xml = extract_xml(pdf)
    return bill_from_xml(xml), xml
