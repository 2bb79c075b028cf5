"""Odoo's mail templates: what their Jinja code may reach, and who may write it.

Patches: ``mail_template_sandbox_orm``, ``mail_template_code_admin_only`` and
``mail_template_code_translations_admin_only`` (all three CVE-2018-14860; the
last one on ir.translation). The Jinja2 library's own sandbox holes are in
jinja2_sandbox.py.
"""
import re

from ..registry import patch
from .helpers import access_error, is_privileged, override


# Names that turn a template's recordset into raw SQL or superuser power.
TEMPLATE_FORBIDDEN_ATTRIBUTES = frozenset({
    "sudo", "cr", "registry", "pool", "with_env", "cursor", "execute", "commit", "rollback",
})


@patch("odoo.addons.mail.models.mail_template")
def mail_template_sandbox_orm(module):
    """CVE-2018-14860 (odoo/odoo#32505): mail templates' Jinja sandbox no longer reaches sudo(), the
    cursor or another user's environment.

    The sandbox only hides ``_``-prefixed attributes: any employee could
    render ``${object.env.cr.execute(...)}`` (raw SQL) or
    ``${object.sudo().env[...]}`` (superuser) through
    mail.template.render_template over RPC, or the mass-mail composer, or
    by editing a template that a superuser process (cron) sends. The
    template environments now refuse sudo/cr/registry/pool/with_env/... and
    calling an Environment (``env(user=1)``).
    """
    from odoo.api import Environment

    for name in ("mako_template_env", "mako_safe_template_env"):
        env = getattr(module, name, None)
        if env is None:  # jinja2 missing: templates disabled anyway
            continue
        is_safe_attribute = env.is_safe_attribute
        is_safe_callable = env.is_safe_callable

        def safe_attribute(obj, attr, value, _inner=is_safe_attribute):
            if attr in TEMPLATE_FORBIDDEN_ATTRIBUTES:
                return False
            return _inner(obj, attr, value)

        def safe_callable(obj, _inner=is_safe_callable):
            if isinstance(obj, Environment):
                return False
            return _inner(obj)

        env.is_safe_attribute = safe_attribute
        env.is_safe_callable = safe_callable


# Fields of mail.template rendered with Jinja (placeholders ${...}, <% %>, % lines).
TEMPLATE_CODE_FIELDS = ("subject", "body_html", "email_from", "email_to", "email_cc", "reply_to",
                        "partner_to", "report_name", "lang", "scheduled_date")
_TEMPLATE_CODE = re.compile(r"\$\{|<%|(^|\n)\s*%")


@patch("odoo.addons.mail.models.mail_template")
def mail_template_code_admin_only(module):
    """CVE-2018-14860 (odoo/odoo#32505), with mail_template_sandbox_orm: only Settings
    administrators write template code.

    Employees may create and edit mail.template in 11.0, and templates are
    rendered by whoever sends them, the superuser's crons included. Outside
    sudo, creating or editing a template whose rendered fields contain
    Jinja code (``${``, ``<%``, ``%`` lines) now needs the Settings group;
    plain-text templates (e.g. "save as template" from the composer) still
    work for everyone.
    """
    import odoo.api

    Template = module.MailTemplate

    def check(env, values):
        if is_privileged(env):
            return
        for field in TEMPLATE_CODE_FIELDS:
            value = values.get(field)
            if isinstance(value, str) and _TEMPLATE_CODE.search(value):
                raise access_error("Only administrators may write dynamic placeholders "
                                   "in e-mail templates (field %s)." % field)

    @override(Template, "create", odoo.api.model)
    def create(origin, self, values):
        check(self.env, values)
        return origin(values)

    @override(Template, "write", odoo.api.multi)
    def write(origin, self, vals):
        check(self.env, vals)
        return origin(vals)


@patch("odoo.addons.base.ir.ir_translation")
def mail_template_code_translations_admin_only(module):
    """CVE-2018-14860 (odoo/odoo#32505), with mail_template_code_admin_only: template code cannot
    come in through translations.

    Translated template fields (subject, body_html, report_name) are stored
    in ir.translation, which anyone who may write the template may edit:
    outside sudo, a translation of a mail.template field that contains
    Jinja code now needs the Settings group as well.
    """
    import odoo.api

    Translation = module.IrTranslation

    def check(env, names, value):
        if is_privileged(env) or not isinstance(value, str) or not _TEMPLATE_CODE.search(value):
            return
        if any((name or "").startswith("mail.template,") for name in names):
            raise access_error("Only administrators may write dynamic placeholders "
                               "in e-mail templates (translation).")

    @override(Translation, "create", odoo.api.model)
    def create(origin, self, vals):
        check(self.env, [vals.get("name")], vals.get("value"))
        return origin(vals)

    @override(Translation, "write", odoo.api.multi)
    def write(origin, self, vals):
        if "value" in vals or "name" in vals:
            names = [vals["name"]] if "name" in vals else self.mapped("name")
            value = vals.get("value") if "value" in vals else None
            if value is None:
                for translation in self:
                    check(self.env, names, translation.value)
            else:
                check(self.env, names, value)
        return origin(vals)
