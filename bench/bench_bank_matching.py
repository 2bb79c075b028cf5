#!/usr/bin/env python3
"""Benchmark: bank statement matching, our engine against Odoo 11's own
automatic reconciliation, on the same seeded data, in the same run.

    .venv/bin/python bench/bench_bank_matching.py [--lines 10000] [--sample 1000]
        [--seed 42] [--template crm_bill-bank_db] [--prefix crm_bill-bank_bench_] [--keep]

1. generates, in plain Python (seeded), a French SME's receivables: customers
   ("Boulangerie Martin", "Garage Dubois SARL", the same trade and name in two
   cities, 60 % with a known IBAN), ``--lines`` open invoices (INV/2026/00001,
   ..., a sixth of them at common round amounts), and ``--lines`` bank
   statement lines as French banks label them:
   - 85 % pay one invoice in full and name it, written as people do
     ("INV 2026 00012", "inv-2026-00012", "INV/2026/00012", "REF INV202600012"),
     with or without the customer's name (upper case, unaccented, sometimes cut
     at 20 characters), the payer's name and IBAN when the bank gives them;
   - 10 % carry no reference ("VIR SEPA GARAGE DUBOIS", "VIREMENT RECU");
   - 5 % are partial payments (naming the invoice, 20-80 % of it) or grouped
     payments of 2-3 invoices of one customer (with or without their numbers);
   - the rest, up to ``--lines``, are bank fees, card payments, social charges,
     cheque deposits: nothing to match (about 3 %);
   each line knows the invoices it really pays (the truth);
2. runs our engine (addons/crm_billing/logic/bank_matching.py) on all lines
   against all invoices, in this process: time, and lines matched
   automatically right / wrong / left (a line counts as right when the engine
   is sure and its invoices are exactly the truth);
3. in PostgreSQL: clones ``--template`` (a database with crm_billing, e.g.
   the development one; built with ``-i crm_billing --without-demo=all`` when
   absent) into <prefix>data (``--prefix``, default crm_bill-bank_bench_),
   creates there the customers (with their IBANs), the invoices that the first
   ``--sample`` lines pay plus as many others (posted journal entries on 411,
   due dates as generated) and one bank statement of those ``--sample`` lines
   (partner and bank account set where the IBAN is known, as Odoo's import
   does), then clones that database
   twice: in one, Odoo 11's reconciliation_widget_auto_reconcile on every
   line; in the other, our "Match automatically"
   (crm.bank.match.proposal.match_statement_lines: data read, engine,
   reconciliation of the sure matches with process_reconciliation); times
   both and counts right / wrong / left from the journal items each
   reconciled;
4. prints both tables and the load average, drops the databases (unless
   --keep).

Odoo's run is on a sample because it takes about 200 ms a line (NEXT-ADDONS
§E.2): 10,000 lines would take more than half an hour, and creating 20,000
journal entries through the ORM (about 150 ms each here) another hour.

Run from the repository root; PostgreSQL as in config/odoo-test.conf.
"""
import argparse
import datetime
import importlib.util
import json
import os
import random
import subprocess
import tempfile
import time

from benchlib import CONFIG, CRM_ODOO, PG, ROOT, shell, load_average, prepare_run

os.environ.setdefault("PGPASSWORD", "crm")

TRADES = ["Boulangerie", "Garage", "Menuiserie", "Plomberie", "Cabinet", "Pharmacie",
          "Restaurant", "Hôtel", "Librairie", "Fromagerie", "Boucherie", "Salon", "Atelier",
          "Transports", "Charpentes", "Électricité", "Maçonnerie", "Imprimerie", "Fleuriste",
          "Agence"]
SURNAMES = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
            "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David",
            "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Lefèvre",
            "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez"]
CITIES = ["Lyon", "Grenoble", "Annecy", "Valence", "Chambéry", "Villeurbanne"]
FORMS = ["", "", "", " SARL", " SAS", " EURL"]
ROUND_AMOUNTS = [120.0, 180.0, 240.0, 360.0, 480.0, 600.0, 960.0, 1200.0, 1800.0, 2400.0]
NOISE = [("FRAIS TENUE DE COMPTE", -9.5), ("COTISATION OFFRE PRO", -12.9),
         ("CB LEROY MERLIN {n}", None), ("PRLV SEPA URSSAF RHONE ALPES", None),
         ("REMISE CHEQUES {n}", None), ("CB STATION TOTAL {n}", None),
         ("PRLV SEPA EDF PRO", None), ("VIR SEPA DGFIP TVA", None)]


