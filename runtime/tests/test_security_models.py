"""Regression tests of the security patches on Odoo models (runtime/odoo_py311/security/).

Needs PostgreSQL (role crm). A throw-away database with mail
(auth_crypt, base, bus, ... come with it) is installed once for the module
through ``crm-odoo``, then dropped; set CRM_SECURITY_TEST_DB to an existing
database with those modules to skip the install (it is then left in place).

Each test acts as a plain internal user ("Employee", no other group) inside a
transaction that is rolled back, does what the advisory describes, and checks
it is refused. Each fails without its patch.
"""
import os
import uuid

import pytest

from odoo_py311 import apply_all

apply_all()

import odoo  # noqa: E402
from odoo import SUPERUSER_ID, api  # noqa: E402
from odoo.exceptions import AccessDenied, AccessError  # noqa: E402

psycopg2 = pytest.importorskip("psycopg2")

from pg import odoo_database  # noqa: E402  (runtime/tests/pg.py)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CONF = os.path.join(ROOT, "config", "odoo-test.conf")
MODULES = "mail"


@pytest.fixture(scope="module")
def dbname():
    existing = os.environ.get("CRM_SECURITY_TEST_DB")
    odoo.tools.config.parse_config(["-c", CONF])
    if existing:
        yield existing
        return
    with odoo_database("sec_models", MODULES, CONF, ROOT) as name:
        odoo.tools.config.parse_config(["-c", CONF])
        yield name


@pytest.fixture
def env(dbname):
    """Superuser environment in a transaction rolled back after the test."""
    registry = odoo.registry(dbname)
    with api.Environment.manage():
        cr = registry.cursor()
        try:
            yield api.Environment(cr, SUPERUSER_ID, {})
        finally:
            cr.rollback()
            cr.close()


def _user(env, login, groups=("base.group_user",)):
    Users = env["res.users"].with_context(no_reset_password=True, mail_create_nosubscribe=True)
    return Users.create({
        "name": login.title(), "login": login, "email": "%s@example.com" % login,
        "password": "pw-%s-123" % login,
        "groups_id": [(6, 0, [env.ref(g).id for g in groups])],
    })


@pytest.fixture
def employee(env):
    """A plain internal user (group Employee only) and the attacker of each test."""
    return _user(env, "sec_employee")


@pytest.fixture
def other(env):
    return _user(env, "sec_other")


def as_user(env, user):
    return env(user=user.id)


# --- CVE-2018-14861: password hashes through related searches ----------------

def test_password_hash_cannot_be_searched_through_a_related_path(env, employee):
    Partner = as_user(env, employee)["res.partner"]
    with pytest.raises(AccessError):
        Partner.search_count([("user_ids.password_crypt", "=like", "$pbkdf2%")])
    with pytest.raises(AccessError):
        Partner.search([("user_ids.password", "!=", False)])
    with pytest.raises(AccessError):
        as_user(env, employee)["res.users"].search([], order="password_crypt desc")


def test_password_hash_still_masked_in_exports_and_searches_still_work(env, employee):
    users = as_user(env, employee)["res.users"]
    rows = users.search([("login", "=", "sec_employee")]).export_data(
        ["login", "password_crypt"])["datas"]
    assert rows == [["sec_employee", "********"]]
    partners = as_user(env, employee)["res.partner"]
    assert partners.search_count([("user_ids.login", "=", "sec_employee")]) == 1
    # the superuser (login check, auth_crypt) is not restricted
    assert env["res.users"].search_count([("password_crypt", "!=", False)]) >= 1


# --- CVE-2019-11783: joining a private channel uninvited ----------------------

def _channel(env, public, **values):
    return env["mail.channel"].create(dict({"name": "sec-%s" % public, "public": public}, **values))


def test_employee_cannot_join_a_private_channel_uninvited(env, employee, other):
    private = _channel(env, "private", channel_partner_ids=[(4, other.partner_id.id)])
    ChannelPartner = as_user(env, employee)["mail.channel.partner"]
    with pytest.raises(AccessError):
        ChannelPartner.create({"channel_id": private.id, "partner_id": employee.partner_id.id})
    # nor by moving a membership of a public channel to the private one
    public = _channel(env, "public")
    membership = ChannelPartner.create({"channel_id": public.id,
                                        "partner_id": employee.partner_id.id})
    with pytest.raises(AccessError):
        membership.write({"channel_id": private.id})
    env["mail.channel.partner"].invalidate_cache()
    assert employee.partner_id not in private.channel_partner_ids


