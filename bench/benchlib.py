"""What the benchmarks of bench/ share: where Odoo and its test configuration
are, and running a script in `crm-odoo shell` on a benchmark database.

The scripts run as ``python bench/<name>.py`` from the repository root, so
this module is imported as ``benchlib``.
"""
import json
import os
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# the addons and config of another checkout can be measured with CRM_ROOT=...
ROOT = os.environ.get("CRM_ROOT") or REPO
CRM_ODOO = os.path.join(REPO, ".venv", "bin", "crm-odoo")
CONFIG = os.path.join(ROOT, "config", "odoo-test.conf")
PG = ["-h", "127.0.0.1", "-U", "crm"]


def shell(db, script):
    """Run ``script`` in `crm-odoo shell` on ``db``; the JSON it printed after
    ``BENCH_RESULT ``. Stops the benchmark, with Odoo's output, if there is none."""
    env = dict(os.environ, CRM_ROOT=ROOT)
    proc = subprocess.run([CRM_ODOO, "shell", "-c", CONFIG, "-d", db, "--no-http"],
                          input=script, capture_output=True, text=True, env=env)
    for line in proc.stdout.splitlines():
        if line.startswith("BENCH_RESULT "):
            return json.loads(line[len("BENCH_RESULT "):])
    sys.stderr.write(proc.stdout[-3000:] + proc.stderr[-5000:])
    raise SystemExit("benchmark script failed in %s" % db)


def load_average():
    """The 1-minute load average as text: the machine is shared, the numbers depend on it."""
    try:
        return "%.1f" % os.getloadavg()[0]
    except OSError:
        return "?"


def prepare_run():
    """What every benchmark needs before it starts: its lines printed as they
    come, PostgreSQL's password for psql/dropdb, and the repository's lessc
    (node_modules) on PATH for the Odoo it starts."""
    sys.stdout.reconfigure(line_buffering=True)
    os.environ.setdefault("PGPASSWORD", "crm")
    os.environ["PATH"] = os.pathsep.join([os.path.join(REPO, "node_modules", ".bin"),
                                          os.environ["PATH"]])


def new_database(db, addons, template=None):
    """``db`` made again: a copy of ``template`` when given, else a fresh
    database with ``addons`` (comma list) installed without demo data. Prints
    how long it took."""
    started = time.time()
    subprocess.run(["dropdb", "--if-exists"] + PG + [db], check=True)
    if template:
        subprocess.run(["createdb"] + PG + ["-T", template, db], check=True)
    else:
        subprocess.run([CRM_ODOO, "-c", CONFIG, "-d", db, "-i", addons,
                        "--without-demo=all", "--stop-after-init"],
                       env=dict(os.environ, CRM_ROOT=ROOT), check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print("%s ready in %.0f s (load average %s)"
          % (db, time.time() - started, load_average()))
