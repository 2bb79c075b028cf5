"""The API example of docs/examples/crm_helpdesk_api.py works against a real
server: it opens a ticket in the team found by its alias for a customer
found by address, notes it, solves it (the rating request is queued once)
and reads the figures docs/api.md describes; and a helpdesk user sees over
XML-RPC the tickets but may not delete them.

The script runs as a subprocess (as an integrator would run it) against the
`odoo_server` fixture (a database with crm_helpdesk and its demo data)."""
import functools
import json
import uuid
import xmlrpc.client

import pytest

import api_example


run_example = functools.partial(api_example.run_example, "crm_helpdesk_api.py")


@pytest.fixture(scope="module")
def example(odoo_server):
    email = "api.%s@example.fr" % uuid.uuid4().hex[:8]
    result = run_example(odoo_server, "--team", "support", "--email", email,
                         "--name", "Client API", "--json")
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout), email=email)


def test_the_ticket_is_opened_in_the_team_of_the_alias_for_the_customer(odoo_server, example):
    [ticket] = odoo_server.execute("crm.ticket", "read", [example["ticket_id"]],
                                   ["team_id", "partner_id", "number", "priority", "channel"])
    assert ticket["team_id"][0] == odoo_server.ref(
        "crm_helpdesk.crm_helpdesk_demo_team_client")
    assert ticket["number"] == example["number"] and ticket["number"].startswith("TK-")
    [partner] = odoo_server.execute("res.partner", "read", [ticket["partner_id"][0]],
                                    ["email", "name"])
    assert (partner["email"], partner["name"]) == (example["email"], "Client API")
    assert (ticket["priority"], ticket["channel"]) == ("2", "web")


def test_the_note_is_on_the_ticket_and_the_ticket_is_solved_with_one_survey_mail(
        odoo_server, example):
    [message] = odoo_server.execute("mail.message", "read", [example["message_id"]],
                                    ["model", "res_id", "subtype_id", "body"])
    assert (message["model"], message["res_id"]) == ("crm.ticket", example["ticket_id"])
    assert message["subtype_id"][0] == odoo_server.ref("mail.mt_note")
    assert "entrepôt" in message["body"]
    assert example["state"] == "solved" and example["closed"] and example["closed_date"]
    assert example["survey_mails"] == 1
    assert example["rating"] is False


def test_the_team_figures_are_read(example):
    team = example["team"]
    assert team["name"] == "Support client"
    assert team["crm_open_count"] >= 0 and 0 <= team["crm_satisfaction"] <= 100
    assert team["crm_rating_count"] > 0  # the demo ratings
    assert -100 <= team["crm_nps"] <= 100


def test_running_it_again_finds_the_same_customer_and_opens_a_new_ticket(
        odoo_server, example):
    result = run_example(odoo_server, "--email", example["email"].upper(), "--json")
    assert result.returncode == 0, result.stderr
    again = json.loads(result.stdout)
    assert again["partner_id"] == example["partner_id"]
    assert again["ticket_id"] != example["ticket_id"]


def test_a_helpdesk_user_reads_tickets_over_xmlrpc_but_may_not_delete_them(
        odoo_server, example):
    login = "support.%s@example.fr" % uuid.uuid4().hex[:6]
    odoo_server.execute("res.users", "create", {
        "name": "Agent API", "login": login, "password": login, "email": login,
        "groups_id": [(6, 0, [odoo_server.ref("crm_helpdesk.group_helpdesk_user")])]},
        context={"no_reset_password": True})
    as_user = dict(login=login, password=login)
    assert example["ticket_id"] in odoo_server.execute(
        "crm.ticket", "search", [("id", "=", example["ticket_id"])], **as_user)
    with pytest.raises(xmlrpc.client.Fault) as fault:
        odoo_server.execute("crm.ticket", "unlink", [example["ticket_id"]], **as_user)
    assert fault.value.faultCode == 4


def test_an_unknown_team_alias_stops_with_a_message(odoo_server):
    result = run_example(odoo_server, "--team", "nobody-%s" % uuid.uuid4().hex[:6])
    assert result.returncode != 0
    assert "No helpdesk team has the address nobody-" in result.stderr
