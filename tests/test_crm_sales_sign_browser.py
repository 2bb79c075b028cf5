"""The e-signature in real browsers: the salesperson reads the share link on
the quote form in the web client; the customer, in another browser without
an account, opens it, draws a signature with the mouse and signs; back in
the web client the opportunity is won and the quote signed.

Data made over XML-RPC (tests/test_crm_sales_quote_http.py's helpers); an
SMTP sink takes the salesperson's notifications and the customer's email.
"""
import base64
import html
import io
import re
import time
import uuid
from urllib.parse import urlsplit

from PIL import Image
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from odoo_server import (PageChecks, error_dialogs, login, new_browser, quit_browser,
                         save_artifacts, wait_idle)
from test_crm_sales_quote_http import make_deal, make_quote, read_quote

# pixels of the canvas that are not transparent (what the pad drew)
CANVAS_INK_JS = """
var c = document.getElementById('crm_quote_signature_pad');
var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
var n = 0;
for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) { n++; } }
return n;
"""


def visible_text(driver, css):
    return " ".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, css) if e.is_displayed())


def draw_signature(driver, canvas):
    actions = ActionChains(driver)
    actions.move_to_element_with_offset(canvas, -220, 25).click_and_hold()
    for dx, dy in ((35, -40), (30, 45), (35, -50), (30, 40), (40, -30), (35, 35), (40, -25)):
        actions.move_by_offset(dx, dy)
    actions.release()
    # a second stroke: the underline
    actions.move_to_element_with_offset(canvas, -200, 60).click_and_hold()
    actions.move_by_offset(180, -5).move_by_offset(150, 3).release()
    actions.perform()


def open_new_quote(browser, server):
    """A new deal and quote (XML-RPC), then the quote's form as admin:
    ``(deal, quote, share link element)``."""
    deal = make_deal(server, uuid.uuid4().hex[:8])
    quote = make_quote(server, deal)
    login(browser, server)
    browser.get(server.url + "/web#model=crm.quote&id=%d&view_type=form" % quote["id"])
    return deal, quote, wait_idle(browser, ".o_form_view .o_field_widget[name=share_url]")


