# -*- coding: utf-8 -*-
"""What the public support form accepts: the fields, their sizes, and the
attached files (by extension AND by content), as plain Python.

``check_submission`` returns a list of problems, each a ``(field, code,
params)`` triple: the model turns the codes into translated messages, so that
this module stays free of Odoo. An empty list means the submission is fine.
"""
import os
import re

MAX_NAME = 128
MAX_EMAIL = 254
MAX_PHONE = 32
MAX_SUBJECT = 200
MAX_DESCRIPTION = 20000
MAX_FILES = 5
MAX_FILE_TOTAL = 10 * 1024 * 1024

EMAIL_RE = re.compile(r"^[^@\s<>\"',;]+@[^@\s<>\"',;]+\.[^@\s<>\"',;]+$")
PHONE_RE = re.compile(r"^[0-9+()./\- ]{4,32}$")

# What an attachment may be, and how its first bytes must look. A ZIP-based
# office file (docx, xlsx, odt...) starts like any zip: accepted as such, the
# zip itself is not (it could carry anything).
_PDF = (b"%PDF-",)
_PNG = (b"\x89PNG\r\n\x1a\n",)
_JPEG = (b"\xff\xd8\xff",)
_GIF = (b"GIF87a", b"GIF89a")
_WEBP = (b"RIFF",)
_BMP = (b"BM",)
_TIFF = (b"II*\x00", b"MM\x00*")
_ZIP = (b"PK\x03\x04",)
_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)
_RTF = (b"{\\rtf",)
TEXT = "text"
ALLOWED = {
    "pdf": _PDF, "png": _PNG, "jpg": _JPEG, "jpeg": _JPEG, "gif": _GIF, "webp": _WEBP,
    "bmp": _BMP, "tif": _TIFF, "tiff": _TIFF,
    "docx": _ZIP, "xlsx": _ZIP, "pptx": _ZIP, "odt": _ZIP, "ods": _ZIP, "odp": _ZIP,
    "doc": _OLE, "xls": _OLE, "ppt": _OLE, "msg": _OLE, "rtf": _RTF,
    "txt": TEXT, "csv": TEXT, "log": TEXT, "eml": TEXT,
}
# never, whatever the content says
EXECUTABLE_EXTENSIONS = {
    "exe", "com", "bat", "cmd", "scr", "pif", "msi", "msp", "dll", "cpl", "jar", "js", "jse",
    "vbs", "vbe", "wsf", "wsh", "ps1", "psm1", "sh", "bash", "app", "apk", "dmg", "elf",
    "bin", "run", "hta", "lnk", "reg", "inf", "py", "pl", "php", "svg", "html", "htm",
}
EXECUTABLE_MAGIC = (
    b"MZ",                    # Windows PE / DOS
    b"\x7fELF",               # Linux
    b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf",     # Mach-O
    b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",      # Mach-O universal / Java class
    b"#!",                    # a script
)


def extension(filename):
    return os.path.splitext((filename or "").strip().lower())[1].lstrip(".")


def looks_executable(content):
    head = (content or b"")[:8]
    return any(head.startswith(magic) for magic in EXECUTABLE_MAGIC)


def _looks_like_text(content):
    sample = content[:65536]
    if b"\x00" in sample:
        return False
    for encoding in ("utf-8", "cp1252"):
        try:
            sample.decode(encoding)
            return True
        except UnicodeDecodeError:
            continue
    return False


def file_problem(filename, content):
    """Why a file may not be attached (a code), or None."""
    ext = extension(filename)
    if not ext or ext in EXECUTABLE_EXTENSIONS:
        return "file_type"
    if not content:
        return "file_empty"
    if looks_executable(content):
        return "file_executable"
    signature = ALLOWED.get(ext)
    if signature is None:
        return "file_type"
    if signature == TEXT:
        return None if _looks_like_text(content) else "file_content"
    if not any(content.startswith(magic) for magic in signature):
        return "file_content"
    if ext == "webp" and content[8:12] != b"WEBP":
        return "file_content"
    return None


def check_submission(values, files):
    """Problems of a form submission.

    ``values``: dict with name, email, phone, subject, description (strings);
    ``files``: list of ``(filename, bytes)``. Returns ``[(field, code, params)]``.
    """
    problems = []

    def text(key):
        return (values.get(key) or "").strip()

    for key, size in (("name", MAX_NAME), ("subject", MAX_SUBJECT)):
        if not text(key):
            problems.append((key, "required", {}))
        elif len(text(key)) > size:
            problems.append((key, "too_long", {"max": size}))
    email = text("email")
    if not email:
        problems.append(("email", "required", {}))
    elif len(email) > MAX_EMAIL or not EMAIL_RE.match(email):
        problems.append(("email", "email_invalid", {}))
    phone = text("phone")
    if phone and not PHONE_RE.match(phone):
        problems.append(("phone", "phone_invalid", {}))
    description = text("description")
    if not description:
        problems.append(("description", "required", {}))
    elif len(description) > MAX_DESCRIPTION:
        problems.append(("description", "too_long", {"max": MAX_DESCRIPTION}))
    files = [(name, content) for name, content in files if name or content]
    if len(files) > MAX_FILES:
        problems.append(("attachments", "too_many_files", {"max": MAX_FILES}))
    total = sum(len(content or b"") for _name, content in files)
    if total > MAX_FILE_TOTAL:
        problems.append(("attachments", "files_too_big",
                         {"max": MAX_FILE_TOTAL // (1024 * 1024)}))
    for name, content in files:
        code = file_problem(name, content)
        if code:
            problems.append(("attachments", code, {"file": os.path.basename(name or "?")}))
    return problems


def preferred_lang(accept_language, available=("fr", "en"), default="en"):
    """The first of ``available`` the browser asks for (``fr-FR,fr;q=0.9,en``),
    by quality, else ``default``."""
    choices = []
    for index, part in enumerate((accept_language or "").split(",")):
        piece = part.strip().split(";")
        code = piece[0].strip().lower().split("-")[0]
        quality = 1.0
        for param in piece[1:]:
            if param.strip().startswith("q="):
                try:
                    quality = float(param.strip()[2:])
                except ValueError:
                    quality = 0.0
        if code and quality > 0:
            choices.append((-quality, index, code))
    for _quality, _index, code in sorted(choices):
        if code in available:
            return code
    return default
