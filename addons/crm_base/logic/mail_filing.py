"""Where does an inbound email go? Plain Python, no database.

The model reads the headers of a fetched message, asks this module which
addresses, domains, Message-Ids and subject references to look up, builds the
lookup tables from the database and asks `decide()` for the targets:

1. the open record the mail answers: a Message-Id of In-Reply-To/References
   known in the database, else a reference in the subject ("[CLI-042]", "#42");
2. the contacts whose address is the sender's or a recipient's (internal
   users' own addresses and the mailbox's own address are not contacts).
   An address shared by several contacts files the mail on each of them: the
   history of every one of them is complete, and no one has to guess which
   homonym was meant;
3. only when no contact matched: the companies owning the sender's or
   recipients' email domain (free-mail domains such as gmail.com or orange.fr
   never identify a company).

Nothing matched: the mail is "unfiled" and someone files it by hand.
"""
import re
from collections import namedtuple
from email.utils import getaddresses

# Free-mail and ISP domains: an address there says nothing about the company.
FREE_MAIL_DOMAINS = frozenset("""
gmail.com googlemail.com orange.fr wanadoo.fr free.fr laposte.net sfr.fr neuf.fr
bbox.fr aliceadsl.fr club-internet.fr numericable.fr noos.fr cegetel.net
icloud.com me.com mac.com aol.com aol.fr gmx.fr gmx.com gmx.de protonmail.com
proton.me yandex.com yandex.ru mail.com zoho.com tutanota.com hey.com
""".split())
# Families with one domain per country: hotmail.fr, yahoo.co.uk, outlook.be...
FREE_MAIL_FAMILIES = ("hotmail", "yahoo", "outlook", "live", "msn", "ymail", "gmx")

_MSGID_RE = re.compile(r"<[^<>\s]+>")
# "[CLI-042]", "[TCK 17]", "[DEV/2024/001]": a bracketed code with digits.
_BRACKET_REF_RE = re.compile(r"\[\s*([A-Za-z][A-Za-z0-9]*(?:[-_/ ][A-Za-z0-9]+)*)\s*\]")
# "#42" as a word of its own (not "C#", not an HTML entity "&#42;").
_HASH_REF_RE = re.compile(r"(?<![\w&])#(\d{1,9})\b")

Decision = namedtuple("Decision", "record partner_ids company_ids reason")
Decision.__doc__ = """record: (model, id) or None; partner_ids / company_ids:
sorted lists of ids; reason: 'thread', 'reference', 'contact', 'domain',
several joined by '+', or 'unfiled'."""


def normalize_email(address):
    return (address or "").strip().lower()


def extract_addresses(*header_values):
    """Lower-cased addresses of From/To/Cc-like header values, in order,
    without duplicates. Each value is a str, or None."""
    seen = []
    values = [v for v in header_values if v]
    for _name, addr in getaddresses([str(v) for v in values]):
        addr = normalize_email(addr)
        if "@" in addr and addr not in seen:
            seen.append(addr)
    return seen


def email_domain(address):
    address = normalize_email(address)
    if "@" not in address:
        return ""
    return address.rsplit("@", 1)[1].strip(" >.")


def website_domain(url):
    """'https://www.acme.fr/contact' -> 'acme.fr'."""
    url = (url or "").strip().lower()
    url = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url)
    host = re.split(r"[/?#:]", url, 1)[0]
    if host.startswith("www."):
        host = host[4:]
    return host


def is_free_mail_domain(domain):
    domain = (domain or "").lower()
    if domain in FREE_MAIL_DOMAINS:
        return True
    first = domain.split(".", 1)[0]
    return first in FREE_MAIL_FAMILIES and "." in domain


def message_ids(*header_values):
    """Message-Ids ('<...>') in In-Reply-To/References values, most recent
    first (In-Reply-To first, then References from the end), no duplicates."""
    found = []
    for value in header_values:
        ids = _MSGID_RE.findall(str(value or ""))
        for msgid in ids:
            if msgid not in found:
                found.append(msgid)
    return found


def thread_message_ids(in_reply_to, references):
    refs = _MSGID_RE.findall(str(references or ""))
    return message_ids(in_reply_to, " ".join(reversed(refs)))


