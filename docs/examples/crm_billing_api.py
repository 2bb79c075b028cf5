#!/usr/bin/env python3
"""An integration talking to CRM Billing through the external API (odoorpc).

It does what an accounting connector or a shop back-office does: finds or
creates a customer by its SIRET, makes a customer invoice with French VAT
(20 % and 5.5 %), posts it (it gets its number, FAC/<year>/00001), records a
partial payment, issues a credit note (avoir) for a returned item and applies
it to the invoice, reads what is still due; then orders from a supplier,
records a partial receipt and turns it into a vendor bill. See docs/api.md,
"Billing".

    pip install odoorpc
    python docs/examples/crm_billing_api.py --url http://localhost:8069 \\
        --db crm_demo --user admin --password admin

A posted invoice cannot be changed nor deleted (French law): run this on a
test database.
"""
import argparse
import datetime
import json
import sys
import urllib.parse

import odoorpc

# A fictional customer: its SIREN and SIRET carry valid Luhn check digits.
DEFAULT_SIRET = "55210055400013"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://localhost:8069", help="server URL")
    parser.add_argument("--db", required=True, help="database name")
    parser.add_argument("--user", default="admin", help="login")
    parser.add_argument("--password", default="admin", help="password")
    parser.add_argument("--siret", default=DEFAULT_SIRET,
                        help="SIRET of the customer (found, else created)")
    parser.add_argument("--customer", default="Boulangerie Martin",
                        help="name of the customer when it is created")
    parser.add_argument("--json", action="store_true",
                        help="print a JSON summary (ids) instead of sentences")
    return parser.parse_args(argv)


def connect(url, db, user, password):
    """Log in; odoorpc takes a host, a protocol and a port, not a URL."""
    parts = urllib.parse.urlsplit(url)
    ssl = parts.scheme == "https"
    odoo = odoorpc.ODOO(parts.hostname, protocol="jsonrpc+ssl" if ssl else "jsonrpc",
                        port=parts.port or (443 if ssl else 80), timeout=120)
    odoo.login(db, user, password)
    return odoo


def find_or_create_partner(odoo, siret, name, **values):
    Partner = odoo.env["res.partner"]
    ids = Partner.search([("siret", "=", siret), ("is_company", "=", True)], limit=1)
    if ids:
        return ids[0]
    values.update({"name": name, "is_company": True, "siret": siret,
                   "country_id": odoo.env.ref("base.fr").id})
    return Partner.create(values)


def company_setup(odoo):
    """What an invoice needs from the company's French chart of accounts: the
    sale journal, a revenue account, and the VAT of l10n_fr by rate (its xml
    ids are l10n_fr.<company id>_<tax template>)."""
    company_id = odoo.env.user.company_id.id

    def tax(template):
        return odoo.env.ref("l10n_fr.%d_%s" % (company_id, template)).id

    Journal = odoo.env["account.journal"]
    Account = odoo.env["account.account"]
    return {
        "company_id": company_id,
        "sale_journal": Journal.search([("type", "=", "sale"),
                                        ("company_id", "=", company_id)], limit=1)[0],
        "bank_journal": Journal.search([("type", "=", "bank"),
                                        ("company_id", "=", company_id)], limit=1)[0],
        "revenue": Account.search([("code", "=like", "706%"),
                                   ("company_id", "=", company_id)], limit=1)[0],
        "vat_sale": {"20": tax("tva_normale"), "5.5": tax("tva_reduite")},
    }


def invoice_and_get_paid(odoo, setup, customer_id):
    done = {}
    Invoice = odoo.env["account.invoice"]
    today = datetime.date.today().strftime("%Y-%m-%d")
    # 1. the invoice, with its lines; compute_taxes makes its VAT lines (the
    #    web client does it as you type)
    invoice_id = Invoice.create({
        "type": "out_invoice",
        "partner_id": customer_id,
        "journal_id": setup["sale_journal"],
        "date_invoice": today,
        "payment_term_id": odoo.env.ref("account.account_payment_term_net").id,
        "invoice_line_ids": [
            (0, 0, {"name": "Pose d'un comptoir en chêne", "quantity": 1, "price_unit": 2400.0,
                    "account_id": setup["revenue"],
                    "invoice_line_tax_ids": [(6, 0, [setup["vat_sale"]["20"]])]}),
            (0, 0, {"name": "Étagères de présentation (unité)", "quantity": 4,
                    "price_unit": 150.0, "account_id": setup["revenue"],
                    "invoice_line_tax_ids": [(6, 0, [setup["vat_sale"]["20"]])]}),
            (0, 0, {"name": "Livre technique « Le bois et ses essences »", "quantity": 1,
                    "price_unit": 40.0, "account_id": setup["revenue"],
                    "invoice_line_tax_ids": [(6, 0, [setup["vat_sale"]["5.5"]])]}),
        ],
    })
    Invoice.browse(invoice_id).compute_taxes()
    # 2. post it: it gets its number and its journal entry, and can no
    #    longer be changed (only reversed by a credit note)
    Invoice.browse(invoice_id).action_invoice_open()
    done["invoice_id"] = invoice_id

    # 3. a partial payment received by bank transfer
    Payment = odoo.env["account.payment"]
    [invoice] = Invoice.read([invoice_id], ["number", "amount_total"])
    payment_id = Payment.create({
        "payment_type": "inbound",
        "partner_type": "customer",
        "partner_id": customer_id,
        "amount": 1000.0,
        "journal_id": setup["bank_journal"],
        "payment_method_id": odoo.env.ref("account.account_payment_method_manual_in").id,
        "payment_date": today,
        "communication": invoice["number"],
        "invoice_ids": [(6, 0, [invoice_id])],
    })
    Payment.browse(payment_id).post()
    done["payment_id"] = payment_id

    # 4. a credit note for one returned shelf: Odoo's refund wizard makes a
    #    draft credit note of the whole invoice; keep the returned item only,
    #    post it and apply it to the invoice
    context = {"active_model": "account.invoice", "active_ids": [invoice_id],
               "active_id": invoice_id}
    wizard_id = odoo.execute_kw("account.invoice.refund", "create", [{
        "filter_refund": "refund", "description": "Retour d'une étagère",
        "date_invoice": today}], {"context": context})
    odoo.execute_kw("account.invoice.refund", "invoice_refund", [[wizard_id]],
                    {"context": context})
    [credit_note_id] = Invoice.search([("refund_invoice_id", "=", invoice_id)],
                                      order="id desc", limit=1)
    Line = odoo.env["account.invoice.line"]
    lines = Line.search_read([("invoice_id", "=", credit_note_id)], ["name"])
    Line.unlink([line["id"] for line in lines if not line["name"].startswith("Étagères")])
    shelf = [line["id"] for line in lines if line["name"].startswith("Étagères")]
    Line.write(shelf, {"quantity": 1})
    Invoice.browse(credit_note_id).compute_taxes()
    Invoice.browse(credit_note_id).action_invoice_open()
    # the credit note's receivable line, applied to the invoice
    [credit_line] = odoo.env["account.move.line"].search([
        ("invoice_id", "=", credit_note_id), ("account_id.internal_type", "=", "receivable")])
    Invoice.browse(invoice_id).assign_outstanding_credit(credit_line)
    done["credit_note_id"] = credit_note_id

    # 5. what is due
    [done["invoice"]] = Invoice.read(
        [invoice_id], ["number", "state", "amount_untaxed", "amount_tax", "amount_total",
                       "residual", "date_due"])
    [done["credit_note"]] = Invoice.read([credit_note_id], ["number", "state", "amount_total"])
    done["customer_due"] = odoo.env["res.partner"].read([customer_id], ["credit"])[0]["credit"]
    return done


