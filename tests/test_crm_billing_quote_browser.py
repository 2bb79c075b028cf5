"""Billing a signed quote in the real web client (Chromium): a deposit then
the balance, and a progress statement. Data made over XML-RPC; the
assertions read what the user sees (amounts in the forms)."""
import uuid

from selenium.webdriver.common.by import By

from odoo_server import PageChecks, login, wait_idle
from test_crm_sales_quote_http import make_deal


def visible_text(driver, css):
    return " ".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, css) if e.is_displayed())


def signed_quote(server):
    """A signed quote: 40 x 85.00 at 20 % (section "Façade nord") and 300.00
    at 10 %, 4,410.00 incl. VAT."""
    deal = make_deal(server, uuid.uuid4().hex[:8])
    quote_id = server.execute("crm.quote", "create", {
        "opportunity_id": deal["opportunity_id"], "partner_id": deal["customer_id"],
        "contact_id": deal["contact_id"], "user_id": deal["seller_id"],
        "line_ids": [
            (0, 0, {"display_type": "line_section", "name": "Façade nord", "sequence": 10}),
            (0, 0, {"name": "Bardage mélèze", "quantity": 40, "price_unit": 85.0,
                    "vat_rate": "20", "sequence": 20}),
            (0, 0, {"name": "Traitement fongicide", "quantity": 1, "price_unit": 300.0,
                    "vat_rate": "10", "sequence": 30}),
        ]})
    server.execute("crm.quote", "write", [quote_id], {"state": "signed"})
    return quote_id


def open_quote(browser, server, quote_id):
    browser.get(server.url + "/web#model=crm.quote&id=%d&view_type=form" % quote_id)
    return wait_idle(browser, ".o_form_view button.o_crm_quote_invoice")


def invoice_wizard(browser, server, quote_id, kind):
    """Click "Invoice" on the quote, pick ``kind`` in the wizard, create."""
    open_quote(browser, server, quote_id).click()
    wait_idle(browser, ".modal .o_crm_quote_invoice_create")
    browser.find_element(
        By.CSS_SELECTOR, ".modal .o_field_radio[name=kind] input[data-value=%s]" % kind).click()
    browser.find_element(By.CSS_SELECTOR, ".modal .o_crm_quote_invoice_create").click()


def field_text(browser, name):
    return wait_idle(browser, ".o_form_view .o_field_widget[name=%s]" % name).text


def test_invoice_a_signed_quote_with_a_deposit_then_the_balance(browser, odoo_server):
    server = odoo_server
    checks = PageChecks(browser, server)
    quote_id = signed_quote(server)
    login(browser, server)

    # a 30 % deposit (the wizard's default): 30 % of 4,410.00
    invoice_wizard(browser, server, quote_id, "deposit")
    wait_idle(browser, ".o_form_view button.o_invoice_validate")
    assert "1,323.00" in field_text(browser, "amount_total")
    assert "Deposit of 30 % on the quote" in visible_text(browser, ".o_form_view .o_list_view")
    browser.find_element(By.CSS_SELECTOR, ".o_form_view button.o_invoice_validate").click()
    wait_idle(browser, ".o_form_view .o_statusbar_status .btn-primary")
    assert visible_text(browser, ".o_statusbar_status .btn-primary") == "Open"
    checks.check("deposit invoice")

    # the quote shows what is invoiced and what is left
    open_quote(browser, server, quote_id)
    assert "1,323.00" in field_text(browser, "crm_amount_invoiced")
    assert "3,087.00" in field_text(browser, "crm_amount_to_invoice")
    assert "1" in visible_text(browser, ".oe_button_box .o_crm_quote_invoices")

    # the final invoice: the whole quote, the deposit deducted per VAT rate
    invoice_wizard(browser, server, quote_id, "final")
    wait_idle(browser, ".o_form_view button.o_invoice_validate")
    assert "3,087.00" in field_text(browser, "amount_total")
    lines = visible_text(browser, ".o_form_view .o_list_view")
    assert "Bardage mélèze" in lines and "Façade nord" in lines
    assert lines.count("Deduction of the deposit invoice") == 2, lines
    checks.check("final invoice")

    open_quote(browser, server, quote_id)
    assert "0.00" in field_text(browser, "crm_amount_to_invoice")
    assert "2" in visible_text(browser, ".oe_button_box .o_crm_quote_invoices")
    checks.check("quote fully invoiced")
    checks.assert_clean()


def test_record_a_progress_invoice(browser, odoo_server):
    server = odoo_server
    checks = PageChecks(browser, server)
    quote_id = signed_quote(server)
    login(browser, server)

    invoice_wizard(browser, server, quote_id, "progress")
    wait_idle(browser, ".o_form_view button.o_crm_situation_invoice")
    assert "Statement no. 1" in visible_text(browser, ".o_form_view .oe_title")
    browser.find_element(By.CSS_SELECTOR, ".o_form_button_edit").click()
    wait_idle(browser, ".o_form_view.o_form_editable")

    # half of the cladding is done: 50 % on its line
    row = [r for r in browser.find_elements(By.CSS_SELECTOR, ".o_form_view tr.o_data_row")
           if "Bardage mélèze" in r.text][0]
    row.find_elements(By.CSS_SELECTOR, "td.o_data_cell")[-1].click()
    cell = wait_idle(browser, ".o_form_view tr.o_data_row input[name=percent]")
    cell.clear()
    cell.send_keys("50")
    # the statement follows as the percentage is typed, before saving
    browser.find_element(By.CSS_SELECTOR, ".o_form_view .oe_title").click()
    wait_idle(browser)
    assert "2,040.00" in field_text(browser, "amount_total")
    browser.find_element(By.CSS_SELECTOR, ".o_form_button_save").click()
    wait_idle(browser, ".o_form_view.o_form_readonly")
    # 3,400.00 x 50 % = 1,700.00 excl. VAT, 2,040.00 incl. VAT
    assert "1,700.00" in field_text(browser, "amount_cumulative")
    assert "2,040.00" in field_text(browser, "amount_total")
    checks.check("progress statement")

    browser.find_element(
        By.CSS_SELECTOR, ".o_form_view button.o_crm_situation_invoice").click()
    wait_idle(browser, ".o_form_view button.o_invoice_validate")
    assert "2,040.00" in field_text(browser, "amount_total")
    lines = visible_text(browser, ".o_form_view .o_list_view")
    assert "Bardage mélèze" in lines and "Traitement fongicide" not in lines
    checks.check("progress invoice")
    checks.assert_clean()