def test_customer_signs_in_the_browser(browser, odoo_server, smtp_sink, request):
    server = odoo_server
    checks = PageChecks(browser, server)

    # the salesperson's side: the share link on the quote form
    deal, quote, link = open_new_quote(browser, server)
    share_url = link.get_attribute("href") or link.text
    assert urlsplit(share_url).path == quote["path"], share_url
    assert "Send by email" in visible_text(browser, ".o_form_statusbar button")
    assert "New share link" in visible_text(browser, ".o_form_statusbar button")
    checks.check("quote form")

    # the customer's side: another browser, no session
    customer, profile = new_browser()
    customer_checks = PageChecks(customer, server)
    try:
        customer.get(server.url + urlsplit(share_url).path)
        canvas = wait_idle(customer, "#crm_quote_signature_pad")
        page = customer.find_element(By.CSS_SELECTOR, ".o_crm_quote_document").text
        assert quote["name"] in page
        assert "Bardage mélèze" in page and "Façade nord" in page
        assert "Total incl. VAT" in page
        assert customer.find_element(By.ID, "crm_quote_signer_email").get_attribute("value") \
            == "claire.%s@scierie.example.fr" % deal["tag"]

        # sign without drawing: the page asks for a signature, nothing is sent
        customer.find_element(By.ID, "crm_quote_accept").click()
        customer.find_element(By.CSS_SELECTOR, ".o_crm_sign_submit").click()
        error = customer.find_element(By.ID, "crm_quote_sign_js_error")
        assert error.is_displayed() and "Draw your signature" in error.text
        assert read_quote(server, quote["id"], ["state"])["state"] == "sent"

        draw_signature(customer, canvas)
        assert customer.execute_script(CANVAS_INK_JS) > 200, "the mouse drew nothing"
        name = customer.find_element(By.ID, "crm_quote_signer_name")
        name.clear()
        name.send_keys("Claire Vosges")
        customer.find_element(By.CSS_SELECTOR, ".o_crm_sign_submit").click()
        done = wait_idle(customer, ".o_crm_quote_signed")
        assert "Thank you, the quote is signed." in done.text
        assert "Claire Vosges" in done.text
        assert not customer.find_elements(By.ID, "crm_quote_sign_form")
        assert customer.find_element(By.CSS_SELECTOR, ".o_crm_quote_signature_image").is_displayed()
        customer_checks.check("customer's page")
        customer_checks.assert_clean()
    except Exception:
        for path in save_artifacts(customer, request.node.name + "_customer"):
            print("artifact: %s" % path)
        raise
    finally:
        quit_browser(customer, profile)

    row = read_quote(server, quote["id"], ["state", "signer_name", "signature_image",
                                           "signed_pdf_sha256", "view_count", "view_duration"])
    assert row["state"] == "signed" and row["signer_name"] == "Claire Vosges"
    with Image.open(io.BytesIO(base64.b64decode(row["signature_image"]))) as image:
        assert image.size == (600, 200)   # the pad's canvas, as drawn
    assert len(row["signed_pdf_sha256"]) == 64
    assert row["view_count"] == 1
    # the page reported its time on screen when it was left (sendBeacon)
    deadline = time.monotonic() + 10
    while read_quote(server, quote["id"], ["view_duration"])["view_duration"] <= 0:
        assert time.monotonic() < deadline, "no time on page was reported"
        time.sleep(0.5)

    # back to the salesperson: the opportunity is won, the quote signed
    browser.get(server.url + "/web#model=crm.opportunity&id=%d&view_type=form"
                % deal["opportunity_id"])
    wait_idle(browser, ".o_form_view .oe_title")
    assert "Won" in visible_text(browser, ".o_form_view .badge")
    assert visible_text(browser, ".o_statusbar_status .btn-primary") == "Won"
    assert "Quote views" in visible_text(browser, ".oe_button_box .oe_stat_button")
    checks.check("opportunity form")

    browser.get(server.url + "/web#model=crm.quote&id=%d&view_type=form" % quote["id"])
    wait_idle(browser, ".o_form_view .oe_title")
    assert visible_text(browser, ".o_statusbar_status .btn-primary") == "Signed"
    tabs = [a for a in browser.find_elements(By.CSS_SELECTOR, ".o_notebook .nav-tabs a")
            if a.text == "Signature"]
    assert tabs, "no Signature tab"
    tabs[0].click()
    signer = wait_idle(browser, ".o_form_view .o_field_widget[name=signer_name]")
    assert signer.text == "Claire Vosges"
    checks.check("signed quote")
    checks.assert_clean()


def test_send_by_email_from_the_quote_form(browser, odoo_server, smtp_sink):
    server = odoo_server
    checks = PageChecks(browser, server)
    deal, quote, _link = open_new_quote(browser, server)

    # "Send by email": Odoo's composer with our template, the link and the PDF
    buttons = [b for b in browser.find_elements(By.CSS_SELECTOR, ".o_form_statusbar button")
               if b.is_displayed() and b.text == "Send by email"]
    buttons[0].click()
    attachment = wait_idle(browser, ".modal .oe_attachments .oe_attachment")
    assert quote["name"] in attachment.text, attachment.text
    body = wait_idle(browser, ".modal .o_field_widget[name=body]")
    assert "View and sign the quote" in body.text
    checks.check("mail composer")
    wait_idle(browser, ".modal .o_mail_send").click()
    # the composer closes once the mail is sent (its button may vanish
    # between finding it and asking whether it is shown: polled again)
    WebDriverWait(browser, 120, poll_frequency=0.3,
                  ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: error_dialogs(d) or not [
            m for m in d.find_elements(By.CSS_SELECTOR, ".modal .o_mail_send") if m.is_displayed()])
    assert not error_dialogs(browser), error_dialogs(browser)
    wait_idle(browser)
    contact_email = "claire.%s@scierie.example.fr" % deal["tag"]
    mails = smtp_sink.mails_to(contact_email)
    assert len(mails) == 1, "the email did not reach the customer"
    html_body = mails[0].get_body(("html",)).get_content()
    links = re.findall(r'href="([^"]*/crm/quote/[^"]+)"', html_body)
    assert links and urlsplit(html.unescape(links[0])).path == quote["path"]
    attachments = [a.get_filename() for a in mails[0].iter_attachments()]
    assert attachments == ["Quote %s.pdf" % quote["name"]]
    row = read_quote(server, quote["id"], ["state", "message_ids"])
    assert row["state"] == "sent"
    checks.check("after sending")
    checks.assert_clean()
