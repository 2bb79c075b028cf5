"""End to end: an email sent from a contact by a real Odoo server through an
SMTP sink, then its open pixel and tracked link fetched over HTTP like a mail
client would, and the counts read back over XML-RPC."""
import html
import re
import time
import urllib.error
import urllib.request
from urllib.parse import urlencode, urlsplit


from odoo_server import NoRedirect


def get(url, follow=False):
    opener = urllib.request.build_opener() if follow else urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=20) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def test_pixel_and_click_through_odoo_http(odoo_server, smtp_sink):
    sink = smtp_sink
    server = odoo_server
    partner_id = server.execute("res.partner", "create", {
        "name": "Jeanne E2E", "email": "jeanne.e2e@acme-industrie.fr"})
    try:
        message_id = server.execute(
            "res.partner", "message_post", [partner_id],
            body='<p>Voir <a href="https://www.example.org/offre?x=1&amp;y=2">l\'offre</a></p>',
            subject="Offre E2E", message_type="comment", subtype="mail.mt_comment",
            partner_ids=[partner_id])
        deadline = time.monotonic() + 20
        while not sink.messages and time.monotonic() < deadline:
            mail_ids = server.execute("mail.mail", "search", [("mail_message_id", "=", message_id)])
            if mail_ids:
                server.execute("mail.mail", "send", mail_ids)
            time.sleep(0.2)
        assert sink.messages, "the email did not reach the SMTP sink"
        [msg] = sink.mails_to("jeanne.e2e@acme-industrie.fr")
        body = msg.get_body(("html",)).get_content()

        pixel = re.search(r'src="([^"]*/crm/mail/open/[^"]+\.png)"', body).group(1)
        click = html.unescape(re.search(r'href="([^"]*/crm/mail/click/[^"]+)"', body).group(1))
        pixel_url = server.url + urlsplit(pixel).path
        parts = urlsplit(click)
        click_url = server.url + parts.path + "?" + parts.query

        status, headers, content = get(pixel_url)
        assert status == 200
        assert headers["Content-Type"] == "image/png"
        assert content.startswith(b"\x89PNG")
        status, headers, _content = get(click_url)
        assert status == 302
        assert headers["Location"] == "https://www.example.org/offre?x=1&y=2"

        # the click endpoint is no open redirect: another URL with this signature is refused
        token_path = parts.path
        sig = dict(p.split("=", 1) for p in parts.query.split("&"))["sig"]
        forged = server.url + token_path + "?" + urlencode(
            {"url": "https://evil.example", "sig": sig})
        assert get(forged)[0] == 404
        # a forged token still gets an image, and counts nothing
        assert get(server.url + "/crm/mail/open/1.%s.png" % ("0" * 32))[0] == 200

        tracking = server.execute("crm.mail.tracking", "search_read",
                                  [("mail_message_id", "=", message_id)],
                                  fields=["open_count", "click_count", "last_click_url", "summary"])
        assert len(tracking) == 1
        assert tracking[0]["open_count"] == 1
        assert tracking[0]["click_count"] == 1
        assert tracking[0]["last_click_url"] == "https://www.example.org/offre?x=1&y=2"
        assert tracking[0]["summary"].startswith("opened once, on ")
    finally:
        server.execute("res.partner", "write", [partner_id], {"active": False})
