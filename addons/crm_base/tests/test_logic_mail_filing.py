# -*- coding: utf-8 -*-
"""Plain tests of logic/mail_filing.py: no database."""
import email
import unittest
from email import policy

from ..logic import mail_filing as filing


def headers(**kw):
    values = dict(email_from=None, to=None, cc=None, subject=None,
                  in_reply_to=None, references=None)
    values.update(kw)
    return filing.Headers(**values)


class TestAddresses(unittest.TestCase):

    def test_addresses_of_from_to_cc_lower_cased_without_duplicates(self):
        h = headers(email_from='"Marie Dupont" <Marie.Dupont@Acme.FR>',
                    to="contact@nous.fr, Paul <paul@acme.fr>",
                    cc="marie.dupont@acme.fr, undisclosed-recipients:;")
        self.assertEqual(h.addresses(),
                         ["marie.dupont@acme.fr", "contact@nous.fr", "paul@acme.fr"])
        self.assertEqual(h.addresses(ignored=["CONTACT@nous.fr"]),
                         ["marie.dupont@acme.fr", "paul@acme.fr"])

    def test_free_mail_domains_never_identify_a_company(self):
        for domain in ("gmail.com", "orange.fr", "free.fr", "wanadoo.fr", "laposte.net",
                       "hotmail.fr", "hotmail.com", "yahoo.co.uk", "yahoo.fr",
                       "outlook.be", "outlook.com"):
            self.assertTrue(filing.is_free_mail_domain(domain), domain)
        for domain in ("acme.fr", "hotmail-services.fr", "free-conseil.fr", "outlook"):
            self.assertFalse(filing.is_free_mail_domain(domain), domain)
        h = headers(email_from="jean@gmail.com", to="sales@nous.fr", cc="x@Acme.fr")
        self.assertEqual(h.company_domains(ignored_domains=["nous.fr"]), ["acme.fr"])

    def test_website_domain(self):
        self.assertEqual(filing.website_domain("https://www.Acme.fr/contact?x=1"), "acme.fr")
        self.assertEqual(filing.website_domain("acme.fr"), "acme.fr")
        self.assertEqual(filing.website_domain("http://shop.acme.fr:8080"), "shop.acme.fr")
        self.assertEqual(filing.website_domain(""), "")


class TestReferences(unittest.TestCase):

    def test_subject_references(self):
        self.assertEqual(filing.subject_references("Re: [CLI-042] Devis #42"),
                         ["CLI-042", "#42"])
        self.assertEqual(filing.subject_references("[tck 17] panne"), ["TCK 17"])
        # a bracketed word without digit, C#, an HTML entity are not references
        self.assertEqual(filing.subject_references("[URGENT] C# &#42; ok"), [])
        self.assertEqual(filing.subject_references(None), [])

    def test_thread_ids_in_reply_to_first_then_references_newest_first(self):
        h = headers(in_reply_to="<c@x>",
                    references="<a@x> <b@x>\r\n <c@x>")
        self.assertEqual(h.thread_ids(), ["<c@x>", "<b@x>", "<a@x>"])
        self.assertEqual(headers().thread_ids(), [])


