"""Run Odoo 11's QUnit suite (/web/tests) in headless Chromium and check the result.

Used by scripts/platform-tests; can be run alone:

    .venv/bin/python tests/platform/run_qunit.py --database crm_platform \
        --config config/odoo-test.conf [--url-path '/web/tests?mod=web']

It starts `crm-odoo` on a free port on an existing database (with demo data:
it logs in as admin/admin), opens the QUnit page in headless Chromium through
Selenium, records every test through QUnit's own callbacks (registered before
any test runs), waits for QUnit.done, prints the counts and the failing tests,
and compares the failures with tests/platform/known_js_failures.txt.

The browser runs in a fixed environment, so that the results do not depend on
the machine: the time zone (TZ, default UTC) and the fonts it can see (a
fontconfig file of ours that lists only Debian's fonts-dejavu-core and
fonts-liberation). Odoo's CSS asks for Helvetica/Arial; with Liberation Sans
(metric-compatible with both) the layout is the one the tests were written
for, with another fallback font three calendar tests fail (docs/PLATFORM.md).

Exit status: 0 when every failure is a known (explained) one, 1 otherwise
(unknown failure, suite not finished, nothing run, fonts missing).
"""
import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
KNOWN = os.path.join(HERE, "known_js_failures.txt")

# The browser's time zone: the same whatever the machine's.
BROWSER_TZ = "UTC"
# The only fonts the browser sees: the files of these Debian packages
# (scripts/setup installs them), whatever else the machine has. Odoo 11's
# backend CSS asks for "Lucida Grande", Helvetica, Verdana, Arial, sans-serif.
# Liberation Sans, metric-compatible with Helvetica and Arial, lays the pages
# out as the tests expect; with DejaVu Sans (wider digits) in its place the
# calendar's week-number column is 1 px wider, a day column 97.92 px wide, and
# three calendar tests click the day before the one they aim at.
FONT_PACKAGES = ("fonts-liberation", "fonts-dejavu-core")
PINNED_SANS = "Liberation Sans"
FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <!-- the system's rules (aliases, hinting), then none of its font folders -->
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <reset-dirs/>
  %(dirs)s
  <cachedir>%(cache)s</cachedir>
</fontconfig>
"""

# Installed before the page's own scripts run: catches the assignment of
# window.QUnit (QUnit 2.2.1 exports itself with `window.QUnit = QUnit`) and
# registers result callbacks before Odoo's test modules start the suite.
HOOK = r"""
(function () {
    var results = window.__crmQUnit = {done: false, tests: [], current: null, summary: null};
    var qunit;
    // objects (deepEqual) as JSON, so that the log shows what differed
    function show(label, v) {
        if (v === undefined || v === null) {
            return '';
        }
        if (typeof v === 'object') {
            try { v = JSON.stringify(v); } catch (e) { /* cyclic: String() below */ }
        }
        return ' | ' + label + ': ' + String(v).slice(0, 300);
    }
    function register(Q) {
        Q.log(function (d) {
            if (!d.result && results.current) {
                results.current.messages.push(
                    String(d.message || '') +
                    show('actual', d.actual) + show('expected', d.expected) +
                    (d.source ? ' | at ' +
                        String(d.source).trim().split('\n')[0].replace(/^at /, '') : ''));
            }
        });
        Q.testStart(function (d) {
            results.current = {module: d.module, name: d.name, messages: []};
        });
        Q.testDone(function (d) {
            var t = results.current || {module: d.module, name: d.name, messages: []};
            t.failed = d.failed; t.passed = d.passed; t.total = d.total;
            t.skipped = !!d.skipped; t.todo = !!d.todo; t.runtime = d.runtime;
            results.tests.push(t);
            results.current = null;
        });
        Q.done(function (d) {
            results.summary = {failed: d.failed, passed: d.passed, total: d.total,
                               runtime: d.runtime};
            results.done = true;
        });
    }
    Object.defineProperty(window, 'QUnit', {
        configurable: true,
        get: function () { return qunit; },
        set: function (value) {
            qunit = value;
            if (value && value.version && !value.__crmHooked) {
                value.__crmHooked = true;
                register(value);
            }
        },
    });
})();
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def read_known(path=KNOWN):
    """{'module > test name': reason} from the known-failures file."""
    known = {}
    if not os.path.exists(path):
        return known
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            name, _, reason = line.partition(" | ")
            known[name.strip()] = reason.strip()
    return known


