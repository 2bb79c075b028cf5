#!/usr/bin/env python3
"""Benchmark: our contact import (crm.import.wizard) against Odoo 11's base_import.

    .venv/bin/python bench/bench_import.py [--rows 100000] [--seed 42] [--keep]

1. writes a French CSV of companies (seeded random; ~5% of the rows repeat
   an earlier company's SIRET, with its name in capitals or with a legal form);
2. builds a database with crm_base (base_import comes with web) through
   `crm-odoo -i crm_base`, then clones it twice with `createdb -T` so both
   importers start from the same state;
3. in each clone, through `crm-odoo shell`, times the import of the same file
   from its bytes to the commit: ours (upload, columns, import; dedup on SIRET,
   duplicates update the first company), then base_import's
   `base_import.import.do()` with the same columns mapped. base_import does not
   deduplicate: it creates every row, duplicates included;
4. prints both times, rows per second, the ratio and the load average of the
   machine during each import, and drops the databases (unless --keep).

Run from the repository root; PostgreSQL as in config/odoo-test.conf.
"""
import argparse
import csv
import importlib.util
import os
import random
import subprocess
import tempfile
import time

from benchlib import CONFIG, CRM_ODOO, PG, REPO, ROOT, shell, prepare_run

HEADERS = ["Raison sociale", "SIRET", "Adresse", "Code postal", "Ville", "Pays", "Courriel",
           "Téléphone"]
BASE_IMPORT_FIELDS = ["name", "siret", "street", "zip", "city", "country_id", "email", "phone"]

WORDS = ["Boulangerie", "Atelier", "Cabinet", "Garage", "Librairie", "Fromagerie", "Menuiserie",
         "Agence", "Studio", "Pharmacie", "Imprimerie", "Conseil", "Transports", "Jardins",
         "Éditions", "Créations", "Bâtiment", "Électricité", "Plomberie", "Café"]
NAMES = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
         "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David",
         "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier"]
FORMS = ["", "", "SARL", "SAS", "SA", "EURL", "SASU"]
CITIES = [("75011", "Paris"), ("69002", "Lyon"), ("13001", "Marseille"), ("31000", "Toulouse"),
          ("44000", "Nantes"), ("33000", "Bordeaux"), ("59000", "Lille"), ("67000", "Strasbourg"),
          ("35000", "Rennes"), ("34000", "Montpellier"), ("06000", "Nice"),
          ("42000", "Saint-Étienne")]
STREETS = ["rue de la République", "avenue Jean Jaurès", "place du Marché", "rue Victor Hugo",
           "boulevard Gambetta", "rue des Écoles", "allée des Tilleuls", "chemin du Moulin"]


def _load_siren_logic():
    # crm_base's plain-Python identifiers module, loaded by path (importing
    # the addon package would import Odoo)
    path = os.path.join(REPO, "addons", "crm_base", "logic", "siren.py")
    spec = importlib.util.spec_from_file_location("crm_base_logic_siren", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


luhn_digit = _load_siren_logic().luhn_digit


def make_siret(rng, used):
    while True:
        siren = "%08d" % rng.randrange(10 ** 7, 10 ** 8)
        siren += luhn_digit(siren)
        nic = "%04d" % rng.randrange(1, 10000)
        body = siren + nic
        siret = body + luhn_digit(body)
        if siret not in used and not siret.startswith("356000000"):
            used.add(siret)
            return siret


def generate(path, rows, seed, duplicate_rate=0.05):
    rng = random.Random(seed)
    used, written, duplicates = set(), [], 0
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle, delimiter=";")
        out.writerow(HEADERS)
        for i in range(rows):
            if written and rng.random() < duplicate_rate:
                row = list(rng.choice(written))
                # the same company, written differently
                row[0] = rng.choice([row[0].upper(), row[0] + " SAS", row[0]])
                row[7] = "04 %02d %02d %02d %02d" % tuple(rng.randrange(100) for _ in range(4))
                duplicates += 1
            else:
                name = "%s %s %s" % (rng.choice(WORDS), rng.choice(NAMES), rng.choice(FORMS))
                zip_code, city = rng.choice(CITIES)
                siret = make_siret(rng, used)
                row = [name.strip() + " %d" % i,
                       "%s %s %s %s" % (siret[:3], siret[3:6], siret[6:9], siret[9:]),
                       "%d %s" % (rng.randrange(1, 200), rng.choice(STREETS)),
                       zip_code, city, "France", "contact%d@exemple-%d.fr" % (i, i % 97),
                       "01 %02d %02d %02d %02d" % tuple(rng.randrange(100) for _ in range(4))]
                written.append(row)
            out.writerow(row)
    return duplicates