def order_receive_and_bill(odoo, supplier_id):
    done = {}
    Order = odoo.env["crm.supplier.order"]
    order_id = Order.create({
        "partner_id": supplier_id,
        "partner_ref": "DEVIS-2207",
        "line_ids": [
            (0, 0, {"name": "Panneaux de chêne 19 mm", "quantity": 10, "price_unit": 64.0,
                    "vat_rate": "20"}),
            (0, 0, {"name": "Vernis satiné, pot de 5 L", "quantity": 2, "price_unit": 89.0,
                    "vat_rate": "20"}),
        ],
    })
    Order.browse(order_id).action_confirm()
    # a receipt starts with what is still to receive: 6 panels came, no varnish
    action = Order.browse(order_id).action_receive()
    Receipt = odoo.env["crm.supplier.receipt"]
    receipt_id = action["res_id"]
    ReceiptLine = odoo.env["crm.supplier.receipt.line"]
    for line in ReceiptLine.search_read([("receipt_id", "=", receipt_id)],
                                        ["name", "quantity"]):
        ReceiptLine.write([line["id"]], {"quantity": 6 if "Panneaux" in line["name"] else 0})
    Receipt.browse(receipt_id).action_validate()
    # the vendor bill of what was received (a draft, to check against the
    # supplier's invoice before posting it)
    action = Order.browse(order_id).action_create_vendor_bill()
    done["order_id"], done["receipt_id"], done["bill_id"] = order_id, receipt_id, action["res_id"]
    [done["order"]] = Order.read([order_id], ["name", "state", "reception_status",
                                              "amount_total"])
    [done["bill"]] = odoo.env["account.invoice"].read(
        [action["res_id"]], ["state", "origin", "reference", "amount_untaxed", "amount_tax",
                             "amount_total"])
    return done


def run(odoo, siret, customer_name):
    setup = company_setup(odoo)
    customer_id = find_or_create_partner(odoo, siret, customer_name, customer=True,
                                         street="3 place du Marché", zip="69003", city="Lyon")
    supplier_id = find_or_create_partner(odoo, "43218765600017", "Scierie des Monts du Lyonnais",
                                         supplier=True, customer=False)
    done = {"customer_id": customer_id, "supplier_id": supplier_id}
    done.update(invoice_and_get_paid(odoo, setup, customer_id))
    done.update(order_receive_and_bill(odoo, supplier_id))
    return done


def report(done):
    invoice, credit_note = done["invoice"], done["credit_note"]
    order, bill = done["order"], done["bill"]
    return "\n".join([
        "Invoice %s posted: %.2f excl. VAT, %.2f VAT, %.2f incl. VAT, due %s" % (
            invoice["number"], invoice["amount_untaxed"], invoice["amount_tax"],
            invoice["amount_total"], invoice["date_due"]),
        "Payment of 1000.00 recorded; credit note %s of %.2f applied" % (
            credit_note["number"], credit_note["amount_total"]),
        "Still due on %s: %.2f (%s)" % (invoice["number"], invoice["residual"],
                                        invoice["state"]),
        "Supplier order %s: %s, %s" % (order["name"], order["state"],
                                       order["reception_status"]),
        "Vendor bill (draft) from %s: %.2f incl. VAT" % (bill["origin"], bill["amount_total"]),
    ])


def main(argv=None):
    args = parse_args(argv)
    try:
        odoo = connect(args.url, args.db, args.user, args.password)
        done = run(odoo, args.siret, args.customer)
    except odoorpc.error.RPCError as error:
        # the server refused: access rights, a posted invoice changed...
        print("The server refused: %s" % error, file=sys.stderr)
        return 1
    print(json.dumps(done, indent=2, ensure_ascii=False) if args.json else report(done))
    return 0


if __name__ == "__main__":
    sys.exit(main())
