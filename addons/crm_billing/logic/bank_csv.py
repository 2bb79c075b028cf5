# -*- coding: utf-8 -*-
"""Bank statements exported as CSV by French banks, read with a column
mapping.

A mapping is a dict: ``delimiter`` (";" or ","; guessed when empty),
``decimal`` ("," or "."; guessed when empty), ``date_format`` (a
``strptime`` format; the French ones are tried when empty), ``encoding``
(UTF-8 is tried first, then Windows-1252, what French banks' exports use),
and for each field the name of its column in the header (case and accents do
not matter): ``date``, ``label``, ``amount`` or ``debit`` and ``credit``,
``reference``, ``partner_name``, ``iban``.

:func:`guess_mapping` proposes a mapping from the header (Date, Libellé,
Montant, Débit, Crédit, ...); :func:`parse` returns the transactions in the
shape ``account.bank.statement.import._parse_file`` returns, each with a
``unique_import_id`` that depends on its content and on how many identical
rows come before it in the file, so that importing the same file twice
finds the same ids.

Errors are :class:`CsvError` with a code and values; the model turns them
into a translated message. No ``odoo`` import.
"""
import csv
import datetime
import hashlib
import io
import re
import unicodedata
from decimal import Decimal, InvalidOperation

FIELDS = ("date", "label", "amount", "debit", "credit", "reference", "partner_name", "iban")
#: Header names recognised for each field (compared without case or accents).
SYNONYMS = {
    "date": ("date", "date operation", "date d operation", "date comptable", "booking date",
             "date de comptabilisation", "date valeur", "date de valeur", "value date"),
    "label": ("libelle", "libelle operation", "libelle de l operation", "label", "description",
              "intitule", "detail", "details", "nature de l operation", "memo"),
    "amount": ("montant", "montant eur", "montant en euros", "amount", "somme"),
    "debit": ("debit", "debit eur", "debit euros", "montant debit", "sortie"),
    "credit": ("credit", "credit eur", "credit euros", "montant credit", "entree"),
    "reference": ("reference", "ref", "ref operation", "reference operation", "communication",
                  "numero"),
    "partner_name": ("tiers", "nom", "beneficiaire", "emetteur", "contrepartie",
                     "donneur d ordre", "payee", "partner"),
    "iban": ("iban", "compte", "iban contrepartie", "compte contrepartie"),
}
DATE_FORMATS = ("%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y", "%d-%m-%y")
ENCODINGS = ("utf-8-sig", "cp1252")


class CsvError(ValueError):
    """A CSV that cannot be read: ``code`` says why, ``values`` what."""

    def __init__(self, code, **values):
        super(CsvError, self).__init__(code, values)
        self.code = code
        self.values = values


def _simple(text):
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def decode(data, encoding=None):
    """The text of ``data`` (bytes), in ``encoding`` or the first that works."""
    if isinstance(data, str):
        return data
    for name in ((encoding,) if encoding else ENCODINGS):
        try:
            return data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    raise CsvError("encoding")


def looks_like_csv(data):
    """Whether ``data`` could be a CSV statement (and not OFX, XML, a ZIP or
    a PDF): text whose first line holds a ";" or a "," and no markup."""
    head = data[:2048]
    if not head or head[:1] in (b"<", b"%") or head[:2] == b"PK" or b"\x00" in head:
        return False
    try:
        text = decode(head)
    except CsvError:
        return False
    first = text.lstrip().splitlines()[0] if text.strip() else ""
    if first.upper().startswith("OFXHEADER") or first.startswith("<"):
        return False
    return ";" in first or "," in first


def sniff_delimiter(first_line):
    return ";" if first_line.count(";") >= first_line.count(",") else ","


def guess_mapping(header):
    """A mapping proposed from the column names of ``header`` (a list)."""
    mapping = {}
    simple = [_simple(name) for name in header]
    for field in FIELDS:
        for name, original in zip(simple, header):
            if name in SYNONYMS[field] and original not in mapping.values():
                mapping[field] = original
                break
    return mapping


