"""A real Odoo server and a real browser for the tests of tests/.

These tests are not pytest-odoo TransactionCases: they talk to an Odoo server
started as a subprocess through `crm-odoo` on the run's database (env var
CRM_TEST_DB, built by scripts/test), over HTTP, XML-RPC and Chromium.

conftest.py turns `start_server`/`new_browser` into fixtures; the helpers
below (`login`, `wait_idle`, `console_errors`, ...) are imported by the tests.
"""
import email
import os
import re
import shlex
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
import xmlrpc.client
from dataclasses import dataclass, field
from email import policy

from selenium import webdriver
from selenium.common.exceptions import (
    NoSuchElementException,
    StaleElementReferenceException,
    TimeoutException,
)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CRM_ODOO = os.path.join(ROOT, ".venv", "bin", "crm-odoo")
TEST_CONF = os.path.join(ROOT, "config", "odoo-test.conf")
LOG_DIR = os.path.join(ROOT, "var", "log")
ARTIFACT_DIR = os.path.join(ROOT, "var", "test-artifacts")

START_TIMEOUT = 90  # seconds until /web/login must answer 200
PAGE_TIMEOUT = 60  # seconds for a page or view of the web client
# The first /web of a fresh database compiles the backend bundles (lessc),
# which takes long on a loaded machine: login waits longer.
LOGIN_TIMEOUT = 150

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def free_port():
    """A TCP port free on 127.0.0.1 right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SmtpSink(object):
    """What an aiosmtpd server received: every envelope, in order."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(envelope)
        return "250 OK"

    def mails_to(self, address):
        """The messages sent to ``address``, parsed (email.message.EmailMessage)."""
        return [email.message_from_bytes(envelope.content, policy=policy.default)
                for envelope in self.messages if address in envelope.rcpt_tos]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """An opener handler that returns 3xx answers instead of following them."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def tail(path, lines=60):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return "".join(f.readlines()[-lines:])
    except OSError as e:
        return "(no log: %s)" % e


# The start of a record in Odoo's log format: "<date> <time>,<ms> <pid> <LEVEL> <db> <logger>: ...".
_LOG_RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ ([A-Z]+) ")


@dataclass
class OdooServer:
    url: str
    db: str
    port: int
    log_path: str
    process: subprocess.Popen = field(repr=False)
    login: str = "admin"
    password: str = "admin"

    def status(self):
        """None while the server runs, else a line saying how it ended."""
        rc = self.process.poll()
        if rc is None:
            return None
        # Odoo 11 exits with 0 after a SIGTERM/SIGINT and logs that at INFO
        # level only (our test config logs from WARNING up).
        return "Odoo server (pid %d) exited with code %s; log %s" % (
            self.process.pid, rc, self.log_path)

    # -- server log ---------------------------------------------------------
    def log_offset(self):
        """Current size of the server log: pass it to `log_problems` later."""
        try:
            return os.path.getsize(self.log_path)
        except OSError:
            return 0

    def log_since(self, offset):
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            f.seek(offset)
            return f.read()

    def log_problems(self, offset=0):
        """Log records since `offset` at ERROR/CRITICAL level or carrying a
        traceback, each with its continuation lines (the traceback body)."""
        records, current = [], []
        for line in self.log_since(offset).splitlines():
            if _LOG_RECORD.match(line) and current:
                records.append(current)
                current = []
            current.append(line)
        if current:
            records.append(current)
        problems = []
        for lines in records:
            level = _LOG_RECORD.match(lines[0])
            if (level and level.group(1) in ("ERROR", "CRITICAL")) or any(
                    line.startswith("Traceback ") for line in lines):
                problems.append("\n".join(lines))
        return problems

    # -- XML-RPC ------------------------------------------------------------
    def xmlrpc(self, endpoint):
        return xmlrpc.client.ServerProxy(
            "%s/xmlrpc/2/%s" % (self.url, endpoint), allow_none=True)

    def uid(self, login=None, password=None):
        return self.xmlrpc("common").authenticate(
            self.db, login or self.login, password or self.password, {})

    def execute(self, model, method, *args, login=None, password=None, **kwargs):
        """`execute_kw` as `login` (admin by default)."""
        login = login or self.login
        password = password or self.password
        uid = self.uid(login, password)
        assert uid, "cannot authenticate %s on %s" % (login, self.db)
        return self.xmlrpc("object").execute_kw(
            self.db, uid, password, model, method, list(args), kwargs)

    def ref(self, xmlid):
        """The id of the record of an XML id ("module.name"), over XML-RPC."""
        module, name = xmlid.split(".")
        rows = self.execute("ir.model.data", "search_read",
                            [("module", "=", module), ("name", "=", name)], fields=["res_id"])
        assert rows, "no record %s in the database %s" % (xmlid, self.db)
        return rows[0]["res_id"]


def start_server(db):
    """Start `crm-odoo` on `db` (threaded, no cron), wait for /web/login."""
    os.makedirs(LOG_DIR, exist_ok=True)
    port, longpolling_port = free_port(), free_port()
    while longpolling_port == port:
        longpolling_port = free_port()
    log_path = os.path.join(LOG_DIR, "test-server-%d.log" % port)
    env = dict(os.environ)
    env["CRM_ROOT"] = ROOT
    env["PATH"] = os.pathsep.join(
        [os.path.join(ROOT, "node_modules", ".bin"), os.path.join(ROOT, ".venv", "bin"),
         env.get("PATH", "")])
    cmd = [
        CRM_ODOO, "-c", TEST_CONF, "-d", db, "--db-filter=^%s$" % re.escape(db),
        "--http-port=%d" % port, "--longpolling-port=%d" % longpolling_port,
        "--workers=0", "--max-cron-threads=0",
    ]
    # Extra server options for debugging, e.g. CRM_TEST_SERVER_ARGS=--log-level=info
    cmd += shlex.split(os.environ.get("CRM_TEST_SERVER_ARGS", ""))
    with open(log_path, "wb") as log:
        log.write(("$ %s\n" % " ".join(cmd)).encode())
        log.flush()
        # Own session: a Ctrl-C (SIGINT to pytest's process group) must not
        # reach the server behind the fixture's back; the fixture stops it.
        process = subprocess.Popen(
            cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True)
    server = OdooServer(url="http://127.0.0.1:%d" % port, db=db, port=port,
                        log_path=log_path, process=process)

    deadline = time.monotonic() + START_TIMEOUT
    last_error, server_errors = None, 0
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                "Odoo exited with code %s before answering; log %s:\n%s"
                % (process.returncode, log_path, tail(log_path)))
        try:
            with urllib.request.urlopen(server.url + "/web/login", timeout=10) as r:
                if r.status == 200:
                    return server
                last_error = "HTTP %s" % r.status
        except urllib.error.HTTPError as e:
            last_error = e
            # The server runs but /web/login fails (e.g. a 500 from a module
            # whose code is newer than the database): no use waiting 90 s.
            server_errors = server_errors + 1 if e.code >= 500 else 0
            if server_errors >= 3:
                break
        except (urllib.error.URLError, OSError) as e:
            last_error = e
        time.sleep(0.5)
    stop_server(server)
    raise RuntimeError(
        "Odoo did not answer /web/login with 200 (last: %s; waited at most %ds); log %s:\n%s"
        % (last_error, START_TIMEOUT, log_path, tail(log_path)))


def stop_server(server):
    process = server.process
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


# -- browser -------------------------------------------------------------------

def new_browser():
    """Headless Chromium with its console log readable through `get_log`.

    Returns (driver, profile_dir); `quit_browser` removes both."""
    profile = tempfile.mkdtemp(prefix="crm-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--window-size=1400,900", "--user-data-dir=%s" % profile):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    os.makedirs(LOG_DIR, exist_ok=True)
    service = Service(CHROMEDRIVER, log_output=os.path.join(LOG_DIR, "chromedriver.log"))
    try:
        driver = webdriver.Chrome(service=service, options=options)
    except Exception:
        shutil.rmtree(profile, ignore_errors=True)
        raise
    driver.set_page_load_timeout(LOGIN_TIMEOUT)
    # Console messages are read per page, and `get_log` empties the buffer:
    # keep everything read so far on the driver for the failure report.
    driver.crm_console = []
    return driver, profile


def quit_browser(driver, profile):
    try:
        driver.quit()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def save_artifacts(driver, name):
    """Screenshot, page source and console log of a failed test."""
    os.makedirs(ARTIFACT_DIR, exist_ok=True)
    base = os.path.join(ARTIFACT_DIR, re.sub(r"[^\w.-]+", "_", name))
    saved = []
    try:
        driver.save_screenshot(base + ".png")
        saved.append(base + ".png")
        with open(base + ".html", "w", encoding="utf-8") as f:
            f.write(driver.page_source)
        saved.append(base + ".html")
        read_console(driver)
        with open(base + ".console.txt", "w", encoding="utf-8") as f:
            for entry in driver.crm_console:
                f.write("%(level)s %(source)s %(message)s\n" % {
                    "source": "", **entry})
        saved.append(base + ".console.txt")
    except Exception as e:  # the browser may be what failed
        saved.append("(could not save all artifacts: %s)" % e)
    return saved


def read_console(driver):
    """New console entries since the last call (also kept in driver.crm_console)."""
    entries = driver.get_log("browser")
    driver.crm_console.extend(entries)
    return entries


# Console noise we understand and accept. Each rule is a regexp on the message
# of a SEVERE entry; keep the list short and say why each one is harmless.
CONSOLE_NOISE = [
    # Chromium asks for /favicon.ico by itself; Odoo 11 serves its icon from
    # /web/static/src/img/favicon.ico, so a 404 on the root one means nothing.
    re.compile(r"/favicon\.ico - Failed to load resource: .*404"),
]


def console_errors(driver):
    """SEVERE console entries since the last read, minus CONSOLE_NOISE."""
    return [
        "%s (%s)" % (e["message"], e.get("source", ""))
        for e in read_console(driver)
        if e["level"] == "SEVERE" and not any(rx.search(e["message"]) for rx in CONSOLE_NOISE)
    ]


# One round trip per poll (WebDriver calls are slow on a loaded machine).
_IDLE_JS = """
var selector = arguments[0];
function visible(el) {
    return !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length)
        && getComputedStyle(el).visibility !== 'hidden';
}
if (document.readyState !== 'complete') { return false; }
if (Array.prototype.some.call(document.querySelectorAll('.o_loading'), visible)) { return false; }
if (document.querySelector('.blockUI')) { return false; }
if (!selector) { return true; }
return Array.prototype.filter.call(document.querySelectorAll(selector), visible)[0] || false;
"""


def wait_idle(driver, selector=None, timeout=PAGE_TIMEOUT):
    """Wait until the web client is idle: the document is loaded, Odoo's
    "Loading" indicator (`.o_loading`) and the UI block (`.blockUI`, shown
    after 3 s of RPC) are gone, and `selector` (if given) is visible.

    Returns the first visible element matching `selector`."""
    def idle(d):
        try:
            return d.execute_script(_IDLE_JS, selector)
        except StaleElementReferenceException:
            return False

    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.2).until(idle)
    except TimeoutException:
        raise AssertionError(
            "web client not idle%s after %ss on %s" % (
                " (no visible %r)" % selector if selector else "", timeout,
                driver.current_url)) from None


def error_dialogs(driver):
    """Text of Odoo's crash-manager dialogs on screen (server or JS errors)."""
    texts = []
    selector = ".modal .o_error_detail, .modal .o_dialog_warning"
    for el in driver.find_elements(By.CSS_SELECTOR, selector):
        try:
            if el.is_displayed():
                modal = el.find_element(By.XPATH, "./ancestor::div[contains(@class,'modal')][1]")
                texts.append(modal.text[:2000])
        except (StaleElementReferenceException, NoSuchElementException):
            continue
    return texts