def test_group_channel_needs_the_group(env, employee):
    admins_only = _channel(env, "groups", group_public_id=env.ref("base.group_system").id)
    with pytest.raises(AccessError):
        as_user(env, employee)["mail.channel.partner"].create(
            {"channel_id": admins_only.id, "partner_id": employee.partner_id.id})


def test_members_still_invite_and_public_channels_can_be_joined(env, employee, other):
    private = _channel(env, "private", channel_partner_ids=[(4, employee.partner_id.id)])
    as_user(env, employee)["mail.channel"].browse(private.id).channel_invite([other.partner_id.id])
    assert other.partner_id in private.channel_partner_ids
    public = _channel(env, "public")
    as_user(env, employee)["mail.channel"].browse(public.id).action_follow()
    assert employee.partner_id in public.channel_partner_ids


# --- CVE-2019-11784: reading any message through a self-made notification ------

def test_notification_cannot_be_created_on_an_unreadable_message(env, employee, other):
    private = _channel(env, "private", channel_partner_ids=[(4, other.partner_id.id)])
    message = private.message_post(body="secret plan", message_type="comment",
                                   subtype="mail.mt_comment")
    Message = as_user(env, employee)["mail.message"]
    with pytest.raises(AccessError):
        Message.browse(message.id).read(["body"])
    with pytest.raises(AccessError):
        as_user(env, employee)["mail.notification"].create(
            {"mail_message_id": message.id, "res_partner_id": employee.partner_id.id})
    # and not by re-pointing one of one's own notifications either
    mine = env["mail.message"].create({
        "body": "hello", "partner_ids": [(4, employee.partner_id.id)],
        "needaction_partner_ids": [(4, employee.partner_id.id)]})
    own = as_user(env, employee)["mail.notification"].search([("mail_message_id", "=", mine.id)])
    assert own
    with pytest.raises(AccessError):
        own.write({"mail_message_id": message.id})


# --- CVE-2019-11785 / CVE-2021-44465: following unreadable records -------------

def test_employee_cannot_follow_a_record_they_cannot_read(env, employee, other):
    private = _channel(env, "private", channel_partner_ids=[(4, other.partner_id.id)])
    Followers = as_user(env, employee)["mail.followers"]
    with pytest.raises(AccessError):
        Followers.create({"res_model": "mail.channel", "res_id": private.id,
                          "partner_id": employee.partner_id.id})
    secret = env["ir.config_parameter"].search([], limit=1)
    with pytest.raises(AccessError):  # nor a record of a model reserved to administrators
        Followers.create({"res_model": "ir.config_parameter", "res_id": secret.id,
                          "partner_id": employee.partner_id.id})


def test_employee_cannot_subscribe_others_without_write_access(env, employee, other):
    partner = env["res.partner"].create({"name": "Readable, not writable"})
    partner_as_employee = as_user(env, employee)["res.partner"].browse(partner.id)
    partner_as_employee.read(["name"])  # readable
    env.ref("base.group_partner_manager").write({"users": [(3, employee.id)]})
    as_user(env, employee)["mail.followers"].create(
        {"res_model": "res.partner", "res_id": partner.id, "partner_id": employee.partner_id.id})
    with pytest.raises(AccessError):
        as_user(env, employee)["mail.followers"].create(
            {"res_model": "res.partner", "res_id": partner.id, "partner_id": other.partner_id.id})


# --- CVE-2018-15645: message routing through RPC --------------------------------

EMAIL = b"""From: Someone <someone@example.com>
To: nobody@example.com
Subject: crafted
Message-Id: <crafted-%s@example.com>
Content-Type: text/plain

hello
"""


def test_employee_cannot_feed_the_mail_gateway(env, employee):
    thread = as_user(env, employee)["mail.thread"]
    message = EMAIL % uuid.uuid4().hex.encode()
    with pytest.raises(AccessError):
        thread.message_process("res.partner", message, custom_values={"name": "injected"})
    with pytest.raises(AccessError):
        thread.message_route(None, {}, model="res.partner")
    with pytest.raises(AccessError):
        thread.message_route_process(None, {}, [("res.partner", False, {}, SUPERUSER_ID, None)])


