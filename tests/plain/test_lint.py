"""The lint gate: flake8 on every Python file of the repository (max line length 100)
and pylint-odoo's Odoo checks for 11.0 on the addons, with the configuration at the
root of the repository (.flake8, .pylintrc; README.md, "Lint gate").

The first layer of scripts/test runs it with the plain tests (no database). A lint
problem fails the run with the tools' own report: file, line, code, message.
"""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FLAKE8_CONFIG = os.path.join(ROOT, ".flake8")
PYLINT_CONFIG = os.path.join(ROOT, ".pylintrc")


def run_tool(tool, *args, cwd=ROOT):
    """Run flake8 or pylint with the project's configuration; (exit code, report)."""
    config = ["--config", FLAKE8_CONFIG] if tool == "flake8" else ["--rcfile", PYLINT_CONFIG]
    result = subprocess.run([sys.executable, "-m", tool] + config + list(args), cwd=cwd,
                            capture_output=True, text=True, timeout=900)
    return result.returncode, result.stdout + result.stderr


def test_flake8_finds_nothing_in_the_repository():
    code, report = run_tool("flake8", ".")
    assert code == 0, "flake8 (config .flake8):\n" + report


def test_pylint_odoo_finds_nothing_in_the_addons():
    code, report = run_tool("pylint", "addons")
    assert code == 0, "pylint-odoo (config .pylintrc):\n" + report


# A small addon with one deliberate mistake of each kind the gate must catch.
PROBE_MANIFEST = """{
    "name": "Lint probe",
    "summary": "An addon with deliberate mistakes",
    "version": "12.0.1.0.0",
    "author": "Somebody Else",
    "license": "LGPL-3",
    "depends": ["base"],
}
"""
PROBE_MODEL = [
    "import os",
    "",
    "from odoo import _, models",
    "",
    "",
    "class LintProbe(models.Model):",
    '    _name = "lint.probe"',
    "",
    "    def find(self, name):",
    """        self.env.cr.execute("SELECT id FROM res_partner WHERE name = '%s'" % name)""",
    '        return _("Found %s" % name)',
    "",
    "",
]
LINE_101 = 'TOO_LONG = "' + "x" * (101 - len('TOO_LONG = ""')) + '"'
LINE_100 = 'LONGEST = "' + "x" * (100 - len('LONGEST = ""')) + '"'


def write_probe(root):
    addon = root / "lint_probe"
    (addon / "models").mkdir(parents=True)
    (addon / "__init__.py").write_text("from . import models\n")
    (addon / "__manifest__.py").write_text(PROBE_MANIFEST)
    (addon / "README.rst").write_text("Lint probe\n==========\n")
    (addon / "models" / "__init__.py").write_text("from . import lint_probe\n")
    lines = PROBE_MODEL + [LINE_100, LINE_101]
    (addon / "models" / "lint_probe.py").write_text("\n".join(lines) + "\n")
    return {"unused import": 1, "sql": lines.index(PROBE_MODEL[9]) + 1,
            "translation": lines.index(PROBE_MODEL[10]) + 1,
            "100 characters": lines.index(LINE_100) + 1, "101 characters": len(lines)}


def test_a_bad_line_turns_the_gate_red(tmp_path):
    assert (len(LINE_100), len(LINE_101)) == (100, 101)
    line = write_probe(tmp_path)
    model = os.path.join("lint_probe", "models", "lint_probe.py")

    code, report = run_tool("flake8", "lint_probe", cwd=tmp_path)
    assert code != 0, report
    assert "%s:%d:1: F401 'os' imported but unused" % (model, line["unused import"]) in report
    assert "%s:%d:101: E501 line too long (101 > 100 characters)" % (
        model, line["101 characters"]) in report
    assert "%s:%d:" % (model, line["100 characters"]) not in report

    code, report = run_tool("pylint", "lint_probe", cwd=tmp_path)
    assert code != 0, report
    expected = [
        (model, line["sql"], "sql-injection"),
        # _() of an already formatted string: an 11.0 check (up to 13.0)
        (model, line["translation"], "translation-contains-variable"),
        # 12.0.x.y.z is not an 11.0 version; our author is required
        (os.path.join("lint_probe", "__manifest__.py"), None, "manifest-version-format"),
        (os.path.join("lint_probe", "__manifest__.py"), None, "manifest-required-author"),
    ]
    for path, number, symbol in expected:
        where = "%s:%d:" % (path, number) if number else path + ":"
        assert any(where in row and "(%s)" % symbol in row for row in report.splitlines()), (
            symbol, report)
    # only Odoo checks: pylint's own conventions (docstrings, naming...) are off
    assert "missing-module-docstring" not in report and "invalid-name" not in report, report
