#!/usr/bin/env python3
"""Benchmark: invoicing signed quotes into posted invoices, crm_billing against Odoo 11's `sale`.

    .venv/bin/python bench/bench_quote_invoicing.py [--quotes 1000] [--block 50] [--keep]

1. builds one database (`--db`, default `bench_invoicing`) with
   `crm-odoo -i crm_billing,sale --without-demo=all`: both sides share the
   company, the French chart (l10n_fr), its taxes, the sales journal and its
   numbering, so only the invoicing code differs;
2. through `crm-odoo shell`, creates (not timed) N signed crm.quote and N
   confirmed sale.order with the same seeded lines: 3 to 8 lines a quote, a
   fifth at 10 % VAT and the rest at 20 %, quantities 1 to 20 (some halves),
   unit prices 5.00 to 1,500.00; the quotes also have a section title.
   The orders' product is a service invoiced on order (invoice_policy
   "order"), so every order is ready to invoice;
3. times, in blocks of `--block` quotes then `--block` orders in turn (so that
   the load of a shared machine falls on both alike), each document made into
   one posted invoice:
   - ours: `quote._crm_create_final_invoice()` then `action_invoice_open()`
     (the "Invoice" button of the quote, final invoice);
   - sale: `order.action_invoice_create()` then `action_invoice_open()`
     (the "Create invoice" button of the order, "Invoiceable lines");
   the transaction is committed after each block (not timed);
4. checks that both sides invoiced the same totals incl. VAT, prints the time
   per invoice of each side, the ratio, and drops the database (unless --keep).

With `--pdf`, each posted invoice is also printed, inside the timed block,
as a user's "Print" would (the invoice report, saved as the invoice's
attachment): ours is the Factur-X (CII XML in a PDF/A-3, ghostscript), sale's
Odoo 11's own PDF, which has no Factur-X (crm_billing's embedding is switched
off for the sale blocks only). A real Odoo server runs on the database during
the measure, so that wkhtmltopdf fetches the report's style sheets from it as
in production (`report.url`). The run then counts our PDFs that carry a
`factur-x.xml`, and checks one in 50 of them against the Factur-X XSD again
(crm_billing checks each against the XSD when it makes it).

Run from the repository root; PostgreSQL as in config/odoo-test.conf.
CRM_ROOT=/other/checkout measures the addons of another checkout.
"""
import argparse
import os
import subprocess
import sys

from benchlib import PG, REPO, shell, load_average, prepare_run, new_database

sys.path.insert(0, os.path.join(REPO, "tests"))
from odoo_server import start_server, stop_server  # noqa: E402 (tests/ is not a package)

SETUP_SCRIPT = r"""
import json, random, time
P = %(params)r
rng = random.Random(P["seed"])
t0 = time.time()
company = env.user.company_id
company.partner_id.write({"country_id": env.ref("base.fr").id})
env["res.company"]._crm_billing_load_french_chart()
env["res.company"]._crm_billing_round_vat_globally()
taxes = {rate: company._crm_billing_sale_tax(rate) for rate in ("20", "10")}
product = env["product.product"].create({
    "name": "Travaux de menuiserie", "type": "service", "invoice_policy": "order",
    "taxes_id": [(6, 0, [])], "list_price": 0.0})
customers = [env["res.partner"].create({"name": "Client %%03d" %% i, "is_company": True,
                                        "customer": True})
             for i in range(50)]
for index in range(P["quotes"]):
    partner = customers[index %% len(customers)]
    lines = []
    for _i in range(rng.randint(3, 8)):
        quantity = rng.choice([1, 2, 3, 5, 8, 12, 20, 1.5, 2.5])
        price = round(rng.uniform(5, 1500), 2)
        rate = "10" if rng.random() < 0.2 else "20"
        lines.append((quantity, price, rate))
    quote = env["crm.quote"].create({
        "partner_id": partner.id,
        "line_ids": [(0, 0, {"display_type": "line_section", "name": "Lot unique",
                             "sequence": 1})]
        + [(0, 0, {"name": "Poste %%d" %% n, "quantity": q, "price_unit": p, "vat_rate": r,
                   "sequence": 10 + n}) for n, (q, p, r) in enumerate(lines)]})
    quote.write({"state": "signed"})
    order = env["sale.order"].create({
        "partner_id": partner.id,
        "order_line": [(0, 0, {"product_id": product.id, "name": "Poste %%d" %% n,
                               "product_uom_qty": q, "product_uom": product.uom_id.id,
                               "price_unit": p, "tax_id": [(6, 0, taxes[r].ids)]})
                       for n, (q, p, r) in enumerate(lines)]})
    order.action_confirm()
    if index %% 100 == 99:
        env.cr.commit()
env.cr.commit()
print("BENCH_RESULT " + json.dumps({"seconds": time.time() - t0}))
"""

