"""Who sees which opportunity, over XML-RPC against a real server: what an
integration logged in as a salesperson or a sales manager gets. The record
rules are tested at ORM level in addons/crm_sales/tests/test_opportunity_access.py;
this checks they hold for the external API too (search, search_count, read,
read_group, write, unlink) and that a refusal comes back as a Fault.

Everything is created over XML-RPC as admin, committed on the test database,
and removed at the end.
"""
import uuid
import xmlrpc.client

import pytest


# Fault code of an AccessError on /xmlrpc/2 (Odoo 11, odoo/service/wsgi_server.py)
FAULT_ACCESS_ERROR = 4


def _is_access_error(fault):
    return fault.faultCode == FAULT_ACCESS_ERROR


@pytest.fixture
def sales_world(odoo_server):
    """Two teams, their salespeople, a manager and four opportunities."""
    ex = odoo_server.execute
    tag = uuid.uuid4().hex[:8]
    ref = lambda xmlid: ex("ir.model.data", "xmlid_to_res_id", xmlid)  # noqa: E731
    salesperson, manager = ref("crm_sales.group_sales_user"), ref("crm_sales.group_sales_manager")
    users = {}
    for name, group in (("alice", salesperson), ("bruno", salesperson), ("chloe", salesperson),
                        ("marc", manager)):
        login = "%s.%s@example.com" % (name, tag)
        password = "pw-%s-%s" % (name, tag)
        uid = ex("res.users", "create", {
            "name": "%s %s" % (name.title(), tag), "login": login, "email": login,
            "password": password, "groups_id": [(6, 0, [group])]},
            context={"no_reset_password": True})
        users[name] = {"id": uid, "login": login, "password": password}
    north = ex("crm.sales.team", "create", {
        "name": "Nord %s" % tag,
        "member_ids": [(6, 0, [users["alice"]["id"], users["bruno"]["id"]])]})
    south = ex("crm.sales.team", "create", {
        "name": "Sud %s" % tag, "member_ids": [(6, 0, [users["chloe"]["id"]])]})
    customer = ex("res.partner", "create",
                  {"name": "Quincaillerie Morvan %s" % tag, "is_company": True})

    def opp(name, owner, team, revenue):
        return ex("crm.opportunity", "create", {
            "name": "%s %s" % (name, tag), "partner_id": customer, "expected_revenue": revenue,
            "user_id": users[owner]["id"] if owner else False, "team_id": team})

    deals = {
        "alice_own": opp("Refonte du site web", "alice", False, 6000),
        "bruno_north": opp("Maintenance annuelle", "bruno", north, 9000),
        "unassigned": opp("Demande reçue par le site", None, south, 1500),
        "chloe_south": opp("Formation Excel 3 jours", "chloe", south, 2850),
    }
    world = {"users": users, "teams": {"north": north, "south": south}, "deals": deals,
             "tag": tag}
    yield world
    ex("crm.opportunity", "unlink", list(deals.values()))
    ex("crm.sales.team", "unlink", [north, south])
    ex("res.partner", "unlink", [customer])
    ids = [u["id"] for u in users.values()]
    partner_ids = [r["partner_id"][0] for r in ex("res.users", "read", ids, ["partner_id"])]
    try:
        ex("res.users", "unlink", ids)
        ex("res.partner", "unlink", partner_ids)
    except xmlrpc.client.Fault:
        ex("res.users", "write", ids, {"active": False})


def test_opportunity_visibility_over_xmlrpc(odoo_server, sales_world):
    users, deals = sales_world["users"], sales_world["deals"]
    all_ids = sorted(deals.values())
    domain = [("id", "in", all_ids)]

    def as_user(name, model, method, *args, **kwargs):
        user = users[name]
        return odoo_server.execute(model, method, *args, login=user["login"],
                                   password=user["password"], **kwargs)

    def visible(name):
        return sorted(as_user(name, "crm.opportunity", "search", domain))

    # own, team and unassigned deals; never another team's
    assert visible("alice") == sorted(
        [deals["alice_own"], deals["bruno_north"], deals["unassigned"]])
    assert visible("bruno") == sorted([deals["bruno_north"], deals["unassigned"]])
    assert visible("chloe") == sorted([deals["chloe_south"], deals["unassigned"]])
    assert visible("marc") == all_ids
    assert as_user("chloe", "crm.opportunity", "search_count", domain) == 2
    [group] = as_user("alice", "crm.opportunity", "read_group", domain, ["expected_revenue"], [])
    assert group["expected_revenue"] == 6000 + 9000 + 1500
    [row] = as_user(
        "alice", "crm.opportunity", "read", [deals["bruno_north"]], ["name", "stage_id"])
    assert row["name"].startswith("Maintenance annuelle")

    # another team's deal: read, write and unlink refused with a Fault
    for method, args in (("read", ([deals["chloe_south"]], ["name"])),
                         ("write", ([deals["chloe_south"]], {"expected_revenue": 1})),
                         ("unlink", ([deals["chloe_south"]],))):
        with pytest.raises(xmlrpc.client.Fault) as fault:
            as_user("alice", "crm.opportunity", method, *args)
        assert _is_access_error(fault.value), (method, fault.value.faultString)
    [row] = odoo_server.execute("crm.opportunity", "read", [deals["chloe_south"]],
                                ["expected_revenue"])
    assert row["expected_revenue"] == 2850

    # a deal of the team moves on: to the next stage, then won
    proposal = odoo_server.execute("ir.model.data", "xmlid_to_res_id",
                                   "crm_sales.crm_opportunity_stage_proposal")
    assert as_user("alice", "crm.opportunity", "write", [deals["bruno_north"]],
                   {"stage_id": proposal}) is True
    as_user("alice", "crm.opportunity", "action_set_won", [deals["bruno_north"]])
    [row] = as_user("bruno", "crm.opportunity", "read", [deals["bruno_north"]],
                    ["state", "probability"])
    assert (row["state"], row["probability"]) == ("won", 100.0)


def test_only_managers_configure_the_pipeline_over_xmlrpc(odoo_server, sales_world):
    users, teams, tag = sales_world["users"], sales_world["teams"], sales_world["tag"]

    def as_user(name, model, method, *args, **kwargs):
        user = users[name]
        return odoo_server.execute(model, method, *args, login=user["login"],
                                   password=user["password"], **kwargs)

    qualified = odoo_server.execute("ir.model.data", "xmlid_to_res_id",
                                    "crm_sales.crm_opportunity_stage_qualified")
    [stage] = as_user("alice", "crm.opportunity.stage", "read", [qualified], ["probability"])
    for model, method, args in (
            ("crm.opportunity.stage", "write", ([qualified], {"probability": 99})),
            ("crm.opportunity.stage", "create",
             ({"name": "Étape %s" % tag, "team_id": teams["north"]},)),
            ("crm.sales.team", "write", ([teams["north"]], {"name": "Renommée"})),
            ("crm.sales.team", "create", ({"name": "Équipe %s" % tag},))):
        with pytest.raises(xmlrpc.client.Fault) as fault:
            as_user("alice", model, method, *args)
        assert _is_access_error(fault.value), (model, method, fault.value.faultString)
    [after] = odoo_server.execute("crm.opportunity.stage", "read", [qualified], ["probability"])
    assert after["probability"] == stage["probability"]
    # the manager can
    assert as_user("marc", "crm.sales.team", "write", [teams["south"]],
                   {"name": "Sud-Ouest %s" % tag}) is True
    [team] = odoo_server.execute("crm.sales.team", "read", [teams["south"]], ["name"])
    assert team["name"] == "Sud-Ouest %s" % tag
