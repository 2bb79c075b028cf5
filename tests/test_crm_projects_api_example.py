"""The API example of docs/examples/crm_projects_api.py works against a real
server: a signed quote becomes a project once, with the tasks, hours, phases
and dependencies docs/api.md describes; time is logged; and a project user
sees over XML-RPC only the projects they work on.

The script runs as a subprocess (as an integrator would run it) against the
`odoo_server` fixture (a database with crm_projects installed). A signed
quote cannot be deleted, so what it made stays in the test database; each
run uses a new customer.
"""
import functools
import json
import uuid
import xmlrpc.client

import pytest

import api_example


run_example = functools.partial(api_example.run_example, "crm_projects_api.py")


@pytest.fixture(scope="module")
def example(odoo_server):
    result = run_example(odoo_server, "--customer",
                         "Cuisines Test %s" % uuid.uuid4().hex[:6], "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_signed_quote_became_a_project_with_hours_phases_and_dependencies(
        odoo_server, example):
    assert example["project_name"].startswith("Rénovation de la cuisine (DEV")
    assert example["sold_amount"] == 6 * 45 + 380 + 3 * 420 + 650
    tasks = [(t["name"], t["phase"]) for t in example["tasks"]]
    assert tasks == [("Dépose de l'ancienne cuisine", "Préparation"),
                     ("Plomberie et électricité", "Préparation"),
                     ("Pose des meubles et du plan de travail", "Pose"),
                     ("Hotte aspirante", "Pose")]
    hours = [t["hours"] for t in example["tasks"]]
    # a day is the company calendar's hours per day; the hood is sold in units
    assert hours[0] == 6.0 and hours[3] == 0.0
    assert hours[2] == 3 * hours[1] > 0
    assert sorted(example["dependencies"]) == sorted(
        [after, before] for after in ("Pose des meubles et du plan de travail",
                                      "Hotte aspirante")
        for before in ("Dépose de l'ancienne cuisine", "Plomberie et électricité"))


def test_time_logged_on_a_task_counts_in_the_project(odoo_server, example):
    assert example["first_task_spent"] == 2.5
    assert example["spent_hours"] == 2.5
    [line] = odoo_server.execute("account.analytic.line", "read", [example["timesheet_id"]],
                                 ["task_id", "project_id", "unit_amount"])
    assert line["task_id"][0] == example["tasks"][0]["id"]
    assert line["project_id"][0] == example["project_id"]
    assert example["progress"] == round(100 * 2.5 / example["planned_hours"], 1)


def test_running_it_again_on_the_same_quote_gives_the_same_project(odoo_server, example):
    result = run_example(odoo_server, "--quote", str(example["quote_id"]), "--json")
    assert result.returncode == 0, result.stderr
    again = json.loads(result.stdout)
    assert again["project_id"] == example["project_id"]
    assert odoo_server.execute("project.project", "search_count",
                               [("crm_quote_id", "=", example["quote_id"])]) == 1


def test_a_quote_not_signed_is_refused_with_the_message(odoo_server):
    partner_id = odoo_server.execute("res.partner", "create", {
        "name": "Brouillon %s" % uuid.uuid4().hex[:6], "is_company": True})
    quote_id = odoo_server.execute("crm.quote", "create", {
        "partner_id": partner_id,
        "line_ids": [(0, 0, {"name": "Pose", "quantity": 1, "unit": "day", "price_unit": 400})]})
    with pytest.raises(xmlrpc.client.Fault) as fault:
        odoo_server.execute("crm.quote", "action_crm_create_project", [quote_id])
    assert fault.value.faultCode == 2
    assert "is not signed" in fault.value.faultString


def test_a_project_user_sees_over_xmlrpc_only_the_projects_they_work_on(
        odoo_server, example):
    login = "projets.%s@example.fr" % uuid.uuid4().hex[:6]
    user_id = odoo_server.execute("res.users", "create", {
        "name": "Hugo Petit", "login": login, "password": login, "email": login,
        "groups_id": [(6, 0, [odoo_server.ref("crm_projects.group_projects_user")])]},
        context={"no_reset_password": True})
    as_user = dict(login=login, password=login)
    other_id = example["project_id"]
    assert other_id not in odoo_server.execute("project.project", "search", [], **as_user)
    with pytest.raises(xmlrpc.client.Fault) as fault:
        odoo_server.execute("project.project", "read", [other_id], ["name"], **as_user)
    assert fault.value.faultCode == 4
    task_ids = [t["id"] for t in example["tasks"]]
    assert odoo_server.execute("project.task", "search", [("id", "in", task_ids)],
                               **as_user) == []
    # once on one of its tasks, the project and all its tasks are theirs
    odoo_server.execute("project.task", "write", task_ids[:1],
                        {"crm_user_ids": [(4, user_id)]})
    assert other_id in odoo_server.execute("project.project", "search", [], **as_user)
    assert sorted(odoo_server.execute("project.task", "search", [("id", "in", task_ids)],
                                      **as_user)) == sorted(task_ids)
