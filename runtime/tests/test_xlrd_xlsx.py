"""xlrd 1.2 reads .xlsx on Python 3.11 with defusedxml installed (patch xlrd_xlsx_getiterator)."""
import io
import xml.etree.ElementTree

import defusedxml.cElementTree  # noqa: F401  (odfpy's dependency: the trigger)
import openpyxl

from odoo_py311 import apply_all
from odoo_py311.patches import xlrd_xlsx_getiterator

apply_all()

import xlrd  # noqa: E402
import xlrd.xlsx  # noqa: E402


def xlsx_bytes():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["name", "city"])
    sheet.append(["Acme", "Lyon"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_getiterator_is_gone_and_defusedxml_hides_iter():
    # what the patch answers: xlrd picks defusedxml.cElementTree, which has
    # no ElementTree class, and falls back to getiterator(), gone in 3.9
    assert not hasattr(xml.etree.ElementTree.ElementTree, "getiterator")
    assert not hasattr(defusedxml.cElementTree, "ElementTree")


def test_xlrd_reads_xlsx():
    book = xlrd.open_workbook(file_contents=xlsx_bytes())
    sheet = book.sheet_by_index(0)
    assert [sheet.row_values(i) for i in range(sheet.nrows)] == [["name", "city"], ["Acme", "Lyon"]]


def test_xlrd_fails_without_the_patch(monkeypatch):
    # the state an unpatched xlrd leaves once it has picked defusedxml
    monkeypatch.setattr(xlrd.xlsx, "Element_has_iter", False)
    monkeypatch.setattr(xlrd.xlsx, "ensure_elementtree_imported", lambda *a: None)
    try:
        xlrd.open_workbook(file_contents=xlsx_bytes())
    except AttributeError as e:
        assert "getiterator" in str(e)
    else:
        raise AssertionError("xlrd read .xlsx without the patch: is the patch still needed?")


def test_patch_is_registered_for_xlrd_xlsx():
    from odoo_py311 import PATCHES

    assert PATCHES["xlrd_xlsx_getiterator"].func is xlrd_xlsx_getiterator
    assert PATCHES["xlrd_xlsx_getiterator"].target == "xlrd.xlsx"
