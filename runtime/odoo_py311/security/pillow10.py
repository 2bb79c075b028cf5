"""Pillow >= 10 (pin moved from 9.5.0 for CVE-2023-4863 and others): what Odoo 11 still calls.

Patch: ``pillow10_compat`` (CVE-2023-4863, CVE-2023-44271, CVE-2023-50447,
CVE-2024-28219).
"""
from ..registry import patch


@patch()
def pillow10_compat():
    """CVE-2023-4863, CVE-2023-44271, CVE-2023-50447, CVE-2024-28219: Pillow moved to 10.4; give
    Odoo 11 the two names Pillow 10 removed.

    Odoo 11 calls Image.ANTIALIAS (tools/image.py, every image field) and
    ImageDraw.textsize (web_editor's font-to-image route). Pillow 10 renamed
    the first LANCZOS and replaced the second with textbbox.
    """
    from PIL import Image, ImageDraw

    if not hasattr(Image, "ANTIALIAS"):
        Image.ANTIALIAS = Image.LANCZOS
    if not hasattr(ImageDraw.ImageDraw, "textsize"):
        def textsize(self, text, font=None, *args, **kwargs):
            left, top, right, bottom = self.textbbox((0, 0), text, font, *args, **kwargs)
            return right - left, bottom - top

        ImageDraw.ImageDraw.textsize = textsize
