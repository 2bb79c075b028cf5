"""Odoo's safe_eval sandbox on Python 3.11 (server actions, domains, QWeb expressions).

Patch: ``safe_eval_unsafe_attributes_py311`` (CVE-2020-29396, odoo.tools.safe_eval).
The Python 3.11 opcodes safe_eval needs to run at all are a compatibility
patch (``safe_eval_opcodes`` in patches.py).
"""
from ..registry import patch


# Attributes that reach frames, code objects or globals. Odoo 11's fix for
# CVE-2020-29396 lists the Python 3.6 ones (gi_frame, f_globals, ...); Python
# 3.7-3.11 added coroutine/async-generator frames and code attributes that a
# generator expression or a traceback can reach the same way.
PY311_UNSAFE_ATTRIBUTES = [
    "f_back", "f_code", "f_builtins", "f_globals", "f_locals", "f_trace",
    "tb_frame", "tb_next",
    "gi_frame", "gi_code", "gi_yieldfrom",
    "cr_frame", "cr_code", "cr_await", "cr_origin",
    "ag_frame", "ag_code", "ag_await",
    "co_code", "_co_code_adaptive", "co_consts",
    "func_globals", "func_code", "mro",
]


@patch("odoo.tools.safe_eval")
def safe_eval_unsafe_attributes_py311(module):
    """CVE-2020-29396 (odoo/odoo#63712): forbid in safe_eval the frame/code attributes Python
    3.7-3.11 added.

    The snapshot already refuses gi_frame, f_globals, ...; running on 3.11
    (with generator expressions allowed by RETURN_GENERATOR) adds gi_code,
    gi_yieldfrom, cr_frame, ag_frame, tb_frame, f_back, ... to the paths from a
    generator to a frame's globals.
    """
    unsafe = module._UNSAFE_ATTRIBUTES
    for name in PY311_UNSAFE_ATTRIBUTES:
        if name not in unsafe:
            unsafe.append(name)
