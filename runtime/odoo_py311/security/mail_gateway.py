"""Odoo's mail gateway: routing incoming e-mail into records (mail.thread).

Patch: ``mail_gateway_admin_only`` (CVE-2018-15645).
"""
from ..registry import patch
from .helpers import access_error, is_privileged, override


@patch("odoo.addons.mail.models.mail_thread")
def mail_gateway_admin_only(module):
    """CVE-2018-15645 (odoo/odoo#63705): only the mail gateway (superuser/administrators) may route
    incoming e-mail.

    message_process, message_route and message_route_process are public
    methods of every mail.thread model: any internal user could feed them a
    crafted e-mail over RPC and have records created or updated as the
    alias's owner (alias_user_id), with the alias defaults and the caller's
    custom_values, and messages posted in the name of any sender. The mail
    gateway runs as the superuser (fetchmail cron) or as an administrator
    (odoo-mailgate over XML-RPC); every other caller is refused.
    """
    MailThread = module.MailThread

    def guard(name):
        @override(MailThread, name)
        def routed(origin, self, *args, **kwargs):
            if not is_privileged(self.env):
                raise access_error("Only the mail gateway may process incoming e-mail (%s)." % name)
            return origin(*args, **kwargs)

        return routed

    for name in ("message_process", "message_route", "message_route_process"):
        guard(name)
