"""Private contacts over XML-RPC: what an integration logged in as a CRM user
gets from a real server. The rule is tested at ORM level in
addons/crm_base/tests/test_access_contacts.py; this checks it also holds for
the external API (search, read, search_count, write).

Lives here rather than in addons/crm_base/tests because it needs the
`odoo_server` fixture of this folder's conftest.py (and a server of its own,
which an Odoo TransactionCase must not start). It commits what it creates on
the test database and removes it at the end.
"""
import uuid
import xmlrpc.client

import pytest


@pytest.fixture
def two_users(odoo_server):
    """Two CRM users with their passwords; removed (or archived) afterwards."""
    tag = uuid.uuid4().hex[:8]
    group_id = odoo_server.execute("ir.model.data", "xmlid_to_res_id", "crm_base.group_crm_user")
    users = {}
    for name in ("alice", "bob"):
        login = "%s.%s@example.com" % (name, tag)
        password = "pw-%s-%s" % (name, tag)
        uid = odoo_server.execute("res.users", "create", {
            "name": "%s %s" % (name.title(), tag), "login": login, "email": login,
            "password": password,
            "groups_id": [(6, 0, [group_id])]}, context={"no_reset_password": True})
        users[name] = {"id": uid, "login": login, "password": password}
    created_partners = []
    yield users, created_partners
    if created_partners:
        odoo_server.execute("res.partner", "unlink", created_partners)
    ids = [u["id"] for u in users.values()]
    partner_ids = [
        r["partner_id"][0] for r in odoo_server.execute("res.users", "read", ids, ["partner_id"])]
    try:
        odoo_server.execute("res.users", "unlink", ids)
        odoo_server.execute("res.partner", "unlink", partner_ids)
    except xmlrpc.client.Fault:
        odoo_server.execute("res.users", "write", ids, {"active": False})


def test_private_contact_over_xmlrpc(odoo_server, two_users):
    users, created = two_users
    alice, bob = users["alice"], users["bob"]

    def as_user(user, model, method, *args, **kwargs):
        return odoo_server.execute(model, method, *args, login=user["login"],
                                   password=user["password"], **kwargs)

    secret = as_user(alice, "res.partner", "create", {
        "name": "Contact privé XML-RPC", "user_id": alice["id"], "crm_private": True})
    shared = as_user(alice, "res.partner", "create", {"name": "Contact partagé XML-RPC"})
    created.extend([secret, shared])
    domain = [("id", "in", [secret, shared])]

    assert sorted(as_user(alice, "res.partner", "search", domain)) == sorted([secret, shared])
    assert as_user(bob, "res.partner", "search", domain) == [shared]
    assert as_user(bob, "res.partner", "search_count",
                   [("name", "ilike", "XML-RPC"), ("id", "in", [secret, shared])]) == 1
    rows = as_user(alice, "res.partner", "read", [secret], ["name"])
    assert [r["name"] for r in rows] == ["Contact privé XML-RPC"]
    for method, args in (("read", ([secret], ["name"])),
                         ("write", ([secret], {"name": "Vu par Bob"}))):
        with pytest.raises(xmlrpc.client.Fault) as fault:
            as_user(bob, "res.partner", method, *args)
        message = fault.value.faultString
        assert "AccessError" in message or "security restrictions" in message

    # made shared by its owner, Bob sees it
    as_user(alice, "res.partner", "write", [secret], {"crm_private": False})
    assert sorted(as_user(bob, "res.partner", "search", domain)) == sorted([secret, shared])
    assert odoo_server.log_problems() == [] or all(
        "AccessError" in p or "security restrictions" in p for p in odoo_server.log_problems())