def parse_amount(text, decimal=None):
    """``text`` ("1 234,56", "-12.5", "1.234,56 €", "(12,00)") as a Decimal;
    None for an empty cell."""
    text = (text or "").strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    text = text.replace("€", "").replace("EUR", "")
    if not text:
        return None
    negative = text.startswith("(") and text.endswith(")")
    text = text.strip("()")
    if decimal is None:
        decimal = "," if ("," in text and ("." not in text or text.rfind(",") > text.rfind(".")))\
            else "."
    thousands = "." if decimal == "," else ","
    text = text.replace(thousands, "").replace("'", "")
    if decimal == ",":
        text = text.replace(",", ".")
    if text.endswith("-"):
        text = "-" + text[:-1]
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise CsvError("amount", value=text)
    return -value if negative else value


def parse_date(text, date_format=None):
    text = (text or "").strip()
    for fmt in ((date_format,) if date_format else DATE_FORMATS):
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise CsvError("date", value=text)


def parse(data, mapping=None):
    """(mapping used, transactions) of the CSV bytes ``data``.

    Each transaction: ``date``, ``name`` (the label), ``amount`` (float,
    positive = received), ``ref``, ``partner_name``, ``account_number``
    (the counterparty's IBAN) and ``unique_import_id``. The first error
    stops everything: nothing is returned half-read.
    """
    mapping = dict(mapping or {})
    text = decode(data, mapping.get("encoding"))
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise CsvError("empty")
    delimiter = mapping.get("delimiter") or sniff_delimiter(lines[0])
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
    header = [cell.strip() for cell in rows[0]]
    guessed = guess_mapping(header)
    for field in FIELDS:
        if not mapping.get(field) and guessed.get(field):
            mapping[field] = guessed[field]
    mapping["delimiter"] = delimiter
    by_simple = {_simple(name): n for n, name in enumerate(header)}

    def column(field):
        name = mapping.get(field)
        if not name:
            return None
        if _simple(name) not in by_simple:
            raise CsvError("column", column=name)
        return by_simple[_simple(name)]

    columns = {field: column(field) for field in FIELDS}
    if columns["date"] is None:
        raise CsvError("no_date")
    if columns["amount"] is None and columns["debit"] is None and columns["credit"] is None:
        raise CsvError("no_amount")
    if columns["label"] is None:
        raise CsvError("no_label")

    transactions = []
    seen = {}
    for number, row in enumerate(rows[1:], start=2):
        if len(row) < len(header):
            row = row + [""] * (len(header) - len(row))

        def cell(field):
            index = columns[field]
            return row[index].strip() if index is not None else ""
        try:
            date = parse_date(cell("date"), mapping.get("date_format"))
            if columns["amount"] is not None:
                amount = parse_amount(cell("amount"), mapping.get("decimal"))
            else:
                debit = parse_amount(cell("debit"), mapping.get("decimal")) or Decimal(0)
                credit = parse_amount(cell("credit"), mapping.get("decimal")) or Decimal(0)
                amount = credit - abs(debit)
        except CsvError as error:
            error.values["line"] = number
            raise
        if amount is None:
            raise CsvError("amount", value="", line=number)
        values = {
            "date": date,
            "name": cell("label") or "/",
            "amount": float(amount),
            "ref": cell("reference") or False,
            "partner_name": cell("partner_name") or False,
        }
        if cell("iban"):
            values["account_number"] = cell("iban").replace(" ", "")
        key = "|".join([date.isoformat(), str(amount), values["name"], cell("reference"),
                        cell("partner_name"), cell("iban")])
        seen[key] = seen.get(key, 0) + 1
        values["unique_import_id"] = "csv-" + hashlib.sha1(
            ("%s|%d" % (key, seen[key])).encode("utf-8")).hexdigest()[:20]
        transactions.append(values)
    if not transactions:
        raise CsvError("no_transaction")
    return mapping, transactions


def fill_unique_import_ids(transactions, prefix):
    """Give a ``unique_import_id`` to the ``transactions`` (dicts as
    ``_parse_file`` returns them) that have none, from their content (date,
    amount, label, reference, payer, account) and the number of identical
    transactions before them: OCA's CAMT parser gives none, and without it
    Odoo imports the same file twice."""
    seen = {}
    for values in transactions:
        if values.get("unique_import_id"):
            continue
        key = "|".join(str(values.get(name) or "") for name in (
            "date", "amount", "name", "ref", "partner_name", "account_number", "note"))
        seen[key] = seen.get(key, 0) + 1
        values["unique_import_id"] = "%s-%s" % (prefix, hashlib.sha1(
            ("%s|%d" % (key, seen[key])).encode("utf-8")).hexdigest()[:20])
    return transactions
