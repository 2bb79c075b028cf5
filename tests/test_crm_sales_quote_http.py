"""End to end: the customer's page of a quote on a real Odoo server, over
HTTP as a browser without an account would use it, with the results read
back over XML-RPC.

Each test makes its own customer, salesperson, opportunity and quotes over
XML-RPC. An SMTP sink stands in for the mail server: the salesperson is told
by email when the customer opens, signs or declines the quote.
"""
import base64
import hashlib
import html
import http.cookiejar
import io
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from urllib.parse import urlsplit

import pytest

from odoo_server import NoRedirect
from PIL import Image, ImageDraw

USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) CrmQuoteTest/1.0"


# -- helpers ---------------------------------------------------------------------


class Client(object):
    """A browser without JavaScript: cookies kept, redirects not followed."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect)

    def request(self, path, data=None, headers=None):
        body = None
        all_headers = {"User-Agent": USER_AGENT}
        all_headers.update(headers or {})
        if isinstance(data, dict):
            body = urllib.parse.urlencode(data).encode()
            all_headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
        elif data is not None:
            body = data
        req = urllib.request.Request(self.base_url + path, data=body, headers=all_headers,
                                     method="POST" if body is not None else "GET")
        try:
            with self.opener.open(req, timeout=120) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()

    def get(self, path):
        return self.request(path)

    def post(self, path, data):
        return self.request(path, data=data)


def csrf_token(page):
    match = re.search(rb'name="csrf_token" value="([^"]+)"', page)
    assert match, "no CSRF token in the page"
    return match.group(1).decode()


def signature_data_url():
    image = Image.new("RGBA", (600, 200), (0, 0, 0, 0))
    ImageDraw.Draw(image).line([(40, 150), (160, 40), (300, 160), (520, 50)],
                               fill=(27, 42, 107, 255), width=5)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode()


def make_deal(server, tag):
    """A customer, its contact, a salesperson and an open opportunity (all in
    English: the assertions read English texts)."""
    seller_email = "vendeur.%s@example.com" % tag
    seller_id = server.execute("res.users", "create", {
        "name": "Vendeur %s" % tag, "login": seller_email, "email": seller_email,
        "notification_type": "email", "lang": "en_US",
        "groups_id": [(6, 0, [server.ref("crm_sales.group_sales_user")])]},
        context={"no_reset_password": True})
    customer_id = server.execute("res.partner", "create", {
        "name": "Scierie %s" % tag, "is_company": True, "city": "Épinal", "lang": "en_US"})
    contact_id = server.execute("res.partner", "create", {
        "name": "Claire Vosges %s" % tag, "parent_id": customer_id,
        "email": "claire.%s@scierie.example.fr" % tag, "lang": "en_US"})
    opportunity_id = server.execute("crm.opportunity", "create", {
        "name": "Bardage atelier %s" % tag, "partner_id": customer_id,
        "contact_id": contact_id, "user_id": seller_id,
        "team_id": server.ref("crm_sales.crm_sales_team_main"),
        "stage_id": server.ref("crm_sales.crm_opportunity_stage_proposal"),
        "expected_revenue": 12000})
    return {"seller_id": seller_id, "seller_email": seller_email, "customer_id": customer_id,
            "contact_id": contact_id, "opportunity_id": opportunity_id, "tag": tag}


def make_quote(server, deal, label="Bardage mélèze"):
    quote_id = server.execute("crm.quote", "create", {
        "opportunity_id": deal["opportunity_id"], "partner_id": deal["customer_id"],
        "contact_id": deal["contact_id"], "user_id": deal["seller_id"],
        "line_ids": [
            (0, 0, {"display_type": "line_section", "name": "Façade nord"}),
            (0, 0, {"name": label, "quantity": 40, "price_unit": 85.0, "vat_rate": "20"}),
            (0, 0, {"display_type": "line_note", "name": "Livraison incluse sous 3 semaines"}),
            (0, 0, {"name": "Traitement fongicide", "quantity": 1, "price_unit": 300.0,
                    "vat_rate": "10"}),
        ]})
    server.execute("crm.quote", "action_mark_sent", [quote_id])
    quote = server.execute("crm.quote", "read", [quote_id],
                           ["name", "share_url", "access_token", "amount_total"])[0]
    quote["path"] = urlsplit(quote["share_url"]).path
    assert quote["path"] == "/crm/quote/%d/%s" % (quote_id, quote["access_token"])
    return quote


def read_quote(server, quote_id, fields):
    return server.execute("crm.quote", "read", [quote_id], fields)[0]


@pytest.fixture
def deal(odoo_server):
    return make_deal(odoo_server, uuid.uuid4().hex[:8])


# -- tests -----------------------------------------------------------------------

def test_page_view_ping_and_pdf_download(odoo_server, smtp_sink, deal):
    server = odoo_server
    quote = make_quote(server, deal)
    client = Client(server.url)

    status, headers, page = client.get(quote["path"])
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    assert "noindex" in headers["X-Robots-Tag"]
    assert headers["Referrer-Policy"] == "no-referrer"
    text = html.unescape(page.decode())
    plain = re.sub(r"<[^>]+>", "", text)
    assert quote["name"] in text
    for part in ("Scierie %s" % deal["tag"], "Claire Vosges %s" % deal["tag"], "Façade nord",
                 "Bardage mélèze", "Livraison incluse sous 3 semaines", "Traitement fongicide",
                 "Total excl. VAT", "Total incl. VAT", "Valid until", "Download PDF",
                 "Sign the quote", "Decline the quote"):
        assert part in text, part
    # VAT by rate: 20 % on 3,400.00 and 10 % on 300.00
    assert re.search(r"VAT 20% on 3,400\.00\s*€\s*680\.00\s*€", plain), plain
    assert re.search(r"VAT 10% on 300\.00\s*€\s*30\.00\s*€", plain)
    assert re.search(r"Total excl\. VAT\s*3,700\.00\s*€", plain)
    assert re.search(r"Total incl\. VAT\s*4,410\.00\s*€", plain)
    assert "/crm_sales/static/src/js/crm_quote_public.js" in text
    assert "/crm_sales/static/src/css/crm_quote_public.css" in text
    # our static files are served to anybody
    assert client.get("/crm_sales/static/src/js/crm_quote_public.js")[0] == 200
    assert client.get("/crm_sales/static/src/css/crm_quote_public.css")[0] == 200

    # the view is recorded, with the visitor's address and browser
    views = server.execute("crm.quote.visit", "search_read", [("quote_id", "=", quote["id"])],
                           fields=["kind", "ip_address", "user_agent", "duration"])
    assert len(views) == 1
    assert views[0]["kind"] == "view"
    assert views[0]["ip_address"] == "127.0.0.1"
    assert views[0]["user_agent"] == USER_AGENT
    # and the salesperson is told, by email
    mails = smtp_sink.mails_to(deal["seller_email"])
    assert any("The customer opened the quote." in m.get_body(("html",)).get_content()
               for m in mails), [m["Subject"] for m in mails]

    # the page's script reports the time on page with the view's key
    view_id = int(re.search(rb'data-view-id="(\d+)"', page).group(1))
    assert view_id == views[0]["id"]
    key = re.search(rb'data-view-key="([0-9a-f]+)"', page).group(1).decode()
    assert client.post(quote["path"] + "/ping",
                       {"view_id": view_id, "key": "bad", "seconds": 12})[0] == 200
    assert read_quote(server, quote["id"], ["view_duration"])["view_duration"] == 0
    assert client.post(quote["path"] + "/ping",
                       {"view_id": view_id, "key": key, "seconds": 12})[0] == 200
    stats = read_quote(server, quote["id"], ["view_count", "view_duration", "last_viewed_on",
                                             "download_count"])
    assert stats["view_count"] == 1 and stats["view_duration"] == 12
    assert stats["last_viewed_on"] and stats["download_count"] == 0
    # a ping cannot touch the view of another quote
    other = make_quote(server, deal, label="Bardage douglas")
    assert client.post(other["path"] + "/ping",
                       {"view_id": view_id, "key": key, "seconds": 40})[0] == 404

    # the PDF: a real PDF, counted as a download
    status, headers, pdf = client.get(quote["path"] + "/pdf")
    assert status == 200
    assert headers["Content-Type"] == "application/pdf"
    assert pdf.startswith(b"%PDF")
    assert quote["name"] in headers["Content-Disposition"]
    stats = read_quote(server, quote["id"], ["view_count", "download_count"])
    assert (stats["view_count"], stats["download_count"]) == (1, 1)

    # the opportunity counts the views of its quotes
    opp = server.execute("crm.opportunity", "read", [deal["opportunity_id"]],
                         ["quote_visit_count"])[0]
    assert opp["quote_visit_count"] == 2


def test_wrong_id_or_token_gets_the_same_404(odoo_server, deal):
    server = odoo_server
    first = make_quote(server, deal, label="Bardage mélèze")
    second = make_quote(server, deal, label="Lambris chêne")
    client = Client(server.url)
    token = first["access_token"]
    altered = token[:-1] + ("0" if token[-1] != "0" else "1")
    last_id = server.execute("crm.quote", "search", [], order="id desc", limit=1)[0]
    bad_paths = [
        "/crm/quote/%d/%s" % (first["id"], second["access_token"]),   # another quote's token
        "/crm/quote/%d/%s" % (second["id"], token),                  # another quote's id
        "/crm/quote/%d/%s" % (first["id"], altered),                 # one character off
        "/crm/quote/%d/%s" % (first["id"], token[:16]),              # truncated
        "/crm/quote/%d/%s" % (last_id + 1000, token),                # no such quote
        "/crm/quote/%d/%s/pdf" % (first["id"], altered),
        "/crm/quote/%d/%s/pdf" % (second["id"], token),
    ]
    answers = [client.get(path) for path in bad_paths]
    assert [a[0] for a in answers] == [404] * len(bad_paths)
    assert len({a[2] for a in answers}) == 1, "every refusal looks the same"
    body = html.unescape(answers[0][2].decode())
    for secret in (first["name"], "Bardage", "Lambris", "Scierie", "Claire"):
        assert secret not in body

    # a form post with a valid session and CSRF token but another quote's id
    status, _headers, page = client.get(first["path"])
    assert status == 200
    token_csrf = csrf_token(page)
    for path in ("/crm/quote/%d/%s/sign" % (second["id"], token),
                 "/crm/quote/%d/%s/refuse" % (second["id"], token)):
        status, _headers, body = client.post(path, {
            "csrf_token": token_csrf, "name": "Claire", "email": "claire@example.fr",
            "accept": "1", "signature": signature_data_url(), "reason": "non"})
        assert status == 404 and body == answers[0][2]
    # nothing was recorded for the refused addresses, nothing signed or refused
    for quote, views in ((first, 1), (second, 0)):
        row = read_quote(server, quote["id"], ["view_count", "download_count", "state"])
        assert (row["view_count"], row["download_count"], row["state"]) == (views, 0, "sent")


def test_sign_over_http(odoo_server, smtp_sink, deal):
    server = odoo_server
    quote = make_quote(server, deal)
    client = Client(server.url)
    status, _headers, page = client.get(quote["path"])
    assert status == 200
    # the signer's name and email are prefilled from the contact
    text = html.unescape(page.decode())
    assert 'value="Claire Vosges %s"' % deal["tag"] in text
    assert 'value="claire.%s@scierie.example.fr"' % deal["tag"] in text
    form = {"name": "Claire Vosges", "email": "claire.%s@scierie.example.fr" % deal["tag"],
            "accept": "1", "signature": signature_data_url()}

    # no CSRF token: refused, nothing signed
    status, _headers, _body = client.post(quote["path"] + "/sign", dict(form))
    assert status == 400
    assert read_quote(server, quote["id"], ["state"])["state"] == "sent"
    # a CSRF token of another session: refused too
    stranger = Client(server.url)
    stranger_token = csrf_token(stranger.get(quote["path"])[2])
    assert client.post(quote["path"] + "/sign", dict(form, csrf_token=stranger_token))[0] == 400
    assert read_quote(server, quote["id"], ["state"])["state"] == "sent"

    # a blank signature or no "bon pour accord": the page says why
    token = csrf_token(page)
    blank = Image.new("RGBA", (600, 200), (255, 255, 255, 255))
    out = io.BytesIO()
    blank.save(out, format="PNG")
    status, _headers, body = client.post(quote["path"] + "/sign", dict(
        form, csrf_token=token,
        signature="data:image/png;base64," + base64.b64encode(out.getvalue()).decode()))
    assert status == 400
    assert "The signature is empty" in html.unescape(body.decode())
    status, _headers, body = client.post(quote["path"] + "/sign", dict(
        form, csrf_token=token, accept=""))
    assert status == 400
    assert 'Tick "I accept this quote" to sign it.' in html.unescape(body.decode())
    assert read_quote(server, quote["id"], ["state"])["state"] == "sent"

    # signed
    views_before = read_quote(server, quote["id"], ["view_count"])["view_count"]
    assert views_before == 2  # ours and the stranger's
    status, headers, _body = client.post(quote["path"] + "/sign", dict(form, csrf_token=token))
    assert status == 303, _body[:2000]
    assert headers["Location"].endswith(quote["path"] + "?outcome=signed")
    status, _headers, page = client.get(quote["path"] + "?outcome=signed")
    text = html.unescape(page.decode())
    assert status == 200
    assert "Thank you, the quote is signed." in text
    assert "Claire Vosges" in text
    assert "Sign the quote" not in text and 'id="crm_quote_sign_form"' not in text

    row = read_quote(server, quote["id"], [
        "state", "signer_name", "signer_email", "signer_ip", "signed_on", "signed_pdf_sha256",
        "signed_attachment_id", "view_count"])
    assert row["state"] == "signed"
    assert row["signer_name"] == "Claire Vosges"
    assert row["signer_email"] == form["email"]
    assert row["signer_ip"] == "127.0.0.1"
    assert row["signed_on"]
    assert row["view_count"] == views_before, "the page after signing is no new view"
    attachment = server.execute("ir.attachment", "read", [row["signed_attachment_id"][0]],
                                ["datas", "name", "res_model", "res_id"])[0]
    assert (attachment["res_model"], attachment["res_id"]) == ("crm.quote", quote["id"])
    assert attachment["name"] == "Quote %s signed.pdf" % quote["name"]
    signed_pdf = base64.b64decode(attachment["datas"])
    assert signed_pdf.startswith(b"%PDF")
    assert hashlib.sha256(signed_pdf).hexdigest() == row["signed_pdf_sha256"]
    opp = server.execute("crm.opportunity", "read", [deal["opportunity_id"]],
                         ["state", "probability"])[0]
    assert (opp["state"], opp["probability"]) == ("won", 100.0)
    # the salesperson got the news by email, with the signed PDF
    mails = [m for m in smtp_sink.mails_to(deal["seller_email"])
             if "signed the quote online" in m.get_body(("html",)).get_content()]
    assert len(mails) == 1
    assert [a.get_filename() for a in mails[0].iter_attachments()] == [attachment["name"]]

    # the PDF link now gives the signed PDF, byte for byte
    status, _headers, pdf = client.get(quote["path"] + "/pdf")
    assert status == 200 and hashlib.sha256(pdf).hexdigest() == row["signed_pdf_sha256"]

    # signing twice is refused
    status, _headers, body = client.post(quote["path"] + "/sign", dict(
        form, csrf_token=token, name="Quelqu'un d'autre"))
    assert status == 400
    assert "already signed" in html.unescape(body.decode())
    assert read_quote(server, quote["id"], ["signer_name"])["signer_name"] == "Claire Vosges"


def test_decline_over_http(odoo_server, smtp_sink, deal):
    server = odoo_server
    quote = make_quote(server, deal)
    client = Client(server.url)
    token = csrf_token(client.get(quote["path"])[2])
    status, _headers, body = client.post(quote["path"] + "/refuse",
                                         {"csrf_token": token, "reason": "   "})
    assert status == 400
    assert "a reason is required" in html.unescape(body.decode())
    assert client.post(quote["path"] + "/refuse", {"reason": "Trop cher"})[0] == 400  # no CSRF
    assert read_quote(server, quote["id"], ["state"])["state"] == "sent"

    status, headers, _body = client.post(quote["path"] + "/refuse", {
        "csrf_token": token, "reason": "Budget reporté à l'an prochain"})
    assert status == 303
    location = urlsplit(headers["Location"])
    assert location.path == quote["path"] and location.query == "outcome=refused"
    text = html.unescape(client.get(location.path + "?" + location.query)[2].decode())
    assert "Declined on" in text
    assert "Budget reporté à l'an prochain" in text
    assert 'id="crm_quote_sign_form"' not in text
    row = read_quote(server, quote["id"], ["state", "refused_on", "refuse_reason"])
    assert row["state"] == "refused" and row["refused_on"]
    assert row["refuse_reason"] == "Budget reporté à l'an prochain"


def test_salesperson_preview_is_not_counted(odoo_server, deal):
    server = odoo_server
    quote = make_quote(server, deal)
    client = Client(server.url)
    payload = json.dumps({"jsonrpc": "2.0", "method": "call", "params": {
        "db": server.db, "login": server.login, "password": server.password}}).encode()
    status, _headers, body = client.request("/web/session/authenticate", data=payload,
                                            headers={"Content-Type": "application/json"})
    assert status == 200 and json.loads(body.decode())["result"]["uid"]
    status, _headers, page = client.get(quote["path"])
    assert status == 200
    assert "Preview: you are signed in as a user" in html.unescape(page.decode())
    client.get(quote["path"] + "/pdf")
    time.sleep(0.2)
    row = read_quote(server, quote["id"], ["view_count", "download_count"])
    assert (row["view_count"], row["download_count"]) == (0, 0)
