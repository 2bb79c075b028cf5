"""External API of the server, as integrations use it: XML-RPC with the
standard library, and JSON-RPC through odoorpc. Runs against the real server
on the run's database (demo data, admin/admin)."""
import uuid
import xmlrpc.client

import odoorpc
import pytest

# Fault codes of Odoo 11 on /xmlrpc/2 (odoo/service/wsgi_server.py).
FAULT_ACCESS_ERROR = 4


def unique(prefix):
    return "%s %s" % (prefix, uuid.uuid4().hex[:8])


# -- xmlrpc.client -------------------------------------------------------------

def test_version(odoo_server):
    info = odoo_server.xmlrpc("common").version()
    assert info["server_version"].startswith("11.0"), info
    assert info["server_version_info"][:2] == [11, 0], info
    assert info["protocol_version"] == 1, info


def test_authenticate(odoo_server):
    common = odoo_server.xmlrpc("common")
    uid = common.authenticate(odoo_server.db, "admin", "admin", {})
    assert isinstance(uid, int) and uid > 0
    assert common.authenticate(odoo_server.db, "admin", "wrong-password", {}) is False
    assert common.authenticate(odoo_server.db, "nobody-" + uuid.uuid4().hex, "admin", {}) is False
    # A call with a wrong password is refused too, not only the login.
    with pytest.raises(xmlrpc.client.Fault):
        odoo_server.xmlrpc("object").execute_kw(
            odoo_server.db, uid, "wrong-password", "res.partner", "search_count", [[]])


def test_partner_crud_xmlrpc(odoo_server):
    ex = odoo_server.execute
    companies = ex("res.partner", "search_read", [("is_company", "=", True)],
                   fields=["name", "country_id"], order="name", limit=50)
    names = [c["name"] for c in companies]
    assert "Agrolait" in names, names  # demo data
    assert set(companies[0]) == {"id", "name", "country_id"}

    name = unique("XML-RPC Partner")
    pid = ex("res.partner", "create", {"name": name, "email": "xmlrpc@example.com",
                                       "phone": "+33 1 00 00 00 01"})
    assert isinstance(pid, int)
    assert ex("res.partner", "search", [("name", "=", name)]) == [pid]

    assert ex("res.partner", "write", [pid], {"phone": "+33 1 00 00 00 02", "city": "Lyon"}) is True
    [rec] = ex("res.partner", "read", [pid], fields=["name", "email", "phone", "city"])
    assert rec == {"id": pid, "name": name, "email": "xmlrpc@example.com",
                   "phone": "+33 1 00 00 00 02", "city": "Lyon"}

    assert ex("res.partner", "unlink", [pid]) is True
    assert ex("res.partner", "search", [("id", "=", pid)]) == []
    assert ex("res.partner", "search_count", [("name", "=", name)]) == 0


# -- odoorpc (JSON-RPC) --------------------------------------------------------

def _odoorpc(server):
    return odoorpc.ODOO("127.0.0.1", protocol="jsonrpc", port=server.port, timeout=60)


def test_partner_crud_odoorpc(odoo_server):
    odoo = _odoorpc(odoo_server)
    assert odoo.version.startswith("11.0"), odoo.version
    with pytest.raises(odoorpc.error.RPCError):
        odoo.login(odoo_server.db, "admin", "wrong-password")
    odoo.login(odoo_server.db, "admin", "admin")
    assert odoo.env.user.login == "admin"

    Partner = odoo.env["res.partner"]
    found = Partner.search_read([("is_company", "=", True)], ["name"], limit=50)
    assert any(p["name"] == "Agrolait" for p in found), found

    name = unique("odoorpc Partner")
    pid = Partner.create({"name": name, "city": "Nantes"})
    partner = Partner.browse(pid)
    assert partner.name == name and partner.city == "Nantes"
    partner.write({"city": "Rennes", "phone": "+33 2 00 00 00 03"})
    [rec] = Partner.read([pid], ["city", "phone"])
    assert (rec["city"], rec["phone"]) == ("Rennes", "+33 2 00 00 00 03")
    Partner.unlink([pid])
    assert Partner.search([("id", "=", pid)]) == []
    odoo.logout()


# -- access rights -------------------------------------------------------------

@pytest.fixture
def plain_user(odoo_server):
    """A user with only base.group_user ("Employee"), created by admin."""
    ex = odoo_server.execute
    group_user = ex("ir.model.data", "xmlid_to_res_id", "base.group_user", True)
    login = "plain-%s@example.com" % uuid.uuid4().hex[:8]
    password = "plain-" + uuid.uuid4().hex
    uid = ex("res.users", "create", {
        "name": unique("Plain User"), "login": login, "password": password,
        "groups_id": [(6, 0, [group_user])],
    })
    return {"uid": uid, "login": login, "password": password}


def test_plain_user_access_errors(odoo_server, plain_user):
    ex = odoo_server.execute
    as_user = dict(login=plain_user["login"], password=plain_user["password"])
    # She can log in and read what employees read...
    assert odoo_server.uid(**as_user) == plain_user["uid"]
    assert ex("res.partner", "search_count", [], **as_user) > 0
    [me] = ex("res.users", "read", [plain_user["uid"]], fields=["login"], **as_user)
    assert me["login"] == plain_user["login"]
    groups = ex("res.users", "read", [plain_user["uid"]], fields=["groups_id"])[0]["groups_id"]
    admin_group = ex("ir.model.data", "xmlid_to_res_id", "base.group_erp_manager", True)
    assert admin_group not in groups, "the test user should not be an access-rights manager"

    # ... but creating users and deleting one are refused with an AccessError.
    with pytest.raises(xmlrpc.client.Fault) as created:
        ex("res.users", "create", {"name": "Intruder", "login": unique("intruder")}, **as_user)
    assert created.value.faultCode == FAULT_ACCESS_ERROR, created.value
    victim = ex("res.users", "create", {"name": unique("Victim"), "login": unique("victim")})
    with pytest.raises(xmlrpc.client.Fault) as unlinked:
        ex("res.users", "unlink", [victim], **as_user)
    assert unlinked.value.faultCode == FAULT_ACCESS_ERROR, unlinked.value
    assert ex("res.users", "search", [("id", "=", victim)]) == [victim]
    # Odoo's own message reaches the client (what an integrator debugs with).
    assert "access" in unlinked.value.faultString.lower(), unlinked.value.faultString