BENCH_SCRIPT = r"""
import json, time
P = %(params)r
quotes = env["crm.quote"].search([("state", "=", "signed")], order="id")
orders = env["sale.order"].search([("state", "=", "sale")], order="id")
assert len(quotes) == len(orders) == P["quotes"], (len(quotes), len(orders))
ours = theirs = 0.0
invoice_ids = {"ours": [], "sale": []}
pdf_sizes = {"ours": 0, "sale": 0}
facturx = {"embedded": 0, "xsd_checked": 0}
block = P["block"]
report = env.ref("account.account_invoices")
Report = type(report)
crm_facturx_invoices = Report._crm_facturx_invoices


def no_facturx(self, res_ids):
    return self.env["account.invoice"]


def print_pdf(invoice, side):
    pdf, kind = report.render_qweb_pdf(invoice.ids)
    assert kind == "pdf" and pdf.startswith(b"%%PDF"), pdf[:100]
    pdf_sizes[side] += len(pdf)
    return pdf


for start in range(0, len(quotes), block):
    t = time.perf_counter()
    for quote in quotes[start:start + block]:
        invoice = quote._crm_create_final_invoice()
        invoice.action_invoice_open()
        invoice_ids["ours"].append(invoice.id)
        if P["pdf"]:
            pdf = print_pdf(invoice, "ours")
            invoice_ids.setdefault("pdf_ours", []).append((invoice.id, pdf))
    ours += time.perf_counter() - t
    env.cr.commit()
    # not timed: is each PDF of ours a Factur-X? (one in 50 checked against the XSD)
    from facturx import get_facturx_xml_from_pdf
    for invoice_id, pdf in invoice_ids.pop("pdf_ours", []):
        facturx["read"] = facturx.get("read", 0) + 1
        check = facturx["read"] %% 50 == 1
        name, xml = get_facturx_xml_from_pdf(pdf, check_xsd=check)
        if name == "factur-x.xml" and xml:
            facturx["embedded"] += 1
            facturx["xsd_checked"] += check
    Report._crm_facturx_invoices = no_facturx
    try:
        t = time.perf_counter()
        for order in orders[start:start + block]:
            invoices = env["account.invoice"].browse(order.action_invoice_create())
            invoices.action_invoice_open()
            invoice_ids["sale"] += invoices.ids
            if P["pdf"]:
                for invoice in invoices:
                    print_pdf(invoice, "sale")
        theirs += time.perf_counter() - t
    finally:
        Report._crm_facturx_invoices = crm_facturx_invoices
    env.cr.commit()
    with open(P["progress"], "a") as progress:
        progress.write(json.dumps({"documents": start + block, "ours": ours, "sale": theirs,
                                   "facturx": facturx["embedded"]}) + "\n")
Invoice = env["account.invoice"]
ours_invoices = Invoice.browse(invoice_ids["ours"])
sale_invoices = Invoice.browse(invoice_ids["sale"])
print("BENCH_RESULT " + json.dumps({
    "ours": ours, "sale": theirs,
    "ours_count": len(ours_invoices), "sale_count": len(sale_invoices),
    "ours_posted": len(ours_invoices.filtered(lambda i: i.state == "open")),
    "sale_posted": len(sale_invoices.filtered(lambda i: i.state == "open")),
    "ours_total": round(sum(ours_invoices.mapped("amount_total")), 2),
    "sale_total": round(sum(sale_invoices.mapped("amount_total")), 2),
    "quotes_total": round(sum(quotes.mapped("amount_total")), 2),
    "ours_tax": round(sum(ours_invoices.mapped("amount_tax")), 2),
    "sale_tax": round(sum(sale_invoices.mapped("amount_tax")), 2),
    "quotes_tax": round(sum(quotes.mapped("amount_tax")), 2),
    "pdf_sizes": pdf_sizes, "facturx": facturx,
}))
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quotes", type=int, default=1000, help="quotes and orders (1000)")
    parser.add_argument("--block", type=int, default=50,
                        help="documents of one side timed in a row before the other's (50)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--db", default="bench_invoicing")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument("--pdf", action="store_true",
                        help="also print each invoice (ours: Factur-X), timed")
    args = parser.parse_args()
    prepare_run()
    progress = os.path.join(REPO, "var", "log", "%s-progress.jsonl" % args.db)
    if os.path.exists(progress):
        os.remove(progress)
    print("progress, block by block: %s" % progress)
    params = {"quotes": args.quotes, "block": args.block, "seed": args.seed,
              "pdf": args.pdf, "progress": progress}
    server = None
    try:
        new_database(args.db, "crm_billing,sale")
        setup = shell(args.db, SETUP_SCRIPT % {"params": params})
        print("%d signed quotes and %d confirmed orders made in %.0f s (load average %s)"
              % (args.quotes, args.quotes, setup["seconds"], load_average()))
        if args.pdf:
            server = start_server(args.db)
            shell(args.db, "env['ir.config_parameter'].set_param('report.url', %r)\n"
                           "env.cr.commit()\nprint('BENCH_RESULT {}')\n" % server.url)
        result = shell(args.db, BENCH_SCRIPT % {"params": params})
        print("measured (load average %s)" % load_average())
    finally:
        if server:
            stop_server(server)
        if not args.keep:
            subprocess.run(["dropdb", "--if-exists"] + PG + [args.db])

    n_ours, n_sale = result["ours_count"], result["sale_count"]
    print("\n| side | invoices posted | total incl. VAT | VAT | time | per invoice |")
    print("|---|---:|---:|---:|---:|---:|")
    print("| crm_billing (quote -> final invoice) | %d | %.2f | %.2f | %.1f s | %.1f ms |" % (
        result["ours_posted"], result["ours_total"], result["ours_tax"], result["ours"],
        1000.0 * result["ours"] / n_ours))
    print("| sale (order -> invoice) | %d | %.2f | %.2f | %.1f s | %.1f ms |" % (
        result["sale_posted"], result["sale_total"], result["sale_tax"], result["sale"],
        1000.0 * result["sale"] / n_sale))
    if args.pdf:
        print("\nPDFs: ours %.0f kB a invoice (%d with factur-x.xml, %d checked against "
              "the XSD), sale %.0f kB a invoice" % (
                  result["pdf_sizes"]["ours"] / 1024.0 / n_ours,
                  result["facturx"]["embedded"], result["facturx"]["xsd_checked"],
                  result["pdf_sizes"]["sale"] / 1024.0 / n_sale))
    print("\nquotes: %.2f incl. VAT, %.2f VAT; ours / sale time per invoice: %.2f" % (
        result["quotes_total"], result["quotes_tax"],
        (result["ours"] / n_ours) / (result["sale"] / n_sale)))


if __name__ == "__main__":
    main()