def start_server(database, config, port, log_path):
    cmd = [os.path.join(ROOT, ".venv", "bin", "crm-odoo"), "-c", config, "-d", database,
           "--db-filter=^%s$" % database, "--http-port=%d" % port,
           "--http-interface=127.0.0.1", "--workers=0", "--max-cron-threads=0",
           "--log-level=warn"]
    log = open(log_path, "w")
    # Odoo 11 compiles the backend's .less with lessc, found on PATH: without
    # it the CSS bundles are empty and dozens of visibility tests fail.
    path = os.pathsep.join([os.path.join(ROOT, ".venv", "bin"),
                            os.path.join(ROOT, "node_modules", ".bin"), os.environ.get("PATH", "")])
    env = dict(os.environ, CRM_ROOT=ROOT, PATH=path)
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env,
                            start_new_session=True)
    url = "http://127.0.0.1:%d/web/login" % port
    deadline = time.time() + 120
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit("crm-odoo exited early (status %s); see %s"
                             % (proc.returncode, log_path))
        try:
            with urllib.request.urlopen(url, timeout=10) as r:
                if r.status == 200:
                    return proc
        except OSError:
            time.sleep(0.5)
    proc.terminate()
    raise SystemExit("crm-odoo did not answer on %s within 120s; see %s" % (url, log_path))


def stop_server(proc):
    """Stop the server; return its exit status if it had already ended by itself."""
    status = proc.poll()
    if status is None:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return status


def package_fonts(packages, target):
    """Link the font files of Debian packages into target; return target."""
    os.makedirs(target, exist_ok=True)
    for package in packages:
        listing = subprocess.run(["dpkg", "-L", package], capture_output=True, text=True)
        files = [f for f in listing.stdout.splitlines() if f.endswith((".ttf", ".otf"))]
        if listing.returncode or not files:
            raise SystemExit("JS: the Debian package %s is not installed: the browser's fonts "
                             "are pinned to %s (scripts/setup installs them)"
                             % (package, ", ".join(packages)))
        for path in files:
            os.symlink(path, os.path.join(target, os.path.basename(path)))
    return target


def browser_env(work_dir, font_dirs=None, tz=BROWSER_TZ):
    """Environment for chromedriver and Chromium: fixed TZ, only our fonts.

    The fonts are those of FONT_PACKAGES, or those of font_dirs if given.
    Writes work_dir/fonts.conf and checks with fc-match that Helvetica and Arial
    resolve to Liberation Sans; raises SystemExit with the fix otherwise.
    """
    if not font_dirs:
        font_dirs = [package_fonts(FONT_PACKAGES, os.path.join(work_dir, "fonts"))]
    conf = os.path.join(work_dir, "fonts.conf")
    dirs = "\n  ".join("<dir>%s</dir>" % d for d in font_dirs)
    with open(conf, "w") as f:
        f.write(FONTS_CONF % {"dirs": dirs, "cache": os.path.join(work_dir, "fontconfig")})
    env = dict(os.environ, TZ=tz, FONTCONFIG_FILE=conf)
    for family in ("Helvetica", "Arial"):
        found = subprocess.run(["fc-match", "-f", "%{family[0]}", family], env=env,
                               capture_output=True, text=True).stdout.strip()
        if found != PINNED_SANS:
            raise SystemExit("JS: the browser would draw %s with %r, not %s (fonts: %s)"
                             % (family, found, PINNED_SANS, ", ".join(font_dirs)))
    return env


def make_driver(profile_dir, env=None):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1366,900",
                 "--user-data-dir=%s" % profile_dir):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # chromedriver passes its environment (TZ, FONTCONFIG_FILE) on to Chromium
    service = Service("/usr/bin/chromedriver", env=env)
    return webdriver.Chrome(service=service, options=options)


def login(driver, base, user, password):
    driver.get(base + "/web/login")
    driver.find_element(By.NAME, "login").send_keys(user)
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    deadline = time.time() + 60
    while time.time() < deadline:
        if "/web/login" not in driver.current_url:
            return
        time.sleep(0.3)
    raise SystemExit("login as %s failed (still on %s)" % (user, driver.current_url))


