"""A support request end to end (Chromium, real servers): the customer fills
the public form, the agent answers from the ticket with "Send message", the
reply reaches the customer (SMTP sink) with the ticket number in its subject,
the customer's answer is delivered to the team's IMAP mailbox (dovecot),
fetched, and shows in the ticket's chatter; the ticket shows its SLA: on
track, first response given in time."""
import importlib.util
import os
import time
import uuid
from email.message import EmailMessage
from email.utils import make_msgid

import pytest
from selenium.webdriver.common.by import By

from odoo_server import PageChecks, login, wait_idle

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location(
    "crm_base_imap_server", os.path.join(HERE, "..", "addons", "crm_base", "tests",
                                         "imap_server.py"))
imap_server = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(imap_server)


@pytest.fixture
def imap():
    if not imap_server.available():
        pytest.skip("dovecot (dovecot-imapd) is not installed")
    server = imap_server.DovecotServer()
    try:
        yield server
    finally:
        server.stop()


def wait_for(check, timeout=30, what="the condition"):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError("timed out waiting for %s" % what)


def chatter_text(browser):
    return " ".join(e.text for e in browser.find_elements(
        By.CSS_SELECTOR, ".o_chatter .o_thread_message") if e.is_displayed())


def test_a_web_form_request_answered_by_mail_and_answered_back_through_imap(
        browser, odoo_server, smtp_sink, imap):
    server = odoo_server
    key = uuid.uuid4().hex[:8]
    team_id = server.execute("crm.helpdesk.team", "create", {
        "name": "Support navigateur %s" % key, "alias_name": "support-browser-%s" % key,
        "web_form_enabled": True, "assign_method": "manual",
        "sla_ids": [(0, 0, {"name": "Standard", "response_hours": 8, "resolution_hours": 40})]})
    mailbox_id = server.execute("crm.mailbox", "create", {
        "name": "Support %s" % key, "kind": "shared", "host": imap.host, "port": imap.port,
        "use_ssl": False, "login": imap.login, "password": imap.password,
        "email": "support-browser-%s@ma-pme.fr" % key, "helpdesk_team_id": team_id})
    try:
        answered_through_imap(browser, server, smtp_sink, imap, team_id, mailbox_id, key)
    finally:
        # the database is shared with the other tests: no mailbox left behind
        server.execute("crm.mailbox", "unlink", [mailbox_id])


def answered_through_imap(browser, server, smtp_sink, imap, team_id, mailbox_id, key):
    checks = PageChecks(browser, server)
    customer_email = "lea.fontaine.%s@client-exemple.fr" % key

    # the customer, not logged in, fills the public form
    browser.get(server.url + "/support/%d" % team_id)
    wait_idle(browser, "#crm_support_name").send_keys("Léa Fontaine")
    browser.find_element(By.ID, "crm_support_email").send_keys(customer_email)
    browser.find_element(By.ID, "crm_support_subject").send_keys("Export comptable vide %s" % key)
    browser.find_element(By.ID, "crm_support_description").send_keys(
        "L'export du mois de mars ne contient aucune écriture.")
    browser.find_element(By.CSS_SELECTOR, "button.o_crm_support_submit").click()
    wait_idle(browser)
    ticket_ids = wait_for(lambda: server.execute(
        "crm.ticket", "search", [("partner_email", "=", customer_email)]), what="the ticket")
    assert len(ticket_ids) == 1
    ticket = server.execute("crm.ticket", "read", ticket_ids, ["number", "name", "channel"])[0]
    assert ticket["channel"] == "web"
    checks.check("support form")

    # the agent answers from the ticket with "Send message"
    login(browser, server)
    browser.get(server.url + "/web#model=crm.ticket&id=%d&view_type=form" % ticket_ids[0])
    wait_idle(browser, ".o_chatter_button_new_message").click()
    wait_idle(browser, ".o_chatter .o_composer_text_field").send_keys(
        "Bonjour, pouvez-vous nous dire quel journal vous exportez ?")
    browser.find_element(By.CSS_SELECTOR, ".o_chatter .o_composer_button_send").click()
    wait_idle(browser)
    wait_for(lambda: "quel journal" in chatter_text(browser), what="the reply in the chatter")
    checks.check("ticket answered")

    # the reply reaches the customer, with the ticket number in its subject
    sent = wait_for(lambda: [m for m in smtp_sink.mails_to(customer_email)
                             if "quel journal" in m.get_body(("html", "plain")).get_content()],
                    what="the reply in the SMTP sink")
    assert "[%s]" % ticket["number"] in sent[0]["Subject"]

    # the customer answers; the mail arrives in the team's IMAP mailbox
    answer = EmailMessage()
    answer["From"] = "Léa Fontaine <%s>" % customer_email
    answer["To"] = sent[0]["Reply-To"] or "support-browser-%s@ma-pme.fr" % key
    answer["Subject"] = "Re: " + sent[0]["Subject"]
    answer["Message-Id"] = make_msgid(domain="client-exemple.fr")
    answer["In-Reply-To"] = sent[0]["Message-Id"]
    answer["References"] = sent[0]["Message-Id"]
    answer.set_content("Le journal des ventes, merci %s." % key)
    imap.append(answer.as_bytes())
    server.execute("crm.mailbox", "action_fetch_now", [mailbox_id])
    assert server.execute("crm.ticket", "search_count",
                          [("partner_email", "=", customer_email)]) == 1

    browser.get(server.url + "/web#model=crm.ticket&id=%d&view_type=form" % ticket_ids[0])
    wait_idle(browser, ".o_chatter .o_thread_message")
    assert "Le journal des ventes, merci %s." % key in chatter_text(browser)

    # the SLA on the form: on track, the first response given within its deadline
    assert wait_idle(browser, ".o_form_view .o_field_widget[name=sla_status]"
                     ).text.strip() == "On track"
    sla = server.execute("crm.ticket", "read", ticket_ids,
                         ["first_response_date", "sla_response_met", "sla_resolution_deadline"])[0]
    assert sla["first_response_date"] and sla["sla_response_met"]
    assert sla["sla_resolution_deadline"]
    checks.check("ticket with the customer's answer")
    checks.assert_clean()
