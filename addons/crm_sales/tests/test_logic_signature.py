# -*- coding: utf-8 -*-
"""Plain tests of logic/signature.py: no database."""
import base64
import io
import unittest
import zlib
import struct

from PIL import Image, ImageDraw

from ..logic import signature


def drawn_png(size=(400, 150), background=(255, 255, 255, 255), ink=(20, 20, 80, 255), stroke=True):
    """A canvas like the signing page's: a background and, if asked, a stroke."""
    image = Image.new("RGBA", size, background)
    if stroke:
        ImageDraw.Draw(image).line([(20, 100), (120, 30), (220, 110), (360, 40)], fill=ink, width=4)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


class TestSignatureLogic(unittest.TestCase):

    def assertRefused(self, code, data_url, **kwargs):
        with self.assertRaises(signature.SignatureError) as caught:
            signature.read_signature(data_url, **kwargs)
        self.assertEqual(caught.exception.code, code)

    def test_a_drawn_signature_is_accepted_and_re_encoded(self):
        png = drawn_png()
        clean = signature.read_signature(signature.png_data_url(png))
        self.assertTrue(clean.startswith(signature.PNG_MAGIC))
        with Image.open(io.BytesIO(clean)) as image:
            self.assertEqual(image.size, (400, 150))
            self.assertGreater(signature.ink_pixels(image), 300)
        # a transparent canvas with ink on it is fine too
        transparent = drawn_png(background=(0, 0, 0, 0))
        self.assertTrue(signature.read_signature(signature.png_data_url(transparent)))
        # the prefix is case-insensitive and base64 may be wrapped
        data = base64.encodebytes(png).decode("ascii")
        self.assertTrue(signature.read_signature("DATA:image/PNG;base64," + data))

    def test_blank_canvases_are_refused(self):
        self.assertRefused(signature.BLANK, signature.png_data_url(drawn_png(stroke=False)))
        self.assertRefused(signature.BLANK, signature.png_data_url(
            drawn_png(background=(0, 0, 0, 0), stroke=False)))
        # a few stray pixels are not a signature
        image = Image.new("RGBA", (300, 100), (255, 255, 255, 255))
        for x in range(5):
            image.putpixel((10 + x, 10), (0, 0, 0, 255))
        out = io.BytesIO()
        image.save(out, format="PNG")
        self.assertRefused(signature.BLANK, signature.png_data_url(out.getvalue()))
        # light grey "ink" on white is still blank
        self.assertRefused(signature.BLANK, signature.png_data_url(
            drawn_png(ink=(240, 240, 240, 255))))

    def test_not_a_png_data_url(self):
        self.assertRefused(signature.EMPTY, "")
        self.assertRefused(signature.EMPTY, None)
        self.assertRefused(signature.EMPTY, "data:image/png;base64,")
        self.assertRefused(signature.NOT_DATA_URL, "iVBORw0KGgo=")
        jpeg = io.BytesIO()
        Image.new("RGB", (50, 50), (0, 0, 0)).save(jpeg, format="JPEG")
        self.assertRefused(signature.NOT_DATA_URL, "data:image/jpeg;base64,"
                           + base64.b64encode(jpeg.getvalue()).decode())
        self.assertRefused(signature.BAD_BASE64, "data:image/png;base64,abc")   # bad padding
        self.assertRefused(signature.NOT_DATA_URL, "data:image/png;base64,<script>")
        # a JPEG sent under a PNG label
        self.assertRefused(signature.NOT_PNG, "data:image/png;base64,"
                           + base64.b64encode(jpeg.getvalue()).decode())

    def test_a_corrupt_png_is_refused(self):
        png = bytearray(drawn_png())
        png[60:80] = b"\x00" * 20  # inside the image data: CRC mismatch
        self.assertRefused(signature.UNREADABLE, signature.png_data_url(bytes(png)))
        self.assertRefused(signature.UNREADABLE,
                           signature.png_data_url(signature.PNG_MAGIC + b"garbage"))

    def test_size_limits(self):
        png = drawn_png()
        self.assertRefused(signature.TOO_LARGE, signature.png_data_url(png), max_bytes=len(png) - 1)
        self.assertTrue(signature.read_signature(signature.png_data_url(png), max_bytes=len(png)))
        # more than 1 MB is refused before decoding
        self.assertRefused(signature.TOO_LARGE, "data:image/png;base64," + "A" * (1400 * 1024))
        # a tiny file that claims a huge image (decompression bomb)
        self.assertRefused(signature.TOO_LARGE, signature.png_data_url(self._huge_header_png()))

    @staticmethod
    def _huge_header_png():
        def chunk(kind, data):
            return (struct.pack(">I", len(data)) + kind + data
                    + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
        ihdr = struct.pack(">IIBBBBB", 50000, 50000, 8, 6, 0, 0, 0)
        return signature.PNG_MAGIC + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"")) \
            + chunk(b"IEND", b"")
