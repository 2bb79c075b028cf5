"""The API example of docs/examples/crm_billing_api.py works against a real
server, and a posted invoice refuses changes over XML-RPC as docs/api.md
says.

The script runs as a subprocess (as an integrator would run it) against the
`odoo_server` fixture. Posted invoices cannot be deleted (French law), so what
it created stays in the test database; each run uses a new customer.
"""
import functools
import json
import xmlrpc.client

import pytest

import api_example
from test_crm_sales_api_example import random_siret


run_example = functools.partial(api_example.run_example, "crm_billing_api.py")


@pytest.fixture(scope="module")
def example(odoo_server):
    siret = random_siret()
    result = run_example(odoo_server, "--siret", siret, "--customer",
                         "Boulangerie Test %s" % siret[-5:], "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_invoice_is_posted_with_french_vat_per_rate_and_numbered(odoo_server, example):
    [invoice] = odoo_server.execute(
        "account.invoice", "read", [example["invoice_id"]],
        ["number", "state", "amount_untaxed", "amount_tax", "amount_total", "tax_line_ids",
         "partner_id"])
    assert invoice["number"].startswith("FAC/") and len(invoice["number"]) == 14
    assert (invoice["amount_untaxed"], invoice["amount_tax"], invoice["amount_total"]) == (
        3040.0, 602.2, 3642.2)   # 3,000.00 at 20 %, 40.00 at 5.5 %
    taxes = odoo_server.execute("account.invoice.tax", "read", invoice["tax_line_ids"],
                                ["name", "amount"])
    # VAT per rate, rounded globally (the company's setting, as on the quotes): Odoo
    # keeps a tax line's amount unrounded (2.1999999999999997), its entries to the cent
    assert sorted(round(tax["amount"], 2) for tax in taxes) == [2.2, 600.0]
    assert invoice["partner_id"][0] == example["customer_id"]


def test_payment_and_credit_note_leave_what_is_due(odoo_server, example):
    invoice, credit_note = example["invoice"], example["credit_note"]
    assert credit_note["number"].startswith("AV/")
    assert credit_note["amount_total"] == 180.0       # one shelf, 150.00 + 20 % VAT
    assert credit_note["state"] == "paid"
    assert invoice["state"] == "open"
    assert invoice["residual"] == pytest.approx(3642.2 - 1000.0 - 180.0)
    assert example["customer_due"] == pytest.approx(2462.2)
    [payment] = odoo_server.execute("account.payment", "read", [example["payment_id"]],
                                    ["state", "amount", "invoice_ids"])
    assert (payment["state"], payment["amount"]) == ("posted", 1000.0)
    assert payment["invoice_ids"] == [example["invoice_id"]]


def test_the_supplier_order_is_partly_received_and_its_receipt_billed(odoo_server, example):
    order, bill = example["order"], example["bill"]
    assert order["name"].startswith("CF-")
    assert (order["state"], order["reception_status"]) == ("confirmed", "partial")
    assert order["amount_total"] == 981.6
    assert (bill["state"], bill["origin"], bill["reference"]) == (
        "draft", order["name"], "DEVIS-2207")
    assert (bill["amount_untaxed"], bill["amount_tax"], bill["amount_total"]) == (
        384.0, 76.8, 460.8)    # the 6 panels received, not the varnish
    lines = odoo_server.execute("crm.supplier.order.line", "search_read",
                                [("order_id", "=", example["order_id"])],
                                ["name", "qty_received", "qty_billed"], order="sequence, id")
    assert [(line["qty_received"], line["qty_billed"]) for line in lines] == [
        (6.0, 6.0), (0.0, 0.0)]


def test_a_posted_invoice_refuses_changes_and_cancellation(odoo_server, example):
    ex = odoo_server.execute
    [invoice] = ex("account.invoice", "read", [example["invoice_id"]],
                   ["invoice_line_ids", "amount_total"])
    with pytest.raises(xmlrpc.client.Fault) as fault:
        ex("account.invoice.line", "write", invoice["invoice_line_ids"][:1], {"price_unit": 1})
    assert fault.value.faultCode == 2
    assert "is posted and cannot be changed" in fault.value.faultString
    with pytest.raises(xmlrpc.client.Fault) as fault:
        ex("account.invoice", "action_invoice_cancel", [example["invoice_id"]])
    assert fault.value.faultCode == 2
    assert "Issue a credit note" in fault.value.faultString
    with pytest.raises(xmlrpc.client.Fault) as fault:
        ex("account.invoice", "unlink", [example["invoice_id"]])
    assert fault.value.faultCode == 2
    [after] = ex("account.invoice", "read", [example["invoice_id"]], ["state", "amount_total"])
    assert after == {"id": example["invoice_id"], "state": "open",
                     "amount_total": invoice["amount_total"]}
