"""One test per standard-library patch: the removed name is back and behaves as before."""
import base64
import collections
import collections.abc
import inspect
import resource
import threading

import pytest

from odoo_py311 import PATCHES, apply_all, applied
from odoo_py311.patches import formatargspec, getargspec

apply_all()


def test_every_patch_is_applied_and_documented():
    assert set(applied()) == set(PATCHES)
    for p in PATCHES.values():
        assert p.doc, "patch %s has no docstring saying what it answers" % p.name


def test_a_patch_summary_wrapped_over_several_lines_is_listed_whole():
    from odoo_py311.registry import summary

    doc = """Python 3.11 removed inspect.getargspec and
    inspect.formatargspec (odoo.api).

    Details that crm-odoo --patches does not show.
    """
    assert summary(doc) == ("Python 3.11 removed inspect.getargspec and "
                            "inspect.formatargspec (odoo.api).")
    assert PATCHES["inspect_getargspec"].doc.endswith("(odoo.api, tools/cache.py, http.py).")


def test_collections_abc_aliases():
    assert collections.Mapping is collections.abc.Mapping
    assert collections.Iterable is collections.abc.Iterable
    assert isinstance({}, collections.Mapping)
    assert not isinstance(3, collections.Iterable)


def _sample(a, b, c=3, *rest, **opts):
    return a


def _annotated(a: int, b: str = "x") -> str:
    return b


def test_getargspec_returns_the_37_tuple():
    spec = inspect.getargspec(_sample)
    assert spec == getargspec(_sample)
    assert spec.args == ["a", "b", "c"]
    assert spec.varargs == "rest" and spec.keywords == "opts"
    assert spec.defaults == (3,)

    # Odoo reads .args of bound methods too
    class K:
        def meth(self, x, y=1):
            pass
    assert inspect.getargspec(K().meth).args == ["self", "x", "y"]
    # annotations are accepted (our addons may use them)
    assert inspect.getargspec(_annotated).defaults == ("x",)


def test_formatargspec_builds_a_lambda_signature_like_37():
    # tools/cache.py evals "lambda %s: ..." % formatargspec(*getargspec(f))[1:-1]
    text = inspect.formatargspec(*inspect.getargspec(_sample))
    assert text == "(a, b, c=3, *rest, **opts)"
    func = eval("lambda %s: (a, b, c, rest, opts)" % text[1:-1])
    assert func(1, 2) == (1, 2, 3, (), {})
    assert formatargspec(["x"], kwonlyargs=["k"], kwonlydefaults={"k": 1}) == "(x, *, k=1)"


def test_base64_encodestring():
    assert base64.encodestring(b"odoo") == b"b2Rvbw==\n"
    assert base64.decodestring(b"b2Rvbw==\n") == b"odoo"


def test_thread_isalive():
    t = threading.Thread(target=lambda: None)
    assert t.isAlive() is False
    t.start()
    t.join()
    assert t.isAlive() is False


def test_setrlimit_accepts_floats():
    soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    # same call as Odoo's worker: current CPU time (a float) + a limit
    new_soft = resource.getrusage(resource.RUSAGE_SELF).ru_utime + 3600.0
    if hard != resource.RLIM_INFINITY and new_soft > hard:
        pytest.skip("hard CPU limit too low on this machine")
    try:
        resource.setrlimit(resource.RLIMIT_CPU, (new_soft, hard))
        assert resource.getrlimit(resource.RLIMIT_CPU)[0] == int(new_soft)
    finally:
        resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def test_crm_odoo_lists_the_patches(capsys):
    from odoo_py311.cli import main

    assert main(["--patches"]) == 0
    out = capsys.readouterr().out
    for name in PATCHES:
        assert name in out


def test_crm_odoo_turns_off_the_early_addons_import(monkeypatch):
    """Odoo's own remedy for the race between the first request and the
    registry importing addons in the threaded server (odoo/http.py)."""
    from odoo_py311 import cli

    monkeypatch.delenv("ODOO_PRELOAD_ADDONS", raising=False)
    monkeypatch.setattr(cli.sys, "argv", ["crm-odoo", "--patches"])
    assert cli.main() == 0
    assert cli.os.environ["ODOO_PRELOAD_ADDONS"] == "no"