def run_suite(driver, url, timeout):
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": HOOK})
    driver.set_page_load_timeout(300)
    driver.get(url)
    deadline = time.time() + timeout
    last = -1
    while time.time() < deadline:
        state = driver.execute_script(
            "var r = window.__crmQUnit; return r ? [r.done, r.tests.length] : [false, -1];")
        if state[0]:
            break
        if state[1] // 200 != last // 200:
            print("  ... %d tests done" % state[1], flush=True)
        last = state[1]
        time.sleep(2)
    return driver.execute_script("return window.__crmQUnit;")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--config", default=os.path.join(ROOT, "config", "odoo-test.conf"))
    parser.add_argument("--url-path", default="/web/tests?mod=web")
    parser.add_argument("--login", default="admin")
    parser.add_argument("--password", default="admin")
    parser.add_argument("--timeout", type=int, default=1800, help="seconds for the whole suite")
    parser.add_argument("--known", default=KNOWN)
    parser.add_argument("--log-dir", default=os.path.join(ROOT, "var", "log"))
    parser.add_argument("--json", help="write every test result to this file")
    parser.add_argument("--timezone", default=BROWSER_TZ, help="TZ of the browser")
    parser.add_argument("--font-dir", action="append", dest="font_dirs",
                        help="a folder of fonts the browser may use, instead of the files of "
                        "the Debian packages %s (repeat)" % ", ".join(FONT_PACKAGES))
    args = parser.parse_args(argv)

    os.makedirs(args.log_dir, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="crm-qunit-chromium-")
    try:
        env = browser_env(profile, args.font_dirs, args.timezone)
    except SystemExit:
        shutil.rmtree(profile, ignore_errors=True)
        raise
    print("JS: browser time zone %s, fonts of %s only" % (
        args.timezone, ", ".join(args.font_dirs or FONT_PACKAGES)), flush=True)
    port = free_port()
    server_log = os.path.join(args.log_dir, "qunit-server.log")
    print("JS: starting crm-odoo on port %d (log: %s)" % (port, os.path.relpath(server_log, ROOT)),
          flush=True)
    t0 = time.time()
    try:
        server = start_server(args.database, args.config, port, server_log)
    except SystemExit:
        shutil.rmtree(profile, ignore_errors=True)
        raise
    driver = None
    try:
        driver = make_driver(os.path.join(profile, "chromium"), env)
        base = "http://127.0.0.1:%d" % port
        login(driver, base, args.login, args.password)
        print("JS: running %s" % args.url_path, flush=True)
        results = run_suite(driver, base + args.url_path, args.timeout)
        print("JS: the browser's clock: %s" % driver.execute_script(
            "return String(new Date()) + ', ' + Intl.DateTimeFormat().resolvedOptions().timeZone;"),
            flush=True)
        try:
            console = driver.get_log("browser")
        except Exception:  # noqa: BLE001 (logs are a diagnostic only)
            console = []
    finally:
        if driver is not None:
            driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
        server_died = stop_server(server)

    with open(os.path.join(args.log_dir, "qunit-console.log"), "w") as f:
        for entry in console:
            f.write("%s %s\n" % (entry.get("level"), entry.get("message")))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)

    tests = (results or {}).get("tests") or []
    failed = [t for t in tests if t.get("failed")]
    skipped = [t for t in tests if t.get("skipped")]
    passed = len(tests) - len(failed) - len(skipped)
    known = read_known(args.known)
    unknown = []
    print("JS failing tests:")
    for t in failed:
        name = "%s > %s" % (t["module"], t["name"])
        reason = known.get(name)
        print("  %s %s" % ("KNOWN  " if reason is not None else "UNKNOWN", name))
        if reason is not None:
            print("          why: %s" % reason)
        else:
            unknown.append(name)
        for message in t.get("messages", [])[:3]:
            print("          %s" % message[:800])
    if not failed:
        print("  (none)")
    failed_names = {"%s > %s" % (t["module"], t["name"]) for t in failed}
    for name in sorted(set(known) - failed_names):
        print("  note: known failure now passes (remove it from %s): %s"
              % (os.path.relpath(args.known, ROOT), name))

    with open(server_log, errors="replace") as f:
        server_errors = [line.rstrip() for line in f if " ERROR " in line or " CRITICAL " in line]
    for line in server_errors[:10]:
        print("JS: server error: %s" % line[:300])
    if server_died is not None:
        print("JS: the server ended during the run (exit status %s): later results are meaningless"
              % server_died)
    no_lessc = any("Could not execute command 'lessc'" in line for line in server_errors)
    if no_lessc:
        print("JS: lessc is missing: the CSS bundles are broken, results are meaningless")

    complete = bool(results and results.get("done"))
    print("JS: %d tests in %.0fs%s" % (len(tests), time.time() - t0,
                                       "" if complete else " (suite did NOT finish)"))
    print("JS: %d passed, %d failed (%d known, %d unknown), %d skipped"
          % (passed, len(failed), len(failed) - len(unknown), len(unknown), len(skipped)))
    if not complete or not tests or unknown or no_lessc or server_died is not None:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
