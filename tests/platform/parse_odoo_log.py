"""Count the results of Odoo 11's own tests from the log of `crm-odoo --test-enable`.

Odoo 11 logs failing tests and still exits 0, so scripts/platform-tests reads
the log instead of the exit status:

    .venv/bin/python tests/platform/parse_odoo_log.py var/log/platform-python.log

Odoo runs each test module with unittest's TextTestRunner writing into the log
(odoo.modules.module.TestStream, one logger per test module,
`odoo.addons.<addon>.tests.<file>`). From those lines it takes "Ran N tests",
the "(failures=.., errors=.., skipped=..)" summaries, the `FAIL: name (...)` /
`ERROR: name (...)` headers and the `skipped '...'` reasons. Any other ERROR or
CRITICAL line (a data file that failed to load, a test module that could not
be imported, ...) is an error outside the tests and fails the run too.

Prints a table per addon and a closing line `N passed, N failed, N skipped`;
exits 1 if anything failed or no test ran.
"""
import collections
import re
import sys

LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) (?P<db>\S+) "
                  r"(?P<logger>[\w.]+): (?P<msg>.*)$")
TEST_LOGGER = re.compile(r"^odoo\.addons\.(?P<addon>\w+)\.tests(\.|$)")
RAN = re.compile(r"^Ran (\d+) tests? in ")
SUMMARY = re.compile(r"^(?:OK|FAILED)?\s*\(((?:\w+=\d+)(?:, \w+=\d+)*)\)$")
HEADER = re.compile(r"^(FAIL|ERROR): (\S+) \((.+)\)$")
TEST_START = re.compile(r"^(\w+) \(([\w.]+)\)$")
SKIPPED = re.compile(r"^skipped (.*)$")
MODULE_RESULT = re.compile(r"^(Module \w+: \d+ failures, \d+ errors"
                           r"|At least one test failed when loading the modules\.)$")


class Counts:
    def __init__(self):
        self.run = 0
        self.failures = 0
        self.errors = 0
        self.skipped = 0

    @property
    def passed(self):
        return self.run - self.failures - self.errors - self.skipped


def parse(lines):
    per_addon = collections.OrderedDict()
    failed = []      # (kind, addon, "Class.test (module)")
    skipped = []     # (addon, test, reason)
    other_errors = []
    last_test = {}   # logger -> last test started
    for raw in lines:
        m = LINE.match(raw.rstrip("\n"))
        if not m:
            continue  # continuation of a multi-line message (traceback)
        level, logger, msg = m.group("level"), m.group("logger"), m.group("msg")
        t = TEST_LOGGER.match(logger)
        if t:
            addon = t.group("addon")
            counts = per_addon.setdefault(addon, Counts())
            if RAN.match(msg):
                counts.run += int(RAN.match(msg).group(1))
            elif SUMMARY.match(msg):
                for item in SUMMARY.match(msg).group(1).split(", "):
                    key, value = item.split("=")
                    if key == "failures":
                        counts.failures += int(value)
                    elif key == "errors":
                        counts.errors += int(value)
                    elif key == "skipped":
                        counts.skipped += int(value)
            elif level == "ERROR" and HEADER.match(msg):
                kind, name, where = HEADER.match(msg).groups()
                failed.append((kind, addon, "%s (%s)" % (name, where)))
            elif TEST_START.match(msg):
                last_test[logger] = "%s (%s)" % TEST_START.match(msg).groups()
            elif SKIPPED.match(msg):
                skipped.append((addon, last_test.get(logger, "?"), SKIPPED.match(msg).group(1)))
            continue
        if level in ("ERROR", "CRITICAL") and not (
                logger in ("odoo.modules.module", "odoo.modules.loading")
                and MODULE_RESULT.match(msg)):
            other_errors.append(raw.rstrip("\n"))
    return per_addon, failed, skipped, other_errors


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1:
        raise SystemExit("usage: parse_odoo_log.py LOGFILE")
    with open(argv[0], errors="replace") as f:
        per_addon, failed, skipped, other_errors = parse(f)

    total = Counts()
    print("%-14s %5s %7s %7s %7s %7s" % ("addon", "run", "passed", "failed", "errors", "skipped"))
    row = "%-14s %5d %7d %7d %7d %7d"
    for addon, c in per_addon.items():
        print(row % (addon, c.run, c.passed, c.failures, c.errors, c.skipped))
        for attr in ("run", "failures", "errors", "skipped"):
            setattr(total, attr, getattr(total, attr) + getattr(c, attr))
    print(row % ("total", total.run, total.passed, total.failures, total.errors, total.skipped))
    for addon, test, reason in skipped:
        print("skipped: [%s] %s: %s" % (addon, test, reason))
    for kind, addon, test in failed:
        print("%s: [%s] %s" % (kind, addon, test))
    for line in other_errors[:30]:
        print("error outside the tests: %s" % line[:400])
    if len(other_errors) > 30:
        print("... and %d more error lines" % (len(other_errors) - 30))
    # headers and summaries should agree; trust the larger count
    n_failed = max(total.failures + total.errors, len(failed))
    print("%d passed, %d failed, %d skipped%s" % (
        total.passed, n_failed, total.skipped,
        ", %d errors outside the tests" % len(other_errors) if other_errors else ""))
    if n_failed or other_errors or not total.run:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
