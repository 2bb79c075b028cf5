"""crm_base in the web client: a company's 360° record, and the import wizard.

Against a real server on the run's database with demo data (tests/conftest.py).
"""
from selenium.webdriver.common.by import By

from odoo_server import PageChecks, login, wait_idle


def test_company_360_record(browser, odoo_server):
    """Open a demo company from the CRM app: its smart buttons count its
    emails, meetings, ... and the Activity tab lists them newest first."""
    checks = PageChecks(browser, odoo_server)
    company_id = odoo_server.ref("crm_base.crm_demo_company_cabinet_mercier_avocats")
    # a note posted now shows in the timeline (after upcoming meetings, which
    # are dated later)
    odoo_server.execute("res.partner", "message_post", [company_id],
                        body="Relance devis envoyée au client", message_type="comment",
                        subtype="mail.mt_note")
    login(browser, odoo_server)
    browser.get(odoo_server.url + "/web#action=crm_base.res_partner_company_action")
    wait_idle(browser, ".o_kanban_view .o_kanban_record")
    browser.get(odoo_server.url + "/web#model=res.partner&view_type=form&id=%d" % company_id)
    wait_idle(browser, ".o_form_view.o_form_readonly .oe_title")
    title = browser.find_element(By.CSS_SELECTOR, ".o_form_view .oe_title").text
    assert "Cabinet Mercier Avocats" in title
    checks.check("company form")

    # the buttons that do not fit are in the box's "More" menu: read them all
    buttons = {" ".join(b.get_attribute("textContent").split())
               for b in browser.find_elements(By.CSS_SELECTOR, ".oe_button_box .oe_stat_button")}
    for label in ("Emails", "Meetings", "Notes", "Documents"):
        assert any(label in text for text in buttons), (label, buttons)

    tab = [a for a in browser.find_elements(By.CSS_SELECTOR, ".o_notebook .nav-tabs a")
           if a.text == "Activity"]
    assert tab, "no Activity tab"
    tab[0].click()
    wait_idle(browser, ".o_crm_timeline_list .o_crm_timeline_item")
    items = [i.text for i in browser.find_elements(By.CSS_SELECTOR,
                                                   ".o_crm_timeline_list .o_crm_timeline_item")]
    assert any("Relance devis envoyée au client" in text for text in items), items
    assert any("Cabinet Mercier Avocats" in text and "·" in text for text in items[:3]), \
        "the company's meetings should be listed: %s" % items[:3]
    checks.check("Activity tab")

    # with more addons installed, "Meetings" may be in the box's "More" menu: open it
    more = [b for b in browser.find_elements(By.CSS_SELECTOR, ".oe_button_box .o_button_more")
            if b.is_displayed()]
    if more and not [b for b in browser.find_elements(
            By.CSS_SELECTOR, ".oe_button_box .oe_stat_button")
            if "Meetings" in b.text and b.is_displayed()]:
        more[0].click()
    meetings = [b for b in browser.find_elements(By.CSS_SELECTOR, ".oe_button_box .oe_stat_button")
                if "Meetings" in b.text and b.is_displayed()]
    assert meetings, "no Meetings button in the company's box"
    meetings[0].click()
    wait_idle(browser, ".o_calendar_view, .o_list_view")
    checks.check("meetings of the company")
    checks.assert_clean()


IMPORT_CSV = (
    "Raison sociale;SIRET;Code postal;Ville;Courriel\n"
    "Menuiserie du Navigateur;90312345300016;44000;Nantes;contact@menuiserie-navigateur.fr\n"
    # the SIRET of a demo company: a duplicate, updated
    "ATELIER LOIRE MENUISERIE;81245763800011;49100;Angers;bonjour@atelier-loire.fr\n"
)


def _click(browser, css):
    buttons = [b for b in browser.find_elements(By.CSS_SELECTOR, css) if b.is_displayed()]
    assert buttons, "no visible %s" % css
    buttons[0].click()


def test_import_companies_through_the_wizard(browser, odoo_server, tmp_path):
    """CRM > Contacts > Import: upload a French CSV, keep the guessed columns,
    find the duplicate by SIRET, preview, import; the companies are there."""
    checks = PageChecks(browser, odoo_server)
    path = tmp_path / "societes.csv"
    path.write_bytes(IMPORT_CSV.encode("cp1252"))  # a CSV saved by French Excel
    login(browser, odoo_server)
    browser.get(odoo_server.url + "/web#action=crm_base.crm_import_wizard_action")
    wait_idle(browser, ".modal .o_crm_import_wizard")
    file_input = browser.find_element(By.CSS_SELECTOR,
                                      ".modal .o_crm_import_wizard input[type=file]")
    file_input.send_keys(str(path))
    wait_idle(browser, ".modal .o_field_binary_file input[type=text]")
    checks.check("upload step")

    _click(browser, ".modal .o_crm_import_next")            # -> columns
    mapping = wait_idle(browser, ".modal div[name=mapping] .o_list_view")
    assert "Raison sociale" in mapping.text and "SIRET" in mapping.text
    _click(browser, ".modal .o_crm_import_next")            # -> duplicates
    wait_idle(browser, ".modal div[name=dedup_rule]")
    _click(browser, ".modal .o_crm_import_next")            # -> preview
    wait_idle(browser, ".modal div[name=preview] .o_group")
    values = {el.get_attribute("name"): el.text for el in
              browser.find_elements(By.CSS_SELECTOR, ".modal div[name=preview] .o_field_widget")
              if el.get_attribute("name") in ("row_count", "new_count", "duplicate_count",
                                              "error_count")}
    assert values == {
        "row_count": "2", "new_count": "1", "duplicate_count": "1", "error_count": "0"}, values
    checks.check("preview step")

    _click(browser, ".modal .o_crm_import_run")
    done = wait_idle(browser, ".modal div[name=result_done]")
    assert done.text.strip(), "the result says what was imported"
    checks.check("result step")

    created = odoo_server.execute("res.partner", "search_read", [("siret", "=", "90312345300016")],
                                  fields=["name", "city", "email", "is_company", "siren"])
    assert len(created) == 1 and created[0]["is_company"], created
    assert created[0]["city"] == "Nantes" and created[0]["siren"] == "903123453"
    updated = odoo_server.execute("res.partner", "search_read", [("siret", "=", "81245763800011")],
                                  fields=["name", "email"])
    assert len(updated) == 1, "the duplicate was not created a second time: %s" % updated
    assert updated[0]["email"] == "bonjour@atelier-loire.fr"
    checks.assert_clean()