OUR_SCRIPT = r"""
import base64, json, time
path = %(path)r
t0 = time.time()
with open(path, "rb") as handle:
    data = handle.read()
wizard = env["crm.import.wizard"].create({
    "file": base64.b64encode(data), "file_name": "bench.csv", "import_type": "company",
    "dedup_rule": "siret", "duplicate_action": "update"})
wizard.action_upload()
wizard.action_confirm_mapping()
t_preview = time.time()
wizard.action_preview()
preview = time.time() - t_preview
wizard.action_import()
run = wizard.run_id
result = {"state": run.state, "created": run.created_count, "updated": run.updated_count,
          "skipped": run.skipped_count, "errors": run.error_count, "preview_seconds": preview}
env.cr.commit()
result["seconds"] = time.time() - t0 - preview
result["partners"] = env["res.partner"].search_count([("siret", "!=", False)])
print("BENCH_RESULT " + json.dumps(result))
"""

BASE_SCRIPT = r"""
import json, time
path = %(path)r
t0 = time.time()
with open(path, "rb") as handle:
    data = handle.read()
importer = env["base_import.import"].create({
    "res_model": "res.partner", "file": data, "file_name": "bench.csv", "file_type": "text/csv"})
importer = importer.with_context(default_is_company=True)
messages = importer.do(%(fields)r, {"headers": True, "separator": ";", "quoting": '"',
                                    "encoding": "utf-8"})
errors = [m for m in messages if m.get("type") == "error"]
env.cr.commit()
result = {"seconds": time.time() - t0, "errors": len(errors), "messages": messages[:3],
          "partners": env["res.partner"].search_count([("siret", "!=", False)])}
print("BENCH_RESULT " + json.dumps(result, default=str))
"""


def run(cmd, **kwargs):
    return subprocess.run(cmd, check=True, **kwargs)


def load():
    """The 1-minute load average: the machine is shared, the numbers depend on it."""
    return os.getloadavg()[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100000, help="rows in the CSV (100000)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--keep", action="store_true", help="keep the databases")
    args = parser.parse_args()
    prepare_run()
    template, ours_db, base_db = "cb_bench_tpl", "cb_bench_ours", "cb_bench_base"
    workdir = tempfile.mkdtemp(prefix="bench_import_")
    path = os.path.join(workdir, "contacts.csv")
    duplicates = generate(path, args.rows, args.seed)
    print("CSV: %s rows (%s repeat an earlier company), %.1f MB"
          % (args.rows, duplicates, os.path.getsize(path) / 1e6))

    for db in (template, ours_db, base_db):
        subprocess.run(["dropdb", "--if-exists"] + PG + [db], check=True)
    started = time.time()
    run([CRM_ODOO, "-c", CONFIG, "-d", template, "-i", "crm_base", "--without-demo=all",
         "--stop-after-init"], env=dict(os.environ, CRM_ROOT=ROOT),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for db in (ours_db, base_db):
        run(["createdb"] + PG + ["-T", template, db])
    print("databases ready in %.0f s (crm_base and base_import, no demo data)"
          % (time.time() - started))

    try:
        loads = [load()]
        ours = shell(ours_db, OUR_SCRIPT % {"path": path})
        loads.append(load())
        print("ours done in %.1f s (load average %.1f -> %.1f)"
              % (ours["seconds"], loads[0], loads[1]))
        base = shell(base_db, BASE_SCRIPT % {"path": path, "fields": BASE_IMPORT_FIELDS})
        loads.append(load())
        print("base_import done in %.1f s (load average %.1f -> %.1f)"
              % (base["seconds"], loads[1], loads[2]))
    finally:
        if not args.keep:
            for db in (template, ours_db, base_db):
                subprocess.run(["dropdb", "--if-exists"] + PG + [db])
        os.remove(path)
        os.rmdir(workdir)

    print("ours (crm.import.wizard): %8.1f s  %7.0f rows/s  outcome %s: %s created, %s updated "
          "(duplicates by SIRET), %s errors; preview step (not timed above) %.1f s"
          % (ours["seconds"], args.rows / ours["seconds"], ours["state"], ours["created"],
             ours["updated"], ours["errors"], ours["preview_seconds"]))
    print("base_import.do():         %8.1f s  %7.0f rows/s  %s partners with a SIRET, %s errors "
          "(base_import does not deduplicate: duplicates are created as new contacts)"
          % (base["seconds"], args.rows / base["seconds"], base["partners"], base["errors"]))
    if base["errors"]:
        print("base_import messages: %s" % base["messages"])
    print("ratio: ours is %.2fx faster than base_import (load average %.1f / %.1f / %.1f at "
          "the start / between / at the end, %s CPUs)"
          % (base["seconds"] / ours["seconds"], loads[0], loads[1], loads[2], os.cpu_count()))


if __name__ == "__main__":
    main()
