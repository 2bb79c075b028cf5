"""The offline security check (tests/security_check.py, run by scripts/security-check)."""
import importlib.util
import io
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
spec = importlib.util.spec_from_file_location(
    "security_check", os.path.join(ROOT, "tests", "security_check.py"))
security_check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(security_check)


def test_repository_list_is_fully_accounted_for():
    out = io.StringIO()
    assert security_check.main(out=out) == 0, out.getvalue()
    assert "OK:" in out.getvalue()


def test_a_new_unlisted_vulnerability_fails_the_check(tmp_path):
    with open(security_check.VULNS, encoding="utf-8") as f:
        data = json.load(f)
    data["vulnerabilities"].append({
        "package": "werkzeug", "affected": "<99", "id": "CVE-2099-00001",
        "summary": "a vulnerability published after docs/SECURITY.md was written"})
    vulns = tmp_path / "known.json"
    vulns.write_text(json.dumps(data))
    out = io.StringIO()
    assert security_check.main(vulns_path=str(vulns), out=out) == 1
    assert "CVE-2099-00001" in out.getvalue() and "FAIL" in out.getvalue()


def test_a_fixed_version_is_not_reported():
    vuln = {"package": "x", "affected": "<2.0", "id": "CVE-2000-0001", "summary": ""}
    assert security_check.affects(vuln, "1.9")
    assert not security_check.affects(vuln, "2.0")
    assert not security_check.affects(vuln, None)
    applicable, unaccounted = security_check.check([vuln], {"x": "2.1"}, set())
    assert applicable == [] and unaccounted == []


def test_ids_count_only_in_table_rows(tmp_path):
    doc = tmp_path / "SECURITY.md"
    doc.write_text("Text mentioning CVE-2000-0002.\n\n| CVE-2000-0003 | affected |\n")
    assert security_check.documented_ids(str(doc)) == {"CVE-2000-0003"}
