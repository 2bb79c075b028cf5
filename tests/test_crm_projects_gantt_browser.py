"""Tasks in the real web client (Chromium): the project's Gantt with its
dependency arrow, a task dragged and its successor re-planned after it, a
checklist item ticked. Data made over XML-RPC; the assertions read what the
user sees (boxes, arrows, the progress)."""
import uuid

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from odoo_server import PageChecks, login, wait_idle

BOX = ".oe_timeline_view .vis-item.vis-range"
ARROW = ".oe_timeline_view_canvas polyline"


def two_dependent_tasks(server, auto):
    """A project starting on Monday 1 March 2027 with «Pose» (7 h) then
    «Peinture» (7 h, waits for «Pose»), both the administrator's; planned."""
    suffix = uuid.uuid4().hex[:6]
    admin = server.uid()
    project_id = server.execute("project.project", "create", {
        "name": "Rénovation %s" % suffix, "crm_planning_auto": auto,
        "crm_date_start": "2027-03-01"})
    pose, peinture = [server.execute("project.task", "create", {
        "name": "%s %s" % (name, suffix), "project_id": project_id, "planned_hours": 7.0,
        "crm_user_ids": [(6, 0, [admin])]}) for name in ("Pose", "Peinture")]
    server.execute("crm.task.dependency", "create", {"task_id": peinture, "depends_on_id": pose})
    server.execute("project.project", "action_crm_plan", [project_id])
    return project_id, pose, peinture


def open_gantt(browser, server, project_id):
    browser.get(server.url + "/web#model=project.project&id=%d&view_type=form" % project_id)
    wait_idle(browser, ".o_form_view button.o_crm_project_gantt").click()
    wait_idle(browser, BOX)
    WebDriverWait(browser, 30).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, BOX)) == 2
        and len(d.find_elements(By.CSS_SELECTOR, ARROW)) == 1)


def box_of(browser, task_id):
    return browser.find_element(
        By.XPATH, "//div[contains(concat(' ', @class, ' '), ' vis-item ')]"
                  "[.//span[@data-id='%d']]" % task_id)


def planned(server, task_id):
    return server.execute("project.task", "read", [task_id],
                          ["crm_planned_start", "crm_planned_end", "crm_not_before"])[0]


def test_the_gantt_shows_the_tasks_and_an_arrow_between_dependent_tasks(browser, odoo_server):
    server = odoo_server
    checks = PageChecks(browser, server)
    project_id, pose, peinture = two_dependent_tasks(server, auto=False)
    login(browser, server)
    open_gantt(browser, server, project_id)
    texts = " ".join(e.text for e in browser.find_elements(By.CSS_SELECTOR, BOX))
    assert "Pose" in texts and "Peinture" in texts, texts
    # «Peinture» is drawn after «Pose», the arrow between them
    assert box_of(browser, peinture).location["x"] > box_of(browser, pose).location["x"]
    # zoom to a week and to a month: the arrow is still drawn
    for scale in ("week", "month"):
        browser.find_element(By.CSS_SELECTOR, ".oe_timeline_button_scale_%s" % scale).click()
        WebDriverWait(browser, 10).until(
            lambda d: len(d.find_elements(By.CSS_SELECTOR, ARROW)) == 1)
    checks.check("project Gantt")
    checks.assert_clean()


def test_dragging_a_task_moves_the_task_that_waits_for_it(browser, odoo_server):
    server = odoo_server
    checks = PageChecks(browser, server)
    project_id, pose, peinture = two_dependent_tasks(server, auto=True)
    before = planned(server, peinture)
    assert before["crm_planned_start"] >= planned(server, pose)["crm_planned_end"]
    login(browser, server)
    open_gantt(browser, server, project_id)
    x_before = box_of(browser, peinture).location["x"]
    box = box_of(browser, pose)
    # 160 px to the right (hours later): «Pose» cannot start before where it is dropped
    box.click()  # vis.js drags the selected item
    ActionChains(browser).click_and_hold(box).move_by_offset(80, 0) \
        .move_by_offset(80, 0).release().perform()
    WebDriverWait(browser, 30).until(
        lambda d: planned(server, peinture)["crm_planned_start"] > before["crm_planned_start"])
    moved = planned(server, pose)
    assert moved["crm_not_before"], "the drop sets the day «Pose» starts no earlier than"
    assert planned(server, peinture)["crm_planned_start"] >= moved["crm_planned_end"]
    # the view reloads: «Peinture» is drawn further right, still after «Pose»
    wait_idle(browser)
    WebDriverWait(browser, 30).until(
        lambda d: box_of(d, peinture).location["x"] > x_before
        and len(d.find_elements(By.CSS_SELECTOR, ARROW)) == 1)
    checks.check("Gantt after a drag")
    checks.assert_clean()


def test_ticking_a_checklist_item_shows_the_progress(browser, odoo_server):
    server = odoo_server
    checks = PageChecks(browser, server)
    task_id = server.execute("project.task", "create", {
        "name": "Pose des fenêtres %s" % uuid.uuid4().hex[:6],
        "crm_checklist_ids": [(0, 0, {"name": "Commander les fenêtres", "sequence": 1}),
                              (0, 0, {"name": "Poser et calfeutrer", "sequence": 2})]})
    login(browser, server)
    browser.get(server.url + "/web#model=project.task&id=%d&view_type=form" % task_id)
    wait_idle(browser, ".o_form_view .o_notebook")
    tab = browser.find_element(By.XPATH, "//a[@data-toggle='tab'][normalize-space()='Checklist']")
    tab.click()
    progress = ".o_form_view .o_crm_checklist_progress"
    assert wait_idle(browser, progress).text == "0/2"
    wait_idle(browser, ".o_form_view button.o_crm_checklist_toggle").click()
    # the form redraws the tab after the click: an element found just before
    # it can be gone when read
    WebDriverWait(browser, 20, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: d.find_element(By.CSS_SELECTOR, progress).text == "1/2")
    items = server.execute("crm.task.checklist.item", "search_read",
                           [("task_id", "=", task_id)], fields=["name", "done"], order="sequence")
    assert [(item["name"], item["done"]) for item in items] == [
        ("Commander les fenêtres", True), ("Poser et calfeutrer", False)]
    checks.check("task checklist")
    checks.assert_clean()
