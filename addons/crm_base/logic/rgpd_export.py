# -*- coding: utf-8 -*-
"""The archive of a person's data (RGPD right of access and portability).

Plain Python, no odoo import: the models collect the data as parts
``{part_name: [row, ...]}`` (each row a dict of plain values) and the files to
join; this module builds one zip with

- ``data.json``: every part, plus the ``about`` block (who, when, what);
- ``<part>.csv``: one CSV per part, opened by a spreadsheet (French Excel:
  UTF-8 with a BOM, ";" between columns); lists and dicts in a cell are
  written as JSON;
- ``files/...``: the person's documents, as they were.
"""
import base64
import csv
import datetime
import decimal
import io
import json
import re
import zipfile

CSV_DELIMITER = ";"
DATA_FILE = "data.json"
FILES_DIR = "files"


def jsonable(value):
    """``value`` as JSON can hold it: dates as ISO strings, bytes in base64,
    tuples and sets as lists; dicts and lists converted deeply."""
    if isinstance(value, dict):
        return {str(key): jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [jsonable(item) for item in value]
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def csv_cell(value):
    value = jsonable(value)
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def columns(rows):
    """The keys of ``rows`` in the order they first appear."""
    seen = []
    for row in rows:
        for key in row:
            if key not in seen:
                seen.append(key)
    return seen


def rows_to_csv(rows):
    """CSV text of ``rows`` (a list of dicts); a row lacking a column leaves
    its cell empty. An empty part gives an empty file."""
    out = io.StringIO()
    header = columns(rows)
    if header:
        writer = csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([csv_cell(row.get(key)) for key in header])
    return out.getvalue()


def safe_name(name, default="file"):
    """A file name that stays inside its folder of the zip: no path, no
    control character, no leading dot."""
    name = (name or "").replace("\\", "/").split("/")[-1]
    name = re.sub(r"[\x00-\x1f\x7f:*?\"<>|]", "_", name).strip().lstrip(".")
    return name[:150] or default


def unique_name(name, taken):
    """``name``, or ``name (2)``... when it is already in ``taken``; adds it."""
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem:
        stem, ext = name, ""
    candidate, index = name, 1
    while candidate.lower() in taken:
        index += 1
        candidate = "%s (%d)%s" % (stem, index, "." + ext if ext else "")
    taken.add(candidate.lower())
    return candidate


def file_paths(names):
    """The paths in the zip of files named ``names``: ``files/<name>``, made
    safe and unique (``files/cv (2).pdf``), in the same order."""
    taken = set()
    return ["%s/%s" % (FILES_DIR, unique_name(safe_name(name), taken)) for name in names]


def build_archive(parts, files=(), about=None):
    """The zip (bytes) of ``parts`` ({name: [row dicts]}) and ``files``
    ([(path from ``file_paths``, bytes)])."""
    for part, rows in parts.items():
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise ValueError("part %r must be a list of dicts" % (part,))
    buffer = io.BytesIO()
    taken = {DATA_FILE}
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        document = {"about": jsonable(about or {}), "parts": jsonable(parts)}
        archive.writestr(DATA_FILE, json.dumps(document, ensure_ascii=False, indent=2))
        for part in parts:
            csv_name = unique_name(safe_name(part, "part") + ".csv", taken)
            # utf-8-sig: the BOM makes Excel read the accents right
            archive.writestr(csv_name, rows_to_csv(parts[part]).encode("utf-8-sig"))
        for path, content in files:
            folder, _sep, name = path.partition("/")
            if folder != FILES_DIR or safe_name(name) != name:
                raise ValueError("file path %r is not one of file_paths()" % (path,))
            archive.writestr(path, content or b"")
    return buffer.getvalue()


def read_archive(data):
    """The parts and file names of an archive made by ``build_archive``
    (used by the tests and by whoever checks an archive)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        document = json.loads(archive.read(DATA_FILE).decode("utf-8"))
        tables = {}
        for name in archive.namelist():
            if name.endswith(".csv") and "/" not in name:
                text = archive.read(name).decode("utf-8-sig")
                tables[name[:-4]] = list(csv.DictReader(io.StringIO(text), delimiter=CSV_DELIMITER))
        files = [name for name in archive.namelist() if name.startswith(FILES_DIR + "/")]
    return document, tables, files