def login(driver, server, login=None, password=None):
    """Log in through /web/login and wait for the web client to be ready."""
    driver.get(server.url + "/web/login")
    wait_idle(driver, "form.oe_login_form")
    driver.find_element(By.ID, "login").clear()
    driver.find_element(By.ID, "login").send_keys(login or server.login)
    driver.find_element(By.ID, "password").send_keys(password or server.password)
    driver.find_element(By.CSS_SELECTOR, "form.oe_login_form button[type=submit]").click()
    # The navbar is server-rendered; the user menu and the first action
    # (in the action manager, `.o_main_content > .o_content`) are rendered by
    # the JS client once it has started.
    wait_idle(driver, "#oe_main_menu_navbar .oe_topbar_name", timeout=LOGIN_TIMEOUT)
    wait_idle(driver, ".o_main_content > .o_content > *", timeout=LOGIN_TIMEOUT)


def open_app(driver, menu_xmlid, selector):
    """Click a top-level menu (by its XML id) and wait for `selector`."""
    css = "#oe_main_menu_navbar a[data-menu-xmlid='%s']" % menu_xmlid
    link = driver.find_element(By.CSS_SELECTOR, css)
    if not link.is_displayed():
        # Menus that do not fit the navbar go into its "More" dropdown.
        driver.find_element(By.CSS_SELECTOR, "#menu_more_container > a").click()
    link.click()
    return wait_idle(driver, selector)


class PageChecks:
    """Collects, page after page, the console errors, Odoo's error dialogs and
    the server's ERROR records, to assert on them all at the end."""

    def __init__(self, driver, server):
        self.driver, self.server = driver, server
        self.log_offset = server.log_offset()
        self.problems = []

    def check(self, page):
        for message in console_errors(self.driver):
            self.problems.append("console error on %s (%s): %s" % (
                page, self.driver.current_url, message))
        for text in error_dialogs(self.driver):
            self.problems.append("error dialog on %s: %s" % (page, text))

    def assert_clean(self):
        for record in self.server.log_problems(self.log_offset):
            self.problems.append("server log: %s" % record)
        assert not self.problems, "\n".join(self.problems)
