"""End to end: a customer's portal account on a real Odoo server, over HTTP as
a browser would use it: its projects on /my/projects with how far they are
and their next milestone, and nothing of another customer's projects.

Each test makes its customers, their portal users, signed quotes and their
projects over XML-RPC (as admin), then logs in as the portal user.
"""
import uuid

from test_crm_billing_portal_http import log_in, portal_customer, text_of


def project_of(server, partner_id, name, milestone):
    quote_id = server.execute("crm.quote", "create", {
        "partner_id": partner_id,
        "line_ids": [
            (0, 0, {"display_type": "line_section", "name": "Pose %s" % name, "sequence": 10}),
            (0, 0, {"name": "Pose des fenêtres", "quantity": 4, "unit": "hour",
                    "price_unit": 50, "sequence": 20})]})
    server.execute("crm.quote", "write", [quote_id], {"state": "signed",
                                                      "signer_name": "Client"})
    project_id = server.execute("crm.quote", "action_crm_create_project", [quote_id])["res_id"]
    phase_ids = server.execute("crm.project.phase", "search", [("project_id", "=", project_id)])
    server.execute("crm.project.phase", "write", phase_ids, {"date_deadline": milestone})
    [task_id] = server.execute("project.task", "search", [("project_id", "=", project_id)])
    server.execute("account.analytic.line", "create", {
        "name": "Dépose", "project_id": project_id, "task_id": task_id, "unit_amount": 1.0})
    [project] = server.execute("project.project", "read", [project_id], ["name"])
    return dict(project, id=project_id)


def test_a_portal_customer_sees_its_own_projects_progress_only(odoo_server):
    server = odoo_server
    offset = server.log_offset()
    tag = uuid.uuid4().hex[:8]
    mine = portal_customer(server, tag, "Menuiserie Portail")
    other = portal_customer(server, tag, "Garage Voisin")
    my_project = project_of(server, mine["id"], "Menuiserie", "2031-03-14")
    other_project = project_of(server, other["id"], "Garage", "2031-05-20")

    client = log_in(server, mine)
    status, _headers, page = client.get("/my/projects")
    assert status == 200
    listing = text_of(page)
    assert my_project["name"] in listing
    assert other_project["name"] not in listing
    # 1 h spent of 4 h planned; the milestone of its only phase
    assert "25 %" in listing
    assert "Pose Menuiserie" in listing and "03/14/2031" in listing

    status, _headers, page = client.get("/my/project/%d" % my_project["id"])
    assert status == 200
    detail = text_of(page)
    assert my_project["name"] in detail and "25 %" in detail and "Next milestone" in detail

    # another customer's project: back to the portal's home
    status, headers, _page = client.get("/my/project/%d" % other_project["id"])
    assert status in (302, 303) and headers["Location"].endswith("/my"), status
    assert server.log_problems(offset) == []
