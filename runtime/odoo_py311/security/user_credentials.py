"""Odoo users' credentials: the RPC credentials cache and the password hashes.

Patches: ``uid_cache_follows_invalidation`` (CVE-2021-44460, res.users and
odoo.service.security) and ``private_user_fields_not_searchable``
(CVE-2018-14861, odoo.models).
"""
import functools

from ..registry import patch
from .helpers import access_error


@patch("odoo.addons.base.res.res_users")
def uid_cache_follows_invalidation(module):
    """CVE-2021-44460 (odoo/odoo#107685): a deactivated user (or changed password) loses RPC access
    in every worker.

    res.users.check() trusts a per-process {uid: password} cache; write()
    clears it only in the worker that made the change, so with workers > 0
    a deactivated user kept XML-RPC/JSON-RPC access through the others. The
    cache now holds only while a matching key is in the registry's ormcache
    (cleared in every worker by Odoo's cache-invalidation signaling, which
    deactivation and password changes trigger), and security.check() runs
    that signaling check before verifying credentials.
    """
    import hashlib

    Users = module.Users
    check = Users.__dict__["check"].__func__

    def cache_key(uid, passwd):
        digest = hashlib.sha256(("%s" % passwd).encode("utf-8", "replace")).hexdigest()
        return ("odoo_py311.security.uid_check", uid, digest)

    def checked(cls, db, uid, passwd):
        key = cache_key(uid, passwd)
        cache = cls.pool.cache
        if key not in cache:
            # forget the per-process entry: verify the credentials again
            getattr(cls, "_Users__uid_cache")[cls.pool.db_name].pop(uid, None)
        check(cls, db, uid, passwd)
        cache[key] = True

    checked.__name__ = "check"
    checked.__doc__ = check.__doc__
    Users.check = classmethod(checked)

    import odoo.service.security as security

    service_check = security.check

    @functools.wraps(service_check)
    def check_after_signaling(db, uid, passwd):
        import odoo

        odoo.registry(db).check_signaling()
        return service_check(db, uid, passwd)

    security.check = check_after_signaling


@patch("odoo.models")
def private_user_fields_not_searchable(module):
    """CVE-2018-14861 (odoo/odoo#32506): the password hashes of users cannot be read back through
    searches on related paths or sort orders.

    The snapshot masks password/password_crypt when they are read or
    exported (CSV/Excel) by someone who cannot write users, and refuses them
    as a direct res.users search criterion. It did not refuse them at the
    end of a path (res.partner ``user_ids.password_crypt =like '$pbkdf2...%'``)
    nor as a sort key, which leaks a hash character by character. Now,
    outside sudo, any domain leaf or order that reaches a private field of
    res.users (base's USER_PRIVATE_FIELDS, which auth_crypt extends) raises
    AccessError.
    """
    BaseModel = module.BaseModel
    _search = BaseModel._search

    def private_fields():
        try:
            from odoo.addons.base.res.res_users import USER_PRIVATE_FIELDS
        except ImportError:  # pragma: no cover
            return {"password", "password_crypt"}
        return set(USER_PRIVATE_FIELDS)

    def reaches_private(model, path, private):
        for name in path:
            if model._name == "res.users" and name in private:
                return True
            field = model._fields.get(name)
            if field is None or not field.relational:
                return False
            model = model.env[field.comodel_name]
        return False

    @functools.wraps(_search)
    def _search_without_private(self, args, offset=0, limit=None, order=None, count=False,
                                access_rights_uid=None):
        from odoo import SUPERUSER_ID

        if self.env.uid != SUPERUSER_ID and (access_rights_uid or self.env.uid) != SUPERUSER_ID:
            private = private_fields()
            for leaf in args or ():
                if isinstance(leaf, (list, tuple)) and leaf and isinstance(leaf[0], str):
                    if reaches_private(self, leaf[0].split("."), private):
                        raise access_error("Invalid search criterion")
            for term in (order or "").split(","):
                words = term.strip().split()
                if words and reaches_private(self, words[0].split("."), private):
                    raise access_error("Invalid sort criterion")
        return _search(self, args, offset=offset, limit=limit, order=order, count=count,
                       access_rights_uid=access_rights_uid)

    BaseModel._search = _search_without_private
