"""Matching a bank statement line in the web client: an open invoice and a
statement whose line has its amount but no usable label (made over
XML-RPC); in the browser, the statement's "Match automatically" opens the
proposals, "Confirm" on the line's proposal reconciles it, and the invoice
shows Paid."""
import random
import uuid

from selenium.webdriver.common.by import By

from odoo_server import PageChecks, login, wait_idle


def make_open_invoice(server, amount_untaxed):
    """A posted customer invoice of ``amount_untaxed`` + 20 % VAT."""
    company_id = server.execute("res.users", "read", [server.uid()], ["company_id"])[0][
        "company_id"][0]
    partner_id = server.execute("res.partner", "create", {
        "name": "Ébénisterie Test %s" % uuid.uuid4().hex[:6], "is_company": True,
        "customer": True})
    account_id = server.execute("account.account", "search", [
        ("code", "=like", "706%"), ("company_id", "=", company_id)], limit=1)[0]
    tax_ids = server.execute("account.tax", "search", [
        ("type_tax_use", "=", "sale"), ("amount", "=", 20), ("price_include", "=", False),
        ("company_id", "=", company_id)], limit=1)
    invoice_id = server.execute("account.invoice", "create", {
        "partner_id": partner_id, "type": "out_invoice",
        "invoice_line_ids": [(0, 0, {
            "name": "Bibliothèque sur mesure", "quantity": 1, "price_unit": amount_untaxed,
            "account_id": account_id, "invoice_line_tax_ids": [(6, 0, tax_ids)]})]})
    server.execute("account.invoice", "compute_taxes", [invoice_id])
    server.execute("account.invoice", "action_invoice_open", [invoice_id])
    return server.execute("account.invoice", "read", [invoice_id],
                          ["number", "amount_total", "state", "company_id"])[0]


def make_statement(server, company_id, amount):
    journal_ids = server.execute("account.journal", "search", [
        ("type", "=", "bank"), ("company_id", "=", company_id)], limit=1)
    return server.execute("account.bank.statement", "create", {
        "name": "Relevé navigateur %s" % uuid.uuid4().hex[:6], "journal_id": journal_ids[0],
        "line_ids": [(0, 0, {"name": "VIREMENT RECU", "amount": amount})]})


def test_confirming_a_proposal_in_the_web_client_pays_the_invoice(browser, odoo_server):
    server = odoo_server
    checks = PageChecks(browser, server)
    # an amount no other open invoice has: the proposal is the amount alone
    untaxed = round(random.uniform(3000, 9000), 2)
    invoice = make_open_invoice(server, untaxed)
    assert invoice["state"] == "open"
    statement_id = make_statement(server, invoice["company_id"][0], invoice["amount_total"])

    login(browser, server)
    browser.get(server.url + "/web#model=account.bank.statement&id=%d&view_type=form"
                % statement_id)
    wait_idle(browser, ".o_form_view button.o_crm_bank_match_run").click()

    # the proposals of the statement, the one to confirm first
    row = wait_idle(browser, ".o_list_view tr.o_data_row")
    rows = browser.find_elements(By.CSS_SELECTOR, ".o_list_view tr.o_data_row")
    assert len(rows) == 1, [r.text for r in rows]
    assert invoice["number"] in row.text
    assert "To confirm" in row.text
    checks.check("proposals")
    row.find_element(By.CSS_SELECTOR, "button.o_crm_bank_match_confirm").click()
    wait_idle(browser)
    # confirmed, it leaves the "To confirm" list
    assert not [r for r in browser.find_elements(By.CSS_SELECTOR, ".o_list_view tr.o_data_row")
                if invoice["number"] in r.text]

    # the invoice, in the web client: paid
    browser.get(server.url + "/web#model=account.invoice&id=%d&view_type=form" % invoice["id"])
    status = wait_idle(browser, ".o_form_view .o_statusbar_status .btn-primary")
    assert status.text.strip() == "Paid"
    assert server.execute("account.invoice", "read", [invoice["id"]], ["state"])[0][
        "state"] == "paid"
    checks.check("invoice")
    checks.assert_clean()
