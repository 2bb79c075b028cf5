# -*- coding: utf-8 -*-
"""A Factur-X PDF: the printed invoice made PDF/A-3, with its CII XML embedded.

Odoo prints with wkhtmltopdf, whose PDFs are not PDF/A (no OutputIntent, no
colour profile). Ghostscript (Debian's ``ghostscript``, 10.x) rewrites the PDF
as PDF/A-3b: ``-dPDFA=3`` with the sRGB ICC profile that ghostscript ships as
OutputIntent, fonts embedded, colours converted to RGB. The ``factur-x``
library then embeds ``factur-x.xml`` (AFRelationship "Data") and writes the
XMP metadata (pdfaid:part 3, conformance B, and the Factur-X extension schema)
into that PDF.

What is checked here and in the tests: the XML against the XSD and the
schematrons, the PDF's XMP (pdfaid:part 3) and its OutputIntent. A full PDF/A
validation (veraPDF) is not available on this platform.
"""
import glob
import os
import shutil
import subprocess
import tempfile

GS_TIMEOUT = 120  # seconds; an invoice takes well under one
ICC_CANDIDATES = (
    "/usr/share/color/icc/ghostscript/srgb.icc",
    "/usr/share/ghostscript/*/iccprofiles/srgb.icc",
)

# The PDFA_def.ps of ghostscript's lib/, with the ICC profile's path filled in:
# it declares the OutputIntent (sRGB) that PDF/A requires.
PDFA_DEF = """%%!
[ /Title (%(title)s) /DOCINFO pdfmark
/ICCProfile (%(icc)s) def
[/_objdef {icc_PDFA} /type /stream /OBJ pdfmark
[{icc_PDFA} << /N 3 >> /PUT pdfmark
[{icc_PDFA} ICCProfile (r) file /PUT pdfmark
[/_objdef {OutputIntent_PDFA} /type /dict /OBJ pdfmark
[{OutputIntent_PDFA} <<
  /Type /OutputIntent
  /S /GTS_PDFA1
  /DestOutputProfile {icc_PDFA}
  /OutputConditionIdentifier (sRGB)
>> /PUT pdfmark
[{Catalog} << /OutputIntents [ {OutputIntent_PDFA} ] >> /PUT pdfmark
"""


class FacturxPdfError(Exception):
    """The PDF could not be made PDF/A or Factur-X (the message says why)."""


def icc_profile():
    """The sRGB ICC profile that ghostscript ships, or None."""
    for pattern in ICC_CANDIDATES:
        for path in sorted(glob.glob(pattern)):
            if os.path.isfile(path):
                return path
    return None


def _ps_string(text):
    """``text`` as the inside of a PostScript string (ASCII, parentheses escaped)."""
    text = (text or "").encode("ascii", "replace").decode("ascii")
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def to_pdfa3(pdf, title=""):
    """``pdf`` (bytes) rewritten as PDF/A-3b by ghostscript."""
    gs = shutil.which("gs")
    icc = icc_profile()
    if not gs or not icc:
        raise FacturxPdfError("Ghostscript and its sRGB profile are needed to make a PDF/A")
    with tempfile.TemporaryDirectory(prefix="crm-facturx-") as tmp:
        source = os.path.join(tmp, "in.pdf")
        target = os.path.join(tmp, "out.pdf")
        definition = os.path.join(tmp, "PDFA_def.ps")
        with open(source, "wb") as f:
            f.write(pdf)
        with open(definition, "w", encoding="ascii") as f:
            f.write(PDFA_DEF % {"title": _ps_string(title), "icc": _ps_string(icc)})
        command = [
            gs, "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-dPDFA=3",
            "-dPDFACompatibilityPolicy=1",  # drop what PDF/A forbids rather than fail
            # ghostscript 10.0's new PDF interpreter loses the ToUnicode of some
            # glyphs of wkhtmltopdf's CID fonts ("€" reads back as "¬"); the
            # legacy one keeps them. Later versions ignore the flag.
            "-dNEWPDF=false",
            "-dNOOUTERSAVE", "-sDEVICE=pdfwrite", "-sColorConversionStrategy=RGB",
            "-sProcessColorModel=DeviceRGB", "-dEmbedAllFonts=true",
            "--permit-file-read=%s" % icc,
            "-sOutputFile=%s" % target, definition, source,
        ]
        try:
            result = subprocess.run(command, capture_output=True, timeout=GS_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise FacturxPdfError("Ghostscript did not finish within %ss" % GS_TIMEOUT)
        if result.returncode or not os.path.isfile(target):
            raise FacturxPdfError("Ghostscript failed: %s" % (
                result.stderr or result.stdout).decode("utf-8", "replace")[-500:])
        with open(target, "rb") as f:
            return f.read()


def make_facturx(pdf, xml, title="", lang="fr-FR"):
    """The Factur-X PDF (bytes): ``pdf`` made PDF/A-3, with ``xml`` embedded."""
    from facturx import generate_from_binary
    pdfa = to_pdfa3(pdf, title=title)
    return generate_from_binary(pdfa, xml, flavor="factur-x", level="en16931",
                                check_xsd=True, check_schematron=False, lang=lang,
                                pdf_metadata=None)


def pdf_xml(pdf):
    """The Factur-X XML (bytes) embedded in ``pdf``, or None; the XSD is not
    checked here (see ``facturx_import``)."""
    from facturx import get_facturx_xml_from_pdf
    filename, xml = get_facturx_xml_from_pdf(pdf, check_xsd=False)
    return xml or None