def test_the_superuser_gateway_still_routes_mail(env):
    message = EMAIL % uuid.uuid4().hex.encode()
    res_id = env["mail.thread"].message_process("res.partner", message)
    assert env["res.partner"].browse(res_id).exists()


# --- CVE-2021-44460: deactivated users and the per-worker credentials cache --------

def test_deactivated_user_loses_rpc_access_in_other_workers(dbname):
    registry = odoo.registry(dbname)
    login = "sec_deact_%s" % uuid.uuid4().hex[:6]
    password = "pw-%s-123" % login
    with api.Environment.manage():
        with registry.cursor() as cr:
            uid = _user(api.Environment(cr, SUPERUSER_ID, {}), login).id
        try:
            Users = registry["res.users"]
            Users.check(dbname, uid, password)  # logs in: the worker caches the credentials
            Users.check(dbname, uid, password)
            # another worker deactivates the user: the row changes and the cache
            # invalidation is signaled to every worker (what write() triggers)
            with registry.cursor() as cr:
                cr.execute("UPDATE res_users SET active = false WHERE id = %s", (uid,))
            registry.clear_caches()
            with pytest.raises(AccessDenied):
                Users.check(dbname, uid, password)
        finally:
            with registry.cursor() as cr:
                cr.execute("DELETE FROM res_users WHERE id = %s", (uid,))


# --- CVE-2018-15631: mailing oneself any attachment ---------------------------------

def test_message_post_refuses_attachments_the_author_cannot_read(env, employee):
    param = env["ir.config_parameter"].search([], limit=1)
    secret = env["ir.attachment"].create({"name": "secret.txt", "datas_fname": "secret.txt",
                                          "datas": "c2VjcmV0", "res_model": "ir.config_parameter",
                                          "res_id": param.id})
    channel = as_user(env, employee)["mail.channel"].create(
        {"name": "mine", "public": "private", "channel_partner_ids": [(4, employee.partner_id.id)]})
    with pytest.raises(AccessError):
        channel.message_post(body="here", attachment_ids=[secret.id],
                             message_type="comment", subtype="mail.mt_comment")
    with pytest.raises(AccessError):
        as_user(env, employee)["mail.message"].create(
            {"body": "x", "attachment_ids": [(4, secret.id)]})
    # own uploads still go through
    upload = as_user(env, employee)["ir.attachment"].create(
        {"name": "mine.txt", "datas_fname": "mine.txt", "datas": "bWluZQ==",
         "res_model": "mail.compose.message", "res_id": 0})
    message = channel.message_post(body="ok", attachment_ids=[upload.id],
                                   message_type="comment", subtype="mail.mt_comment")
    assert message.attachment_ids == upload


def test_overridden_methods_still_take_rpc_arguments(env, employee):
    """The web client creates a mail composer (which inherits mail.message and
    thus the attachment check above) with call_kw(model, 'create', [values],
    {'context': ...}): the overridden method must keep its argument names, or
    Odoo's split_context takes the values for the context."""
    from odoo.api import call_kw
    user_env = as_user(env, employee)
    composer_id = call_kw(user_env["mail.compose.message"], "create",
                          [{"body": "<p>hello</p>", "subject": "RPC"}],
                          {"context": {"lang": "en_US"}})
    composer = user_env["mail.compose.message"].browse(composer_id)
    assert composer.subject == "RPC"
    message_id = call_kw(user_env["mail.message"], "create",
                         [{"body": "rpc", "model": False}], {"context": {}})
    assert user_env["mail.message"].browse(message_id).body == "<p>rpc</p>"


# --- CVE-2018-15635: "Add followers" wizard and crafted record names ------------------

def test_invite_wizard_message_does_not_carry_markup_from_names(env, employee):
    partner = env["res.partner"].create({"name": "<img src=x onerror=alert(1)>"})
    Invite = as_user(env, employee)["mail.wizard.invite"].with_context(
        default_res_model="res.partner", default_res_id=partner.id)
    message = Invite.default_get(["message", "res_model", "res_id"])["message"]
    assert "onerror" not in message  # the name's markup can no longer run script
    assert "invited you to follow" in message


