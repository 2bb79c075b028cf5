"""Logging time in the real web client (Chromium): on a task's Timesheets tab,
then from a meeting linked to the task; the task's spent hours and the
project's Profitability tab follow. Data made over XML-RPC; the assertions
read what the user sees."""
import uuid

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from odoo_server import PageChecks, login, wait_idle


def visible_text(driver, css):
    return " ".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, css) if e.is_displayed())


def field_text(browser, name):
    return wait_idle(browser, ".o_form_view .o_field_widget[name=%s]" % name).text


def open_tab(browser, label):
    for tab in browser.find_elements(By.CSS_SELECTOR, ".o_form_view .o_notebook .nav-tabs a"):
        if tab.is_displayed() and tab.text.strip() == label:
            tab.click()
            return wait_idle(browser)
    raise AssertionError("no tab %r" % label)


def project_with_a_task(server):
    """A project sold 1,000.00 with a task of 10 planned hours; the admin is
    an employee at 50.00 an hour."""
    key = uuid.uuid4().hex[:8]
    admin_uid = server.uid(server.login, server.password)
    employees = server.execute("hr.employee", "search", [("user_id", "=", admin_uid)])
    if not employees:
        employees = [server.execute("hr.employee", "create",
                                    {"name": "Administrateur", "user_id": admin_uid})]
    server.execute("hr.employee", "write", employees[:1], {"timesheet_cost": 50.0})
    partner_id = server.execute("res.partner", "create", {
        "name": "Menuiserie Garnier %s" % key, "is_company": True, "customer": True})
    project_id = server.execute("project.project", "create", {
        "name": "Agencement du magasin %s" % key, "partner_id": partner_id,
        "crm_sold_amount": 1000.0})
    task_id = server.execute("project.task", "create", {
        "name": "Relevé de cotes %s" % key, "project_id": project_id, "planned_hours": 10.0,
        "crm_sold_hours": 8.0, "crm_user_ids": [(6, 0, [admin_uid])]})
    return project_id, task_id, employees[0]


def test_log_time_on_a_task_then_from_a_meeting(browser, odoo_server):
    server = odoo_server
    checks = PageChecks(browser, server)
    project_id, task_id, _employee_id = project_with_a_task(server)
    login(browser, server)

    # the task's Timesheets tab: a line of 2:30, typed in the editable list
    browser.get(server.url + "/web#model=project.task&id=%d&view_type=form" % task_id)
    wait_idle(browser, ".o_form_button_edit").click()
    wait_idle(browser, ".o_form_view.o_form_editable")
    open_tab(browser, "Timesheets")
    wait_idle(browser, ".o_field_widget[name=timesheet_ids] .o_field_x2many_list_row_add a").click()
    wait_idle(browser, ".o_field_widget[name=timesheet_ids] input[name=name]").send_keys(
        "Relevé sur place")
    duration = browser.find_element(
        By.CSS_SELECTOR, ".o_field_widget[name=timesheet_ids] input[name=unit_amount]")
    duration.click()
    duration.send_keys(Keys.END + Keys.BACKSPACE * 8 + "02:30")
    browser.find_element(By.CSS_SELECTOR, ".o_form_button_save").click()
    wait_idle(browser, ".o_form_view.o_form_readonly")
    open_tab(browser, "Timesheets")
    assert field_text(browser, "effective_hours") == "02:30"
    assert field_text(browser, "remaining_hours") == "07:30"
    assert field_text(browser, "crm_sold_hours_left") == "05:30"
    checks.check("task timesheets")

    # a meeting about the task: "Log the time" logs its 1:30 once
    event_id = server.execute("calendar.event", "create", {
        "name": "Point chantier avec le client", "start": "2026-03-04 09:00:00",
        "stop": "2026-03-04 10:30:00", "duration": 1.5, "crm_task_id": task_id})
    browser.get(server.url + "/web#model=calendar.event&id=%d&view_type=form" % event_id)
    wait_idle(browser, ".o_form_view button.o_crm_log_time").click()
    wait_idle(browser, ".o_form_view.o_form_readonly")
    open_tab(browser, "Time logged")
    assert "01:30" in visible_text(browser, ".o_field_widget[name=crm_timesheet_ids]")
    checks.check("meeting time logged")

    # the project: 4:00 spent, 200.00 of time at 50.00 an hour, margin 800.00
    browser.get(server.url + "/web#model=project.project&id=%d&view_type=form" % project_id)
    wait_idle(browser, ".o_form_view")
    open_tab(browser, "Profitability")
    assert field_text(browser, "crm_hours_spent") == "04:00"
    assert "200.00" in field_text(browser, "crm_cost_time")
    assert "800.00" in field_text(browser, "crm_margin")
    checks.check("project profitability")
    checks.assert_clean()
