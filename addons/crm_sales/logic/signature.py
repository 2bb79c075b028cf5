# -*- coding: utf-8 -*-
"""The signature drawn on the public quote page, checked before it is stored.

The browser sends the canvas as a PNG data URL (``data:image/png;base64,...``).
``read_signature`` decodes it and refuses anything that is not a small, real,
non-blank PNG; it returns the image re-encoded by Pillow, so that what is
stored (and printed on the signed PDF) holds pixels only, no foreign chunks.

Errors are ``SignatureError`` with a ``code`` (one of the constants below): the
model turns the code into a translated message for the signer.
"""
import base64
import binascii
import io
import re

from PIL import Image

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MAX_BYTES = 1024 * 1024          # 1 MB of PNG: a signature is a few KB
MAX_PIXELS = 4000 * 4000         # width x height; beyond, a decompression bomb
MIN_INK_PIXELS = 20              # fewer pixels of ink: nothing was drawn

# error codes
EMPTY = "empty"
NOT_DATA_URL = "not_data_url"
BAD_BASE64 = "bad_base64"
TOO_LARGE = "too_large"
NOT_PNG = "not_png"
UNREADABLE = "unreadable"
BLANK = "blank"

_DATA_URL = re.compile(r"^data:image/png;base64,(?P<data>[A-Za-z0-9+/=\s]*)$", re.IGNORECASE)


class SignatureError(ValueError):
    def __init__(self, code, detail=""):
        super(SignatureError, self).__init__("%s%s" % (code, detail and ": %s" % detail))
        self.code = code


def decode_data_url(data_url, max_bytes=MAX_BYTES):
    """The bytes of a base64 PNG data URL; SignatureError when it is not one
    or when it holds more than ``max_bytes``."""
    if not data_url or not data_url.strip():
        raise SignatureError(EMPTY)
    # refuse a huge string before decoding it: base64 is 4 chars for 3 bytes
    if len(data_url) > (max_bytes * 4) // 3 + 100:
        raise SignatureError(TOO_LARGE)
    match = _DATA_URL.match(data_url.strip())
    if not match:
        raise SignatureError(NOT_DATA_URL)
    payload = re.sub(r"\s+", "", match.group("data"))
    if not payload:
        raise SignatureError(EMPTY)
    try:
        raw = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError) as e:
        raise SignatureError(BAD_BASE64, str(e))
    if len(raw) > max_bytes:
        raise SignatureError(TOO_LARGE)
    return raw


def ink_pixels(image, background_threshold=200, alpha_threshold=32):
    """How many pixels of ``image`` are ink: not transparent and darker than
    the white (or light) background a canvas is filled with."""
    rgba = image.convert("RGBA")
    count = 0
    # getdata() walks the pixels in C; a 600x200 canvas is 120,000 tuples
    for r, g, b, a in rgba.getdata():
        if a > alpha_threshold and min(r, g, b) < background_threshold:
            count += 1
    return count


def read_png(raw, max_pixels=MAX_PIXELS, min_ink=MIN_INK_PIXELS):
    """Check PNG bytes and return them re-encoded as a clean PNG."""
    if not raw.startswith(PNG_MAGIC):
        raise SignatureError(NOT_PNG)
    try:
        with Image.open(io.BytesIO(raw)) as probe:
            if probe.format != "PNG":
                raise SignatureError(NOT_PNG)
            width, height = probe.size
            if width * height > max_pixels or not width or not height:
                raise SignatureError(TOO_LARGE)
            probe.verify()  # CRCs and structure
        # verify() leaves the image unusable: open it again to decode pixels
        with Image.open(io.BytesIO(raw)) as image:
            image.load()
            if ink_pixels(image) < min_ink:
                raise SignatureError(BLANK)
            out = io.BytesIO()
            image.convert("RGBA").save(out, format="PNG", optimize=True)
    except SignatureError:
        raise
    except Image.DecompressionBombError:
        raise SignatureError(TOO_LARGE)
    except (OSError, SyntaxError, ValueError) as e:
        raise SignatureError(UNREADABLE, str(e))
    return out.getvalue()


def read_signature(data_url, max_bytes=MAX_BYTES):
    """The clean PNG bytes of a signature sent as a PNG data URL."""
    return read_png(decode_data_url(data_url, max_bytes=max_bytes))


def png_data_url(png_bytes):
    """The data URL of PNG bytes (what the signing page sends)."""
    return "data:image/png;base64," + base64.b64encode(png_bytes).decode("ascii")
