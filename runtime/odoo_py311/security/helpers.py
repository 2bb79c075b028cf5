"""Shared helpers of the security patches on Odoo models (no patch here).

``override`` installs a method on an addon's model class from the outside;
``is_privileged`` and ``access_error`` are the checks and the error those
methods use. Imported by mail_access, mail_gateway, mail_invite,
mail_templates and user_credentials; imports nothing of the package.
"""
import functools
import inspect


def override(cls, name, default_api=None):
    """Decorator: install ``func(origin, self, *args, **kwargs)`` as method ``name`` of the Odoo
    class ``cls``.

    ``origin`` is the method being overridden, already bound: the class's own
    definition if it has one, else the inherited one (``super``). The new
    method keeps the original's API decorator (``api.model``, ``api.multi``);
    ``default_api`` is used when the class did not define the method itself.
    Odoo builds its registry classes from these addon classes afterwards, so
    every model inheriting from ``cls`` sees the override.
    """

    def install(func):
        own = cls.__dict__.get(name)

        def method(self, *args, **kwargs):
            if own is not None:
                origin = functools.partial(own, self)
            else:
                origin = getattr(super(cls, self), name)
            return func(origin, self, *args, **kwargs)

        method.__name__ = name
        method.__qualname__ = "%s.%s" % (cls.__name__, name)
        method.__doc__ = func.__doc__
        method.__wrapped__ = own
        # RPC calls find the `context` argument by position from the method's
        # argument names (odoo.api.split_context, through getargspec): the
        # wrapper must show the signature of the method it replaces, not
        # (self, *args, **kwargs), or call_kw takes the values for the context.
        replaced = own if own is not None else getattr(cls, name, None)
        if replaced is not None:
            method.__signature__ = inspect.signature(replaced)
        if own is not None and getattr(own, "_api", None):
            method._api = own._api
        elif default_api is not None:
            method = default_api(method)
        for attr in ("_returns", "_constrains", "_depends", "_onchange"):
            if own is not None and hasattr(own, attr):
                setattr(method, attr, getattr(own, attr))
        setattr(cls, name, method)
        return method

    return install


def is_privileged(env):
    """True for the superuser (sudo) and for Settings administrators."""
    from odoo import SUPERUSER_ID

    return env.uid == SUPERUSER_ID or env.user._is_system()


def access_error(message):
    import odoo.exceptions

    return odoo.exceptions.AccessError(message)
