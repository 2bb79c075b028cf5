"""Running the XML-RPC examples of docs/examples/ against a test server, as a
reader of docs/api.md would run them."""
import os
import subprocess
import sys

from odoo_server import ROOT


def run_example(script, server, *extra, user="admin", password="admin"):
    """``docs/examples/<script>`` on ``server``'s database; its CompletedProcess."""
    return subprocess.run(
        [sys.executable, os.path.join(ROOT, "docs", "examples", script), "--url", server.url,
         "--db", server.db, "--user", user, "--password", password] + list(extra),
        capture_output=True, text=True, timeout=300, cwd=ROOT)
