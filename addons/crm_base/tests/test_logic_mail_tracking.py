# -*- coding: utf-8 -*-
"""Plain tests of logic/mail_tracking.py: no database."""
import unittest
from urllib.parse import parse_qs, urlsplit

from ..logic import mail_tracking as tracking

SECRET = "db-secret-for-tests"
BASE = "https://crm.example.fr"


class TestTokens(unittest.TestCase):

    def test_token_round_trip_and_forgery(self):
        token = tracking.make_token(SECRET, 42)
        self.assertTrue(token.startswith("42."))
        self.assertEqual(tracking.parse_token(SECRET, token), 42)
        # another id with the same signature, another secret, garbage: refused
        self.assertIsNone(tracking.parse_token(SECRET, "43." + token.split(".")[1]))
        self.assertIsNone(tracking.parse_token("other-secret", token))
        self.assertIsNone(tracking.parse_token(SECRET, "42"))
        self.assertIsNone(tracking.parse_token(SECRET, "../../etc/passwd"))
        with self.assertRaises(ValueError):
            tracking.make_token("", 1)

    def test_click_signature_binds_the_url(self):
        token = tracking.make_token(SECRET, 7)
        url = tracking.click_url(BASE, SECRET, token, "https://acme.fr/offre?a=1&b=2")
        parts = urlsplit(url)
        self.assertEqual(parts.path, "/crm/mail/click/%s" % token)
        query = parse_qs(parts.query)
        self.assertEqual(query["url"], ["https://acme.fr/offre?a=1&b=2"])
        self.assertTrue(tracking.verify_click(SECRET, token, query["url"][0], query["sig"][0]))
        # the same signature does not open a redirect to another site
        self.assertFalse(
            tracking.verify_click(SECRET, token, "https://evil.example", query["sig"][0]))
        # nor for another token
        other = tracking.make_token(SECRET, 8)
        self.assertFalse(tracking.verify_click(SECRET, other, query["url"][0], query["sig"][0]))
        self.assertFalse(tracking.verify_click(SECRET, token, query["url"][0], ""))


class TestRewrite(unittest.TestCase):

    def test_links_rewritten_pixel_added(self):
        token = tracking.make_token(SECRET, 3)
        body = ('<html><body><p>Bonjour, voir '
                '<a href="https://acme.fr/a?x=1&amp;y=2">l\'offre</a>, '
                "<a class='btn' href='http://b.fr'>b</a>, <a href=\"mailto:x@y.fr\">m</a>, "
                '<a href="#top">t</a>.</p></body></html>')
        out = tracking.add_tracking(body, BASE, SECRET, token)
        self.assertNotIn('href="https://acme.fr', out)
        self.assertIn('href="mailto:x@y.fr"', out)
        self.assertIn('href="#top"', out)
        self.assertIn(
            "class='btn' href=\"%s/crm/mail/click/%s?url=http%%3A%%2F%%2Fb.fr" % (BASE, token), out)
        # the &amp; of the HTML is a & of the URL that is signed
        expected = tracking.click_url(BASE, SECRET, token, "https://acme.fr/a?x=1&y=2")
        self.assertIn(expected.replace("&", "&amp;"), out)
        self.assertIn('<img src="%s/crm/mail/open/%s.png"' % (BASE, token), out)
        self.assertTrue(out.endswith("</p>%s</body></html>" % tracking.pixel_tag(BASE, token)))

    def test_fragment_gets_pixel_at_end_and_rewriting_is_idempotent(self):
        token = tracking.make_token(SECRET, 4)
        once = tracking.rewrite_links('<p><a href="https://a.fr">a</a></p>', BASE, SECRET, token)
        self.assertEqual(tracking.rewrite_links(once, BASE, SECRET, token), once)
        out = tracking.add_tracking("<p>Hi</p>", BASE, SECRET, token)
        self.assertEqual(out, "<p>Hi</p>" + tracking.pixel_tag(BASE, token))

    def test_pixel_is_a_png(self):
        self.assertTrue(tracking.PIXEL_PNG.startswith(b"\x89PNG\r\n\x1a\n"))
