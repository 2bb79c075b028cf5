"""A signed quote becomes a project in the real web client (Chromium): the
"Create project" button on the quote, the project's form, the quote's
"Project" smart button, and the customer's 360° record with its projects.
Data made over XML-RPC; the assertions read what the user sees."""
import uuid

from selenium.webdriver.common.by import By

from odoo_server import PageChecks, login, wait_idle
from test_crm_sales_quote_http import make_deal


def visible_text(driver, css):
    return " ".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, css) if e.is_displayed())


def signed_quote(server, deal):
    quote_id = server.execute("crm.quote", "create", {
        "opportunity_id": deal["opportunity_id"], "partner_id": deal["customer_id"],
        "contact_id": deal["contact_id"],
        "line_ids": [
            (0, 0, {"display_type": "line_section", "name": "Préparation", "sequence": 10}),
            (0, 0, {"name": "Dépose du bardage", "quantity": 6, "unit": "hour",
                    "price_unit": 45.0, "sequence": 20}),
            (0, 0, {"display_type": "line_section", "name": "Pose", "sequence": 30}),
            (0, 0, {"name": "Bardage mélèze", "quantity": 2, "unit": "day",
                    "price_unit": 420.0, "sequence": 40}),
        ]})
    server.execute("crm.quote", "write", [quote_id], {"state": "signed"})
    return quote_id


def open_quote(browser, server, quote_id, selector):
    browser.get(server.url + "/web#model=crm.quote&id=%d&view_type=form" % quote_id)
    return wait_idle(browser, selector)


def test_create_a_project_from_a_signed_quote(browser, odoo_server):
    server = odoo_server
    checks = PageChecks(browser, server)
    deal = make_deal(server, uuid.uuid4().hex[:8])
    quote_id = signed_quote(server, deal)
    [quote] = server.execute("crm.quote", "read", [quote_id], ["name"])
    login(browser, server)

    open_quote(browser, server, quote_id, ".o_form_view button.o_crm_quote_create_project").click()
    wait_idle(browser, ".o_form_view .oe_button_box .o_crm_project_quote")
    title = "Bardage atelier %s (%s)" % (deal["tag"], quote["name"])
    assert title in visible_text(browser, ".o_form_view .oe_title")
    assert "Quote" in visible_text(browser, ".o_form_view .oe_button_box")
    checks.check("project made from the quote")

    [project_id] = server.execute("project.project", "search", [("crm_quote_id", "=", quote_id)])
    tasks = server.execute("project.task", "search_read", [("project_id", "=", project_id)],
                           ["name", "crm_phase_id"], order="sequence")
    assert [(t["name"], t["crm_phase_id"][1]) for t in tasks] == [
        ("Dépose du bardage", "Préparation"), ("Bardage mélèze", "Pose")]

    # back on the quote: a "Project" smart button, no second "Create project"
    open_quote(browser, server, quote_id, ".o_form_view .oe_button_box .o_crm_quote_project")
    assert not [b for b in browser.find_elements(
        By.CSS_SELECTOR, ".o_form_view button.o_crm_quote_create_project") if b.is_displayed()]
    browser.find_element(By.CSS_SELECTOR, ".o_form_view .o_crm_quote_project").click()
    wait_idle(browser, ".o_form_view .oe_button_box .o_crm_project_quote")
    assert title in visible_text(browser, ".o_form_view .oe_title")

    # the customer's 360° record: its projects, with how far they are
    browser.get(server.url + "/web#model=res.partner&id=%d&view_type=form" % deal["customer_id"])
    wait_idle(browser, ".o_form_view .oe_button_box")
    # the buttons that do not fit (with crm_billing's) are in the box's "More" menu
    buttons = {" ".join(b.get_attribute("textContent").split())
               for b in browser.find_elements(By.CSS_SELECTOR, ".oe_button_box .oe_stat_button")}
    assert "1 Projects" in buttons, buttons
    checks.check("customer with its project")
    checks.assert_clean()
