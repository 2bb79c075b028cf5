"""Planning a project in the real web client (Chromium): "Plan" on the
project form places its tasks, and the task says when and why; the planned
work is in the person's agenda. Data made over XML-RPC; the assertions read
what the user sees."""
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from odoo_server import PageChecks, login, wait_idle


def test_plan_a_project_and_read_why_each_task_is_where_it_is(browser, odoo_server):
    server = odoo_server
    checks = PageChecks(browser, server)
    suffix = uuid.uuid4().hex[:6]
    admin = server.uid()
    project_id = server.execute("project.project", "create", {
        "name": "Cuisine %s" % suffix, "crm_date_start": "2027-03-01"})
    pose, peinture = [server.execute("project.task", "create", {
        "name": "%s %s" % (name, suffix), "project_id": project_id, "planned_hours": 4.0,
        "crm_user_ids": [(6, 0, [admin])]}) for name in ("Pose", "Peinture")]
    server.execute("crm.task.dependency", "create", {"task_id": peinture, "depends_on_id": pose})
    assert not server.execute("project.task", "read", [peinture],
                              ["crm_planned_start"])[0]["crm_planned_start"]

    login(browser, server)
    browser.get(server.url + "/web#model=project.project&id=%d&view_type=form" % project_id)
    wait_idle(browser, ".o_form_view button.o_crm_project_plan").click()
    wait_idle(browser)
    WebDriverWait(browser, 30).until(lambda d: server.execute(
        "project.task", "read", [peinture], ["crm_planned_start"])[0]["crm_planned_start"])
    checks.check("project planned")

    # the task that waits says why it is where it is
    browser.get(server.url + "/web#model=project.task&id=%d&view_type=form" % peinture)
    wait_idle(browser, ".o_form_view .o_notebook")
    tab = [a for a in browser.find_elements(By.CSS_SELECTOR, ".o_notebook .nav-tabs a")
           if a.text == "Planned work"]
    assert tab, "no Planned work tab"
    tab[0].click()
    rows = [r.text for r in browser.find_elements(
        By.CSS_SELECTOR, ".o_notebook .tab-pane.active .o_data_row")]
    assert rows and any("After «Pose %s»" % suffix in row for row in rows), rows
    assert any("04:00" in row for row in rows), rows
    checks.check("task with its planned work")

    # the planned work is in the person's agenda, as "Project — Task"
    events = server.execute("calendar.event", "search_read", [("crm_task_id", "=", peinture)],
                            ["name", "user_id", "show_as"])
    assert events and all(e["name"] == "Cuisine %s — Peinture %s" % (suffix, suffix)
                          and e["user_id"][0] == admin and e["show_as"] == "busy"
                          for e in events), events
    checks.assert_clean()
