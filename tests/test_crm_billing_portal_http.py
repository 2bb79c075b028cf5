"""End to end: a customer's portal account on a real Odoo server, over HTTP as
a browser would use it: its own invoices on /my/invoices with a way to pay
them, and nothing of another customer's.

Each test makes its customers, their portal users and their invoices over
XML-RPC (as admin), then logs in as the portal user.
"""
import html
import re
import uuid
from urllib.parse import urlsplit

from test_crm_sales_quote_http import Client, csrf_token


def portal_customer(server, tag, name):
    """A customer company and its contact, who has a portal account."""
    company_id = server.execute("res.partner", "create", {
        "name": "%s %s" % (name, tag), "is_company": True, "customer": True, "lang": "en_US"})
    login = "portail.%s.%s@example.fr" % (name.split()[0].lower(), tag)
    user_id = server.execute("res.users", "create", {
        "name": "Contact %s %s" % (name, tag), "login": login, "password": login,
        "email": login, "lang": "en_US",
        "groups_id": [(6, 0, [server.ref("base.group_portal")])]},
        context={"no_reset_password": True})
    [user] = server.execute("res.users", "read", [user_id], ["partner_id"])
    server.execute("res.partner", "write", [user["partner_id"][0]], {"parent_id": company_id})
    return {"id": company_id, "login": login, "password": login}


def posted_invoice(server, partner_id, amount):
    company_id = server.ref("base.main_company")
    [account_id] = server.execute("account.account", "search", [
        ("company_id", "=", company_id),
        ("user_type_id", "=", server.ref("account.data_account_type_revenue"))], limit=1)
    [tax_id] = server.execute("account.tax", "search", [
        ("company_id", "=", company_id), ("type_tax_use", "=", "sale"), ("amount", "=", 20),
        ("amount_type", "=", "percent"), ("price_include", "=", False)], limit=1)
    invoice_id = server.execute("account.invoice", "create", {
        "partner_id": partner_id, "type": "out_invoice",
        "invoice_line_ids": [(0, 0, {"name": "Fenêtres PVC posées", "quantity": 1,
                                     "price_unit": amount, "account_id": account_id,
                                     "invoice_line_tax_ids": [(6, 0, [tax_id])]})]},
        context={"type": "out_invoice"})
    server.execute("account.invoice", "action_invoice_open", [invoice_id])
    return server.execute("account.invoice", "read", [invoice_id],
                          ["number", "crm_pay_url"])[0]


def log_in(server, who):
    client = Client(server.url)
    status, _headers, page = client.get("/web/login")
    assert status == 200
    status, _headers, page = client.post("/web/login", {
        "login": who["login"], "password": who["password"], "redirect": "/my",
        "csrf_token": csrf_token(page)})
    # Odoo answers a successful login with a page whose script goes to /my
    # (http.redirect_with_hash keeps the URL's hash for all but Firefox)
    assert status == 200 and re.search(rb"window\.location = '[^']*/my'", page), page[:300]
    return client


def text_of(page):
    return html.unescape(re.sub(r"<[^>]+>", " ", page.decode()))


def test_a_portal_customer_sees_and_can_pay_its_own_invoices_only(odoo_server):
    server = odoo_server
    offset = server.log_offset()
    tag = uuid.uuid4().hex[:8]
    mine = portal_customer(server, tag, "Boulangerie Portail")
    other = portal_customer(server, tag, "Garage Voisin")
    my_invoice = posted_invoice(server, mine["id"], 1000.0)
    other_invoice = posted_invoice(server, other["id"], 700.0)

    client = log_in(server, mine)
    status, _headers, page = client.get("/my/invoices")
    assert status == 200
    listing = text_of(page)
    assert my_invoice["number"] in listing
    assert other_invoice["number"] not in listing
    assert "Pay Now" in listing

    status, _headers, page = client.get("/my/invoices/%d" % my_invoice["id"])
    assert status == 200
    detail = text_of(page)
    assert my_invoice["number"] in detail
    assert "Pay with" in detail and "Wire Transfer" in detail
    status, headers, pdf = client.get("/my/invoices/pdf/%d" % my_invoice["id"])
    assert status == 200 and pdf.startswith(b"%PDF")

    # another customer's invoice: back to the portal's home, no PDF either
    for path in ("/my/invoices/%d" % other_invoice["id"],
                 "/my/invoices/pdf/%d" % other_invoice["id"]):
        status, headers, _page = client.get(path)
        assert status in (302, 303) and headers["Location"].endswith("/my"), (path, status)

    # the link of the payment reminders opens the invoice and its payment
    # without an account; a wrong key does not
    path = urlsplit(my_invoice["crm_pay_url"])
    anonymous = Client(server.url)
    status, _headers, page = anonymous.get("%s?%s" % (path.path, path.query))
    assert status == 200
    detail = text_of(page)
    assert my_invoice["number"] in detail and "Wire Transfer" in detail
    status, _headers, _page = anonymous.get("%s?access_token=wrong" % path.path)
    assert status in (302, 303)
    assert server.log_problems(offset) == []