def subject_references(subject):
    """References written in a subject, in order:
    '[CLI-042]' -> 'CLI-042', '#42' -> '#42'. Codes without a digit
    ('[URGENT]', '[EXT]') are not references."""
    subject = str(subject or "")
    refs = []
    for match in _BRACKET_REF_RE.finditer(subject):
        code = re.sub(r"\s+", " ", match.group(1)).upper()
        if any(c.isdigit() for c in code) and code not in refs:
            refs.append(code)
    for match in _HASH_REF_RE.finditer(subject):
        code = "#" + match.group(1)
        if code not in refs:
            refs.append(code)
    return refs


class Headers(namedtuple("Headers", "email_from to cc subject in_reply_to references")):
    """The headers that decide the filing, as decoded strings (or None)."""

    @classmethod
    def from_message(cls, message):
        """From an email.message.Message (any policy)."""
        def get(name):
            values = message.get_all(name) or []
            return ", ".join(str(v) for v in values) or None
        return cls(get("From"), get("To"), get("Cc"), message.get("Subject"),
                   get("In-Reply-To"), get("References"))

    def addresses(self, ignored=()):
        ignored = {normalize_email(a) for a in ignored}
        return [a for a in extract_addresses(self.email_from, self.to, self.cc)
                if a not in ignored]

    def company_domains(self, ignored_addresses=(), ignored_domains=()):
        ignored_domains = {d.lower() for d in ignored_domains}
        domains = []
        for addr in self.addresses(ignored_addresses):
            domain = email_domain(addr)
            if (domain and domain not in domains and domain not in ignored_domains
                    and not is_free_mail_domain(domain)):
                domains.append(domain)
        return domains

    def thread_ids(self):
        return thread_message_ids(self.in_reply_to, self.references)

    def references_in_subject(self):
        return subject_references(self.subject)


def decide(headers, thread_by_message_id=None, record_by_reference=None,
           partners_by_email=None, companies_by_domain=None,
           ignored_addresses=(), ignored_domains=()):
    """Targets of one inbound message.

    headers: a Headers; the lookup tables map
      thread_by_message_id: '<msgid>' -> (model, id) of the record it was posted on
      record_by_reference: 'CLI-042' / '#42' -> (model, id)
      partners_by_email: address -> iterable of contact ids
      companies_by_domain: domain -> iterable of company ids
    ignored_addresses: internal users' and the mailbox's own addresses;
    ignored_domains: our own domains (never a customer company).
    """
    thread_by_message_id = thread_by_message_id or {}
    record_by_reference = record_by_reference or {}
    partners_by_email = partners_by_email or {}
    companies_by_domain = companies_by_domain or {}
    reasons = []

    record = None
    for msgid in headers.thread_ids():
        if thread_by_message_id.get(msgid):
            record = tuple(thread_by_message_id[msgid])
            reasons.append("thread")
            break
    if record is None:
        for ref in headers.references_in_subject():
            if record_by_reference.get(ref):
                record = tuple(record_by_reference[ref])
                reasons.append("reference")
                break

    partner_ids = set()
    for addr in headers.addresses(ignored_addresses):
        partner_ids.update(partners_by_email.get(addr) or ())
    if partner_ids:
        reasons.append("contact")

    company_ids = set()
    if not partner_ids:
        for domain in headers.company_domains(ignored_addresses, ignored_domains):
            company_ids.update(companies_by_domain.get(domain) or ())
        if company_ids:
            reasons.append("domain")

    return Decision(record, sorted(partner_ids), sorted(company_ids),
                    "+".join(reasons) or "unfiled")


def decision_targets(decision):
    """(model, id) pairs where the message is posted, each once: the record
    answered first, then the contacts, then the companies."""
    targets = []
    if decision.record:
        targets.append(tuple(decision.record))
    for pid in list(decision.partner_ids) + list(decision.company_ids):
        if ("res.partner", pid) not in targets:
            targets.append(("res.partner", pid))
    return targets


def uid_plan(stored_uidvalidity, last_uid, server_uidvalidity):
    """(first UID to fetch, reset) for an IMAP folder.

    While the folder keeps its UIDVALIDITY, UIDs only grow: fetch from
    last_uid + 1. When the server announces another UIDVALIDITY (folder
    recreated, server migrated), the old UIDs mean nothing: fetch again from
    1 (the caller skips Message-Ids it already has, so nothing is filed twice).
    """
    if not stored_uidvalidity or int(stored_uidvalidity) != int(server_uidvalidity):
        return 1, bool(stored_uidvalidity)
    return int(last_uid or 0) + 1, False