def bank_upper(text):
    import unicodedata
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).upper()


def iban_for(rng):
    from_digits = "".join(rng.choice("0123456789") for _ in range(23))
    # a valid French IBAN: check digits over the BBAN + "FR00"
    number = int("".join(str(int(c, 36)) for c in from_digits + "FR00"))
    return "FR%02d%s" % (98 - number % 97, from_digits)


def generate(n_lines, seed):
    """The customers, invoices and statement lines, with the truth."""
    rng = random.Random(seed)
    customers = []
    n_customers = max(50, n_lines // 5)
    for n in range(n_customers):
        trade, surname = TRADES[n % len(TRADES)], SURNAMES[(n // len(TRADES)) % len(SURNAMES)]
        name = "%s %s" % (trade, surname)
        if n >= len(TRADES) * len(SURNAMES):
            name += " " + CITIES[(n // (len(TRADES) * len(SURNAMES)) - 1) % len(CITIES)]
        name += rng.choice(FORMS)
        customers.append({"id": n, "name": name,
                          "iban": iban_for(rng) if rng.random() < 0.6 else None})
    weights = [rng.paretovariate(1.5) for _ in customers]
    start = datetime.date(2026, 1, 5)
    invoices = []
    for n in range(n_lines):
        customer = rng.choices(customers, weights)[0]
        date = start + datetime.timedelta(days=rng.randrange(0, 280))
        amount = rng.choice(ROUND_AMOUNTS) if rng.random() < 1 / 6 else round(
            rng.lognormvariate(6.5, 1.0) + 20, 2)
        invoices.append({"id": n, "number": "INV/2026/%05d" % (n + 1),
                         "customer": customer["id"], "amount": amount,
                         "date": date.isoformat(),
                         "due": (date + datetime.timedelta(days=30)).isoformat()})
    open_by_customer = {}
    for invoice in invoices:
        open_by_customer.setdefault(invoice["customer"], []).append(invoice)
    order = list(invoices)
    rng.shuffle(order)
    paid = set()
    lines = []

    def number_text(number):
        digits = number.split("/")[-1]
        return rng.choice([number, number.replace("/", " "), number.replace("/", "-").lower(),
                           "REF " + number.replace("/", ""), "INV2026/" + digits])

    def name_text(customer):
        name = bank_upper(customer["name"])
        return name[:20].strip() if rng.random() < 0.25 else name

    n_payments = int(n_lines * 0.97)
    for invoice in order:
        if len(lines) >= n_payments:
            break
        if invoice["id"] in paid:
            continue
        customer = customers[invoice["customer"]]
        pays = [invoice]
        amount = invoice["amount"]
        partial = False
        draw = rng.random()
        due = datetime.date.fromisoformat(invoice["due"])
        date = due + datetime.timedelta(days=rng.randrange(-20, 40))
        line = {"id": len(lines) + 1, "date": date.isoformat(), "partner_name": "",
                "iban": ""}
        if customer["iban"] and rng.random() < 0.7:
            line["iban"] = customer["iban"]
        if rng.random() < 0.4:
            line["partner_name"] = bank_upper(customer["name"])
        if draw < 0.025:
            partial = True
            amount = round(amount * rng.uniform(0.2, 0.8), 2)
            label = "VIR SEPA %s ACOMPTE %s" % (name_text(customer),
                                                number_text(invoice["number"]))
        elif draw < 0.05:
            others = [i for i in open_by_customer[customer["id"]]
                      if i["id"] not in paid and i is not invoice
                      and i["date"] <= line["date"]][:rng.choice([1, 2])]
            pays += others
            amount = round(sum(i["amount"] for i in pays), 2)
            if rng.random() < 0.5:
                label = "VIR SEPA %s %s" % (name_text(customer), " ".join(
                    number_text(i["number"]) for i in pays))
            else:
                label = "VIR SEPA %s FACTURES" % name_text(customer)
        elif draw < 0.15:
            label = rng.choice(["VIR SEPA %s" % name_text(customer),
                                "VIREMENT %s" % name_text(customer), "VIREMENT RECU"])
        else:
            label = rng.choice([
                "VIR SEPA %s FACT %s" % (name_text(customer), number_text(invoice["number"])),
                "VIR %s" % number_text(invoice["number"]),
                "REGLEMENT FACTURE %s %s" % (number_text(invoice["number"]),
                                             name_text(customer)),
                "%s %s" % (name_text(customer), number_text(invoice["number"]))])
        line.update(label=label, amount=amount, truth=sorted(i["id"] for i in pays),
                    partial=partial)
        lines.append(line)
        paid.update(i["id"] for i in pays)
    while len(lines) < n_lines:
        text, amount = rng.choice(NOISE)
        if amount is None:
            amount = -round(rng.uniform(5, 900), 2)
            if text.startswith("REMISE"):
                amount = rng.choice([-amount, rng.choice(ROUND_AMOUNTS)])
        lines.append({"id": len(lines) + 1, "label": text.format(n=rng.randrange(1000, 9999)),
                      "amount": amount, "partner_name": "", "iban": "", "truth": [],
                      "partial": False,
                      "date": (start + datetime.timedelta(days=rng.randrange(0, 300))).isoformat()})
    rng.shuffle(lines)
    return {"customers": customers, "invoices": invoices, "lines": lines}


def load_engine():
    path = os.path.join(ROOT, "addons", "crm_billing", "logic", "bank_matching.py")
    spec = importlib.util.spec_from_file_location("bank_matching", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(lines, outcome):
    """right / wrong / left: ``outcome`` maps a line id to the sorted invoice
    ids it was reconciled with (missing = not reconciled)."""
    right = wrong = left = 0
    for line in lines:
        got = outcome.get(line["id"])
        if got is None:
            left += 1
        elif got == line["truth"]:
            right += 1
        else:
            wrong += 1
    return {"right": right, "wrong": wrong, "left": left}


def run_engine(data):
    engine = load_engine()
    customers = data["customers"]
    items = [{"id": i["id"], "number": i["number"], "partner_id": i["customer"],
              "partner_name": customers[i["customer"]]["name"],
              "partner_ibans": [customers[i["customer"]]["iban"]]
              if customers[i["customer"]]["iban"] else [],
              "residual": i["amount"], "date": i["date"], "due_date": i["due"]}
             for i in data["invoices"]]
    lines = [{"id": line["id"], "amount": line["amount"], "date": line["date"],
              "label": line["label"], "partner_name": line["partner_name"], "iban": line["iban"]}
             for line in data["lines"]]
    started = time.time()
    proposals = engine.match(lines, items)
    elapsed = time.time() - started
    outcome = {p["line_id"]: sorted(p["item_ids"]) for p in proposals if p["sure"]}
    result = score(data["lines"], outcome)
    truth = {line["id"]: line["truth"] for line in data["lines"]}
    unsure = [p for p in proposals if not p["sure"]]
    result.update(seconds=elapsed, proposed=len(unsure),
                  proposed_right=sum(1 for p in unsure
                                     if sorted(p["item_ids"]) == truth[p["line_id"]]))
    return result


# --------------------------------------------------------------------------
# In PostgreSQL, through `crm-odoo shell`
# --------------------------------------------------------------------------
SETUP_SCRIPT = r"""
import json, time
P = %(params)r
data = json.load(open(P["data"]))
lines = data["lines"][:P["sample"]]
needed = sorted({i for l in lines for i in l["truth"]})
others = [i["id"] for i in data["invoices"] if i["id"] not in set(needed)]
invoice_ids = sorted(set(needed) | set(others[:max(len(needed), P["sample"])]))
invoices = [data["invoices"][i] for i in invoice_ids]
company = env.user.company_id
recv = env["account.account"].search([("internal_type", "=", "receivable"),
                                      ("company_id", "=", company.id)], limit=1)
income = env["account.account"].search([("code", "=like", "706%%"),
                                        ("company_id", "=", company.id)], limit=1)
sales = env["account.journal"].search([("type", "=", "sale"),
                                       ("company_id", "=", company.id)], limit=1)
bank = env["account.journal"].create({"name": "Banque bench", "code": "BNCH", "type": "bank",
                                      "company_id": company.id})
t0 = time.time()
partners, banks = {}, {}
for customer in [data["customers"][c] for c in sorted({i["customer"] for i in invoices})]:
    partner = env["res.partner"].create({"name": customer["name"], "is_company": True,
                                         "customer": True})
    partners[customer["id"]] = partner.id
    if customer["iban"]:
        banks[customer["iban"]] = env["res.partner.bank"].create(
            {"acc_number": customer["iban"], "partner_id": partner.id}).id
aml_of = {}
for invoice in invoices:
    move = env["account.move"].create({
        "journal_id": sales.id, "date": invoice["date"], "name": invoice["number"],
        "line_ids": [
            (0, 0, {"account_id": recv.id, "partner_id": partners[invoice["customer"]],
                    "debit": invoice["amount"], "credit": 0.0, "name": invoice["number"],
                    "date_maturity": invoice["due"]}),
            (0, 0, {"account_id": income.id, "partner_id": partners[invoice["customer"]],
                    "debit": 0.0, "credit": invoice["amount"], "name": invoice["number"]})]})
    move.post()
iban_partner = {c["iban"]: partners[c["id"]] for c in data["customers"]
                if c["iban"] and c["id"] in partners}
statement = env["account.bank.statement"].create({
    "name": "Relevé bench", "journal_id": bank.id, "date": "2026-12-01",
    "line_ids": [(0, 0, {
        "date": l["date"], "name": l["label"], "amount": l["amount"], "sequence": n,
        "partner_name": l["partner_name"] or False,
        "unique_import_id": "bench-%%d" %% l["id"],
        "bank_account_id": banks.get(l["iban"]) or False,
        "partner_id": iban_partner.get(l["iban"]) or False})
        for n, l in enumerate(lines)]})
env.cr.commit()
print("BENCH_RESULT " + json.dumps({"invoices": len(invoices), "lines": len(lines),
                                    "seconds": time.time() - t0}))
"""

MEASURE_SCRIPT = r"""
import json, time
P = %(params)r
data = json.load(open(P["data"]))
number_to_id = {i["number"]: i["id"] for i in data["invoices"]}
statement = env["account.bank.statement"].search([("name", "=", "Relevé bench")])
st_lines = statement.line_ids
t0 = time.time()
if P["side"] == "odoo":
    statement.reconciliation_widget_preprocess()
    st_lines.reconciliation_widget_auto_reconcile(0)
    proposed = []
    reconcile_seconds = None
else:
    # time Odoo's process_reconciliation apart: the same code reconciles Odoo's matches
    Proposal = type(env["crm.bank.match.proposal"])
    original = Proposal._reconcile_statement_line
    spent = [0.0]

    def timed(self, *args):
        started = time.time()
        try:
            return original(self, *args)
        finally:
            spent[0] += time.time() - started
    Proposal._reconcile_statement_line = timed
    proposals = env["crm.bank.match.proposal"].match_statement_lines(st_lines)
    Proposal._reconcile_statement_line = original
    reconcile_seconds = spent[0]
    proposed = [(p.statement_line_id.unique_import_id, sorted(number_to_id[m.move_id.name]
                 for m in p.move_line_ids if m.move_id.name in number_to_id))
                for p in proposals if p.state == "proposed"]
elapsed = time.time() - t0
env.cr.commit()
outcome = {}
for st_line in st_lines:
    counterparts = st_line.journal_entry_ids.filtered(
        lambda a: a.account_id.internal_type in ("receivable", "payable"))
    if not counterparts:
        continue
    paid = counterparts.mapped("matched_debit_ids.debit_move_id") | \
        counterparts.mapped("matched_credit_ids.credit_move_id")
    outcome[st_line.unique_import_id] = sorted(number_to_id.get(m.move_id.name, -1) for m in paid)
print("BENCH_RESULT " + json.dumps({"seconds": elapsed, "outcome": outcome,
                                    "proposed": proposed, "reconcile": reconcile_seconds}))
"""


def db_exists(db):
    out = subprocess.run(["psql"] + PG + ["-d", "postgres", "-tAc",
                                          "SELECT 1 FROM pg_database WHERE datname = '%s'" % db],
                         capture_output=True, text=True).stdout.strip()
    return out == "1"


def clone(template, db):
    subprocess.run(["dropdb", "--if-exists"] + PG + [db], check=True)
    subprocess.run(["createdb"] + PG + ["-T", template, db], check=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", type=int, default=10000)
    parser.add_argument("--sample", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--template", help="default: <prefix>tpl")
    parser.add_argument("--prefix", default="crm_bill-bank_bench_",
                        help="of the databases it creates (data, odoo, ours, tpl)")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    data_db, odoo_db, ours_db = (args.prefix + name for name in ("data", "odoo", "ours"))
    args.template = args.template or args.prefix + "tpl"
    prepare_run()
    loads = [load_average()]

    data = generate(args.lines, args.seed)
    kinds = {"reference": 0, "no reference": 0, "partial": 0, "grouped": 0, "nothing": 0}
    for line in data["lines"]:
        if not line["truth"]:
            kinds["nothing"] += 1
        elif line["partial"]:
            kinds["partial"] += 1
        elif len(line["truth"]) > 1:
            kinds["grouped"] += 1
        elif any(ch.isdigit() for ch in line["label"]):
            kinds["reference"] += 1
        else:
            kinds["no reference"] += 1
    print("data: %d customers, %d invoices, %d lines %s" % (
        len(data["customers"]), len(data["invoices"]), len(data["lines"]), kinds))

    engine = run_engine(data)
    print("\nour engine, %d lines x %d invoices (plain Python, this process):" % (
        len(data["lines"]), len(data["invoices"])))
    print("  %(seconds).2f s; matched automatically: right %(right)d, wrong %(wrong)d, "
          "left %(left)d; proposed for a click: %(proposed)d (%(proposed_right)d right)" % engine)
    if not args.sample:
        return

    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(data, handle)
        path = handle.name
    try:
        if not db_exists(args.template):
            print("building %s (crm_billing without demo)..." % args.template)
            subprocess.run([CRM_ODOO, "-c", CONFIG, "-d", args.template, "-i", "crm_billing",
                            "--without-demo=all", "--stop-after-init"],
                           env=dict(os.environ, CRM_ROOT=ROOT), check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        clone(args.template, data_db)
        params = {"data": path, "sample": args.sample}
        setup = shell(data_db, SETUP_SCRIPT % {"params": params})
        print("\nin PostgreSQL: %(lines)d statement lines, %(invoices)d open invoices "
              "(set up in %(seconds).0f s)" % setup)
        clone(data_db, odoo_db)
        clone(data_db, ours_db)
        loads.append(load_average())
        sample = data["lines"][:args.sample]
        results = {}
        for side, db in (("odoo", odoo_db), ("ours", ours_db)):
            raw = shell(db, MEASURE_SCRIPT % {"params": dict(params, side=side)})
            outcome = {int(k.split("-")[1]): v for k, v in raw["outcome"].items()}
            result = score(sample, outcome)
            truth = {line["id"]: line["truth"] for line in sample}
            result["seconds"] = raw["seconds"]
            result["reconcile"] = raw["reconcile"]
            result["proposed"] = len(raw["proposed"])
            result["proposed_right"] = sum(1 for note, ids in raw["proposed"]
                                           if ids == truth[int(note.split("-")[1])])
            results[side] = result
            loads.append(load_average())
        print("\n%-40s %8s %8s %8s %8s %10s %12s" % (
            "", "right", "wrong", "left", "seconds", "ms/line", "proposed"))
        for side, title in (("odoo", "Odoo 11 auto-reconcile"),
                            ("ours", "ours: Match automatically")):
            r = results[side]
            print("%-40s %8d %8d %8d %8.1f %10.1f %6d (%d ok)" % (
                title, r["right"], r["wrong"], r["left"], r["seconds"],
                1000 * r["seconds"] / len(sample), r["proposed"], r["proposed_right"]))
        odoo, ours = results["odoo"], results["ours"]
        per_match = ours["reconcile"] / max(1, ours["right"] + ours["wrong"])
        print("\nours: %.1f s matching (read, engine, proposals), %.1f s in Odoo's "
              "process_reconciliation (%.0f ms a reconciled line)" % (
                  ours["seconds"] - ours["reconcile"], ours["reconcile"], 1000 * per_match))
        odoo_deciding = odoo["seconds"] - per_match * (odoo["right"] + odoo["wrong"])
        print("Odoo, its reconciliations counted at the same cost: about %.1f s deciding "
              "(%.0f ms a line)" % (odoo_deciding, 1000 * odoo_deciding / len(sample)))
        print("time per line matched right: Odoo %.0f ms, ours %.0f ms" % (
            1000 * odoo["seconds"] / max(1, odoo["right"]),
            1000 * ours["seconds"] / max(1, ours["right"])))
        print("\nright matches: ours / Odoo = %s; time: Odoo / ours = %.2fx" % (
            "%.1fx" % (ours["right"] / odoo["right"]) if odoo["right"] else "inf",
            odoo["seconds"] / ours["seconds"] if ours["seconds"] else 0))
    finally:
        os.unlink(path)
        print("load average (1 min): " + " -> ".join(loads))
        if not args.keep:
            for db in (data_db, odoo_db, ours_db):
                subprocess.run(["dropdb", "--if-exists"] + PG + [db])


if __name__ == "__main__":
    main()
