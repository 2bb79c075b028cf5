"""Read a contact file (CSV or XLSX) into a header row and data rows of text.

No Odoo import: the wizard calls it and turns ``ReaderError.code`` into a
message in the user's language.

CSV: the encoding is sniffed (UTF-8 with or without BOM, else Windows-1252,
else Latin-1, which decodes any byte) and so is the separator (``;``, ``,``,
tab or ``|``: the one that splits the first lines into the same number of
columns, more than one). XLSX: the first sheet, read with openpyxl; numbers
that are whole ("55210055400013.0") come back without decimals, dates as ISO
text (``2024-03-31``).
"""
import csv
import datetime
import io

XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"   # old binary .xls
SEPARATORS = (";", ",", "\t", "|")
SNIFF_LINES = 20


class ReaderError(Exception):
    """A file we cannot read. ``code`` is one of: empty, xls, xlsx, csv, no_data."""

    def __init__(self, code, detail=""):
        super(ReaderError, self).__init__(code, detail)
        self.code = code
        self.detail = detail


class ImportTable(object):
    """What was read: ``headers`` (list of str), ``rows`` (list of lists of str,
    each padded to the header length), and how: ``file_format``, ``encoding``,
    ``separator``. ``line_numbers[i]`` is the line of ``rows[i]`` in the file
    as a spreadsheet shows it (the header is line 1)."""

    def __init__(self, headers, rows, line_numbers, file_format, encoding=None, separator=None):
        self.headers = headers
        self.rows = rows
        self.line_numbers = line_numbers
        self.file_format = file_format
        self.encoding = encoding
        self.separator = separator


def detect_format(data, file_name=""):
    """'xlsx', 'xls' or 'csv' from the first bytes (then the file name)."""
    if data.startswith(XLSX_MAGIC):
        return "xlsx"
    if data.startswith(OLE_MAGIC):
        return "xls"
    name = (file_name or "").lower()
    if name.endswith(".xlsx"):
        return "xlsx"
    return "csv"


def decode(data):
    """(text, encoding): UTF-8-BOM, UTF-8, cp1252, latin-1, in that order."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace"), "utf-8-sig"
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "latin-1"


def sniff_separator(text):
    """The separator that gives the same column count (> 1) on most of the first lines."""
    sample = [line for line in text.splitlines()[:SNIFF_LINES] if line.strip()]
    if not sample:
        return ";"
    best, best_score = ";", (-1, 0)
    for sep in SEPARATORS:
        counts = [len(row) for row in csv.reader(sample, delimiter=sep)]
        if not counts or counts[0] < 2:
            continue
        # lines that agree with the header's width, then the width itself
        score = (sum(1 for c in counts if c == counts[0]), counts[0])
        if score > best_score:
            best, best_score = sep, score
    return best


def _clean(value):
    return value.strip() if value else ""


def _table(raw_rows, file_format, encoding=None, separator=None):
    """Header = first non-empty row; drop empty rows; pad/strip cells."""
    headers, rows, numbers = None, [], []
    for number, raw in raw_rows:
        cells = [_clean(c) for c in raw]
        if not any(cells):
            continue
        if headers is None:
            headers = cells
            continue
        if len(cells) < len(headers):
            cells += [""] * (len(headers) - len(cells))
        rows.append(cells)
        numbers.append(number)
    if headers is None:
        raise ReaderError("empty")
    if not rows:
        raise ReaderError("no_data")
    # a header cell may be empty: name it after its position
    headers = [h or "#%d" % (i + 1) for i, h in enumerate(headers)]
    # cells beyond the header width are kept as extra unnamed columns
    width = max(len(r) for r in rows)
    for i in range(len(headers), width):
        headers.append("#%d" % (i + 1))
    for r in rows:
        if len(r) < width:
            r += [""] * (width - len(r))
    return ImportTable(headers, rows, numbers, file_format, encoding, separator)


def read_csv(data):
    text, encoding = decode(data)
    separator = sniff_separator(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        # numbered like a spreadsheet's rows (a quoted cell may span lines)
        numbered = list(enumerate(reader, start=1))
    except csv.Error as error:
        raise ReaderError("csv", str(error))
    return _table(numbered, "csv", encoding, separator)


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def read_xlsx(data):
    try:
        import openpyxl
    except ImportError:  # pinned in requirements.txt
        raise ReaderError("xlsx", "openpyxl is not installed")
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # zipfile.BadZipFile, KeyError, InvalidFileException...
        raise ReaderError("xlsx", str(error))
    try:
        sheet = book.worksheets[0]
        numbered = [
            (number, [_cell_text(v) for v in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        book.close()
    return _table(numbered, "xlsx")


def read_file(data, file_name=""):
    """An ImportTable from the raw bytes of a CSV or XLSX file."""
    if not data:
        raise ReaderError("empty")
    kind = detect_format(data, file_name)
    if kind == "xls":
        raise ReaderError("xls")
    if kind == "xlsx":
        return read_xlsx(data)
    return read_csv(data)
