"""Security patches: holes of the 2018 Odoo 11 snapshot and of the pinned libraries.

One module per component, named after what it protects; one function per
hole, whose docstring's first paragraph names the advisory/CVE it closes.
docs/SECURITY.md lists every advisory and CVE considered, with the ones
closed here, and runtime/tests/test_security_*.py holds one regression test
per patch (each fails without the patch).

Nothing here copies Odoo's or a library's code: each patch is written from the
advisory's description and the intent of the public fix, and changes the
behaviour from the outside (wrapping a function, replacing a module-level
name, setting a limit).

Importing this package registers every security patch (``apply_all()`` does, then
applies them). The modules import ``patch`` from the registry and the shared
helpers from helpers.py, never each other.
"""
# One module per component, imported (so registered and applied) in this order.
from . import databases  # noqa: F401  Odoo: database creation, database manager
from . import safe_eval  # noqa: F401  Odoo: safe_eval on Python 3.11
from . import upload_pages  # noqa: F401  Odoo: upload pages embedding JSON
from . import jinja2_sandbox  # noqa: F401  Jinja2: sandbox, xmlattr filter
from . import werkzeug_requests  # noqa: F401  Werkzeug: multipart bodies, cookies
from . import odoo_http  # noqa: F401  Odoo: session cookie, JSON-P RPC
from . import pillow10  # noqa: F401  Pillow 10: names Odoo 11 calls
from . import mail_access  # noqa: F401  Odoo mail: channels, followers...
from . import mail_gateway  # noqa: F401  Odoo mail: incoming e-mail routing
from . import user_credentials  # noqa: F401  Odoo users: RPC cache, password hashes
from . import mail_invite  # noqa: F401  Odoo mail: 'Add followers' wizard
from . import mail_templates  # noqa: F401  Odoo mail: template code and sandbox
from . import lxml_clean  # noqa: F401  lxml: the HTML cleaner
from . import web_client_templates  # noqa: F401  Odoo web client: names as raw HTML
from . import url_attachments  # noqa: F401  Odoo: files of URL attachments
from . import web_redirects  # noqa: F401  Odoo web: redirects after login