class TestDecide(unittest.TestCase):

    def test_sender_known_goes_to_the_contact(self):
        h = headers(email_from="Marie <marie@acme.fr>", to="sales@nous.fr")
        d = filing.decide(h, partners_by_email={"marie@acme.fr": [7]},
                          companies_by_domain={"acme.fr": [3]})
        self.assertEqual(d.partner_ids, [7])
        self.assertEqual(d.company_ids, [])  # the contact wins over the domain
        self.assertEqual(d.reason, "contact")
        self.assertEqual(filing.decision_targets(d), [("res.partner", 7)])

    def test_a_mail_we_sent_goes_to_the_recipient(self):
        h = headers(email_from="me@nous.fr", to="paul@acme.fr")
        d = filing.decide(h, partners_by_email={"paul@acme.fr": [8], "me@nous.fr": [1]},
                          ignored_addresses=["me@nous.fr"])
        self.assertEqual(d.partner_ids, [8])

    def test_address_shared_by_several_contacts_goes_to_each(self):
        h = headers(email_from="accueil@acme.fr")
        d = filing.decide(h, partners_by_email={"accueil@acme.fr": [12, 11]})
        self.assertEqual(d.partner_ids, [11, 12])

    def test_unknown_sender_goes_to_the_company_of_the_domain(self):
        h = headers(email_from="nouveau@acme.fr", to="sales@nous.fr")
        d = filing.decide(h, companies_by_domain={"acme.fr": [3], "nous.fr": [1]},
                          ignored_addresses=["sales@nous.fr"], ignored_domains=["nous.fr"])
        self.assertEqual((d.partner_ids, d.company_ids, d.reason), ([], [3], "domain"))

    def test_free_mail_sender_unknown_is_unfiled(self):
        h = headers(email_from="inconnu@gmail.com", to="sales@nous.fr")
        d = filing.decide(h, companies_by_domain={"gmail.com": [99]},
                          ignored_addresses=["sales@nous.fr"])
        self.assertEqual(d, filing.Decision(None, [], [], "unfiled"))
        self.assertEqual(filing.decision_targets(d), [])

    def test_reply_goes_to_the_thread_and_to_the_contact(self):
        h = headers(email_from="marie@acme.fr", in_reply_to="<m1@nous>",
                    subject="Re: [CLI-9] offre")
        d = filing.decide(h, thread_by_message_id={"<m1@nous>": ("crm.ticket", 5)},
                          record_by_reference={"CLI-9": ("res.partner", 4)},
                          partners_by_email={"marie@acme.fr": [7]})
        self.assertEqual(d.record, ("crm.ticket", 5))   # the thread wins over the subject
        self.assertEqual(d.reason, "thread+contact")
        self.assertEqual(filing.decision_targets(d),
                         [("crm.ticket", 5), ("res.partner", 7)])

    def test_reference_in_subject_when_no_thread(self):
        h = headers(email_from="x@gmail.com", subject="Ticket #42 toujours en panne",
                    in_reply_to="<unknown@elsewhere>")
        d = filing.decide(h, record_by_reference={"#42": ("crm.ticket", 42)})
        self.assertEqual((d.record, d.reason), (("crm.ticket", 42), "reference"))

    def test_record_that_is_also_the_contact_is_posted_once(self):
        d = filing.Decision(("res.partner", 7), [7, 8], [], "thread+contact")
        self.assertEqual(filing.decision_targets(d), [("res.partner", 7), ("res.partner", 8)])

    def test_headers_from_a_parsed_message(self):
        raw = (b"From: =?utf-8?q?Ren=C3=A9e?= <renee@acme.fr>\r\nTo: a@b.fr\r\n"
               b"Cc: c@d.fr\r\nCc: e@f.fr\r\nSubject: =?utf-8?q?Caf=C3=A9_[CLI-1]?=\r\n"
               b"In-Reply-To: <p@x>\r\n\r\nbody\r\n")
        msg = email.message_from_bytes(raw, policy=policy.default)
        h = filing.Headers.from_message(msg)
        self.assertEqual(h.subject, "Caf\u00e9 [CLI-1]")
        self.assertEqual(h.addresses(), ["renee@acme.fr", "a@b.fr", "c@d.fr", "e@f.fr"])
        self.assertEqual(h.references_in_subject(), ["CLI-1"])


class TestUidPlan(unittest.TestCase):

    def test_same_uidvalidity_continues_after_the_last_uid(self):
        self.assertEqual(filing.uid_plan(1700, 41, 1700), (42, False))

    def test_first_fetch_starts_at_one(self):
        self.assertEqual(filing.uid_plan(0, 0, 1700), (1, False))

    def test_new_uidvalidity_starts_again_from_one(self):
        self.assertEqual(filing.uid_plan(1700, 41, 1800), (1, True))
