"""The logic tests' run (tests/plain/logic_packages.py) is really without Odoo."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run_logic_tests(tmp_path, source):
    test = tmp_path / "test_logic_sample.py"
    test.write_text(source)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-o", "addopts=", "-p", "no:odoo",
         "-p", "tests.plain.logic_packages", "-q", "-p", "no:cacheprovider", str(test)],
        cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_a_logic_test_that_imports_odoo_fails_with_a_clear_message(tmp_path):
    result = run_logic_tests(tmp_path, "import odoo.tools\n\ndef test_x():\n    pass\n")
    assert result.returncode != 0
    assert "the logic tests run without Odoo" in result.stdout


def test_a_logic_test_imports_an_addons_logic_without_its_models(tmp_path):
    result = run_logic_tests(tmp_path, (
        "import sys\n"
        "from crm_base.logic import round_robin\n\n"
        "def test_x():\n"
        "    assert round_robin.next_in_turn([(('a', 1), 1)]) == 1\n"
        "    assert 'crm_base.models' not in sys.modules\n"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_logic_module_uses_the_logic_of_an_addon_it_depends_on_under_its_odoo_name(tmp_path):
    result = run_logic_tests(tmp_path, (
        "import sys\n"
        "from odoo.addons.crm_sales.logic.quote_totals import round_cent\n\n"
        "def test_x():\n"
        "    assert str(round_cent(1.005)) == '1.01'\n"
        "    assert 'odoo.addons.crm_sales.models' not in sys.modules\n"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_odoo_name_of_an_addon_does_not_open_its_models(tmp_path):
    result = run_logic_tests(tmp_path, (
        "from odoo.addons.crm_sales import models\n\n"
        "def test_x():\n"
        "    pass\n"))
    assert result.returncode != 0
    assert "the logic tests run without Odoo" in result.stdout
