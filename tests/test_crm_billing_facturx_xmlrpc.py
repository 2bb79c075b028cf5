"""A supplier's Factur-X PDF sent over XML-RPC to a real server becomes a
draft vendor bill (account.invoice.crm_import_facturx), and a bad one is
refused with the message a user would read, nothing created.

The Factur-X is made here with the facturx library from crm_billing's plain
Python (logic/facturx_cii.py, loaded by path: it imports no odoo).
"""
import base64
import copy
import importlib.util
import os
import random
import subprocess
import tempfile
import xmlrpc.client

import pytest
from facturx import generate_from_binary

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BILLING = os.path.join(ROOT, "addons", "crm_billing")


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


facturx_cii = load("crm_billing_facturx_cii", os.path.join(BILLING, "logic", "facturx_cii.py"))
samples = load("crm_billing_facturx_samples",
               os.path.join(BILLING, "tests", "facturx_samples.py"))


def supplier_facturx(number, grand_total=None):
    invoice = samples.standard()
    invoice.update({
        "number": number, "operation_category": "goods",
        "seller": {"name": "Scierie du Forez", "street": "2 route de Montbrison",
                   "zip": "42600", "city": "Savigneux", "country_code": "FR",
                   "siren": "732829320", "vat": "FR44732829320"},
        "buyer": copy.deepcopy(samples.SELLER),  # the demo company
    })
    xml = facturx_cii.generate_cii_xml(invoice)
    if grand_total:
        xml = xml.replace(b"<ram:GrandTotalAmount>2370.00",
                          b"<ram:GrandTotalAmount>" + grand_total.encode())
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "bill.html"), "w") as f:
            f.write("<html><body><h1>Facture %s</h1></body></html>" % number)
        subprocess.run(["wkhtmltopdf", "-q", os.path.join(tmp, "bill.html"),
                        os.path.join(tmp, "bill.pdf")], capture_output=True, timeout=120)
        with open(os.path.join(tmp, "bill.pdf"), "rb") as f:
            pdf = f.read()
    return base64.b64encode(generate_from_binary(pdf, xml, check_xsd=False)).decode()


def test_a_factur_x_sent_over_xmlrpc_becomes_a_draft_vendor_bill(odoo_server):
    ex = odoo_server.execute
    number = "FOREZ-%06d" % random.randrange(10 ** 6)
    bills_before = ex("account.invoice", "search_count", [("type", "=", "in_invoice")])
    known_suppliers = ex("res.partner", "search", [("siren", "=", "732829320")])
    with pytest.raises(xmlrpc.client.Fault) as fault:
        ex("account.invoice", "crm_import_facturx", supplier_facturx(number, "2370.10"),
           "%s.pdf" % number)
    assert "do not add up" in fault.value.faultString
    assert ex("account.invoice", "search_count", [("type", "=", "in_invoice")]) == bills_before

    bill_id = ex("account.invoice", "crm_import_facturx", supplier_facturx(number),
                 "%s.pdf" % number)
    try:
        [bill] = ex("account.invoice", "read", [bill_id],
                    ["type", "state", "reference", "partner_id", "amount_untaxed",
                     "amount_tax", "amount_total"])
        assert (bill["type"], bill["state"], bill["reference"]) == (
            "in_invoice", "draft", number)
        assert (bill["amount_untaxed"], bill["amount_tax"], bill["amount_total"]) == (
            2000.0, 370.0, 2370.0)
        [supplier] = ex("res.partner", "read", [bill["partner_id"][0]], ["siren", "supplier"])
        assert supplier["siren"] == "732829320" and supplier["supplier"]
        attachments = ex("ir.attachment", "search_read", [
            ("res_model", "=", "account.invoice"), ("res_id", "=", bill_id)],
            fields=["datas_fname"])
        assert [a["datas_fname"] for a in attachments] == ["%s.pdf" % number]
    finally:
        ex("account.invoice", "unlink", [bill_id])
        created = set(ex("res.partner", "search", [("siren", "=", "732829320")]))
        if created - set(known_suppliers):
            ex("res.partner", "unlink", sorted(created - set(known_suppliers)))