# --- CVE-2018-14860: mail template sandbox and template code -----------------------

@pytest.mark.parametrize("code", [
    "${object.env.cr.dbname}",
    "${object.sudo().env['ir.config_parameter'].get_param('database.secret')}",
    "${object.env(user=1)['ir.config_parameter'].get_param('database.secret')}",
    "${user.env.registry.db_name}",
])
def test_mail_template_sandbox_refuses_sudo_and_cursor(env, employee, code):
    from odoo.exceptions import UserError

    secret = env["ir.config_parameter"].get_param("database.secret")
    Template = as_user(env, employee)["mail.template"]
    try:
        out = Template.render_template(code, "res.partner", [employee.partner_id.id])
    except UserError:
        return  # rendering refused
    rendered = out[employee.partner_id.id]
    assert env.cr.dbname not in rendered and secret not in rendered


def test_mail_template_plain_placeholders_still_render(env, employee):
    Template = as_user(env, employee)["mail.template"]
    out = Template.render_template(
        "Dear ${object.name} (${user.env['res.users'].browse(user.id).login})",
        "res.partner", [employee.partner_id.id])
    assert out[employee.partner_id.id] == "Dear Sec_Employee (sec_employee)"


def test_only_administrators_write_template_code(env, employee):
    model = env.ref("base.model_res_partner")
    Template = as_user(env, employee)["mail.template"]
    with pytest.raises(AccessError):
        Template.create({"name": "x", "model_id": model.id, "body_html": "<p>${object.name}</p>"})
    plain = Template.create({"name": "saved", "model_id": model.id,
                             "body_html": "<p>Hello 100%</p>"})
    with pytest.raises(AccessError):
        plain.write({"email_to": "${object.env['res.users'].browse(1).email}"})
    admin_template = env["mail.template"].create(
        {"name": "adm", "model_id": model.id, "subject": "${object.name}"})
    assert admin_template.subject == "${object.name}"


# --- CVE-2018-14866 (verified, no patch): transient records of other users ----------

def test_transient_records_stay_private_to_their_creator(env, employee, other):
    """Guards the verification in docs/SECURITY.md: the snapshot enforces it itself."""
    wizard = as_user(env, other)["mail.wizard.invite"].create(
        {"res_model": "res.partner", "res_id": other.partner_id.id})
    Invite = as_user(env, employee)["mail.wizard.invite"]
    assert not Invite.search([("id", "=", wizard.id)])
    with pytest.raises(AccessError):
        Invite.browse(wizard.id).read(["res_model"])
    with pytest.raises(AccessError):
        Invite.browse(wizard.id).write({"res_id": 1})


def test_template_code_cannot_come_in_through_a_translation(env, employee):
    model = env.ref("base.model_res_partner")
    template = env["mail.template"].create({"name": "tr", "model_id": model.id, "subject": "Hello"})
    Translation = as_user(env, employee)["ir.translation"]
    with pytest.raises(AccessError):
        Translation.create({"name": "mail.template,subject", "res_id": template.id, "type": "model",
                            "lang": "en_US", "src": "Hello", "value": "${object.name}"})
    ok = Translation.create({"name": "mail.template,subject", "res_id": template.id,
                             "type": "model", "lang": "en_US", "src": "Hello", "value": "Bonjour"})
    with pytest.raises(AccessError):
        ok.write({"value": "${object.name}"})


# --- CVE-2024-45840: source code through URL attachments ----------------------

def test_url_attachment_does_not_download_module_source(env, employee):
    user_env = as_user(env, employee)
    attachment = user_env["ir.attachment"].create({
        "name": "res_users.py", "type": "url", "url": "/base/res/res_users.py"})
    status, headers, content = user_env["ir.http"].binary_content(
        model="ir.attachment", id=attachment.id, env=user_env)
    # without the patch: 200 with the base64 of the server's Python source
    assert status == 301 and content == "/base/res/res_users.py"
    # static files of the addons are still served from disk
    static = user_env["ir.attachment"].create({
        "name": "favicon", "type": "url", "url": "/web/static/src/img/favicon.ico"})
    status, headers, content = user_env["ir.http"].binary_content(
        model="ir.attachment", id=static.id, env=user_env)
    assert status == 200 and content
