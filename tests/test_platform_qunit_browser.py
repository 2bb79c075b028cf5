"""The browser of scripts/platform-tests' QUnit run sees the same clock zone and
fonts on every machine (tests/platform/run_qunit.py, docs/PLATFORM.md "JS tests").

Odoo 11's calendar tests click the left edge of a month cell; whether the click
lands in that cell depends on the font the browser draws Helvetica/Arial with,
and its time-utility tests on the browser's time zone. No database needed."""
import importlib.util
import os
import subprocess

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    "run_qunit", os.path.join(HERE, "platform", "run_qunit.py"))
run_qunit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(run_qunit)


def fc(env, *args):
    return subprocess.run(["fc-" + args[0], *args[1:]], env=env, capture_output=True,
                          text=True, check=True).stdout


def test_the_qunit_browser_draws_helvetica_and_arial_with_liberation_sans(tmp_path):
    env = run_qunit.browser_env(str(tmp_path))
    for family in ("Helvetica", "Arial"):
        assert fc(env, "match", "-f", "%{family[0]}", family) == "Liberation Sans", family


def test_the_qunit_browser_sees_only_the_fonts_of_the_pinned_debian_packages(tmp_path):
    env = run_qunit.browser_env(str(tmp_path))
    seen = {os.path.realpath(path) for path in fc(env, "list", "-f", "%{file}\n").split()}
    packaged = set()
    for package in run_qunit.FONT_PACKAGES:
        listing = subprocess.run(["dpkg", "-L", package], capture_output=True, text=True,
                                 check=True).stdout.split()
        packaged |= {os.path.realpath(p) for p in listing if p.endswith(".ttf")}
    assert seen == packaged


def test_the_qunit_browser_runs_in_utc_whatever_the_machine_zone(tmp_path, monkeypatch):
    monkeypatch.setenv("TZ", "Pacific/Auckland")
    env = run_qunit.browser_env(str(tmp_path))
    assert env["TZ"] == "UTC"


def test_the_qunit_run_stops_when_helvetica_would_be_drawn_with_dejavu_sans(tmp_path):
    dejavu = run_qunit.package_fonts(("fonts-dejavu-core",), str(tmp_path / "dejavu"))
    with pytest.raises(SystemExit, match="Helvetica with 'DejaVu Sans', not Liberation Sans"):
        run_qunit.browser_env(str(tmp_path), font_dirs=[dejavu])
