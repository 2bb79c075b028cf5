# -*- coding: utf-8 -*-
"""IMAP mailboxes fetched on a schedule; every message is filed on its own.

Fetching is UID-based (RFC 3501): the mailbox remembers the folder's
UIDVALIDITY and the last UID it filed, and asks the server only for the UIDs
after it. The folder is opened read-only (BODY.PEEK): the owner's mail client
keeps its read/unread flags. Each message is filed in a savepoint; with
auto_commit (cron, "Fetch now"), the filing and the new last UID are
committed together, so that a crash between two messages neither loses a
message (it is fetched again) nor files it twice (its UID is behind last UID).
A message whose filing fails is kept as an "error" in the unfiled list with
its raw source and the reason.

We do not build on Odoo's `fetchmail`: it fetches UNSEEN messages and flags
them as read, which misses messages already read in a mail client and marks
a user's personal mail as read; filing there is by mail alias and one target
model, not by contact/company/thread.
"""
import email
import imaplib
import logging
import socket
import threading
from email import policy

from odoo import SUPERUSER_ID, _, api, fields, models, tools
from odoo.exceptions import UserError, ValidationError

from ..logic import mail_filing

_logger = logging.getLogger(__name__)

IMAP_TIMEOUT = 30  # seconds, for the connection and each command
FETCH_BATCH = 200  # messages per mailbox and run; the next run continues
LOCK_CLASS = 74210  # pg advisory lock namespace of mailbox fetches


class CrmMailbox(models.Model):
    _name = "crm.mailbox"
    _description = "CRM mailbox"
    _order = "kind desc, name"

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    kind = fields.Selection(
        [("personal", "Personal"), ("shared", "Shared")], string="Type",
        required=True, default="personal",
        help="A personal mailbox and its unfiled emails are seen only by its owner; "
             "a shared mailbox (e.g. contact@) is seen by every CRM user.")
    user_id = fields.Many2one(
        "res.users", string="Owner", default=lambda self: self.env.user, index=True,
        ondelete="cascade")
    company_id = fields.Many2one(
        "res.company", required=True,
        default=lambda self: self.env.user.company_id)
    email = fields.Char(
        string="Email address",
        help="Address of this mailbox: it is never taken for a contact's address.")
    host = fields.Char(string="IMAP server", required=True)
    port = fields.Integer(required=True, default=993)
    use_ssl = fields.Boolean(string="SSL/TLS", default=True,
                             help="Encrypted connection (IMAPS, usually port 993).")
    login = fields.Char(required=True)
    password = fields.Char(
        compute="_compute_password", inverse="_inverse_password",
        help="Never shown again once saved; type a new one to change it.")
    imap_password = fields.Char(string="IMAP password", groups="base.group_system", copy=False)
    password_set = fields.Boolean(compute="_compute_password", string="Password saved")
    folder = fields.Char(required=True, default="INBOX")
    uidvalidity = fields.Char(
        string="UIDVALIDITY", readonly=True, copy=False,
        help="Identifies the folder's numbering on the server; when it changes, "
             "the whole folder is read again (already filed emails are skipped).")
    last_uid = fields.Char(string="Last UID fetched", readonly=True, copy=False, default="0")
    state = fields.Selection(
        [("draft", "Not tested"), ("ok", "Connected"), ("error", "Error")],
        string="Status", default="draft", readonly=True, copy=False)
    last_error = fields.Text(readonly=True, copy=False)
    last_fetch_date = fields.Datetime(string="Last fetch", readonly=True, copy=False)
    last_fetch_count = fields.Integer(string="Emails in last fetch", readonly=True, copy=False)
    unfiled_ids = fields.One2many("crm.mail.unfiled", "mailbox_id", string="Unfiled emails")
    unfiled_count = fields.Integer(compute="_compute_unfiled_count", string="Unfiled")

    @api.depends("host")  # recomputed on each read anyway: never stored
    def _compute_password(self):
        stored = {m.id: bool(m.imap_password) for m in self.sudo() if isinstance(m.id, int)}
        for mailbox in self:
            mailbox.password = False
            mailbox.password_set = stored.get(mailbox.id, False)

    def _inverse_password(self):
        self.check_access_rights("write")
        self.check_access_rule("write")
        for mailbox in self:
            if mailbox.password:
                mailbox.sudo().imap_password = mailbox.password

    def _compute_unfiled_count(self):
        data = self.env["crm.mail.unfiled"].read_group(
            [("mailbox_id", "in", self.ids), ("state", "!=", "filed")],
            ["mailbox_id"], ["mailbox_id"])
        counts = {d["mailbox_id"][0]: d["mailbox_id_count"] for d in data}
        for mailbox in self:
            mailbox.unfiled_count = counts.get(mailbox.id, 0)

    @api.constrains("kind", "user_id")
    def _check_owner(self):
        for mailbox in self:
            if mailbox.kind == "personal" and not mailbox.user_id:
                raise ValidationError(_("The personal mailbox %s needs an owner.") % mailbox.name)

    @api.constrains("folder", "host", "login")
    def _check_imap_strings(self):
        for mailbox in self:
            for value in (mailbox.folder, mailbox.host, mailbox.login):
                if value and any(c in value for c in "\r\n\0"):
                    raise ValidationError(_(
                        "The server, login and folder of mailbox %s cannot contain "
                        "line breaks.") % mailbox.name)

    @api.constrains("port")
    def _check_port(self):
        for mailbox in self:
            if not 0 < mailbox.port < 65536:
                raise ValidationError(_("The port %s is not a valid TCP port.") % mailbox.port)

    @api.onchange("use_ssl")
    def _onchange_use_ssl(self):
        if self.port in (0, 143, 993):
            self.port = 993 if self.use_ssl else 143

    # ------------------------------------------------------------------ IMAP

    def _imap_connect(self):
        """Logged-in imaplib connection, or UserError saying what failed."""
        self.ensure_one()
        password = self.sudo().imap_password or ""
        try:
            if self.use_ssl:
                conn = imaplib.IMAP4_SSL(self.host, self.port, timeout=IMAP_TIMEOUT)
            else:
                conn = imaplib.IMAP4(self.host, self.port, timeout=IMAP_TIMEOUT)
        except (OSError, imaplib.IMAP4.error) as e:
            raise UserError(_("Cannot connect to the IMAP server %(host)s:%(port)s: %(error)s")
                            % {"host": self.host, "port": self.port, "error": tools.ustr(e)})
        try:
            conn.login(self.login, password)
        except (OSError, imaplib.IMAP4.error) as e:
            self._imap_close(conn)
            raise UserError(_("The IMAP server %(host)s refused the login %(login)s: %(error)s")
                            % {"host": self.host, "login": self.login, "error": tools.ustr(e)})
        return conn

    @staticmethod
    def _imap_close(conn):
        try:
            conn.logout()
        except Exception:  # the connection is gone already: nothing to close
            _logger.debug("IMAP logout failed", exc_info=True)

    def _imap_select(self, conn):
        """Open the folder read-only; return its UIDVALIDITY and message count."""
        folder = '"%s"' % self.folder.replace("\\", "\\\\").replace('"', '\\"')
        try:
            typ, data = conn.select(folder, readonly=True)
        except (OSError, imaplib.IMAP4.error) as e:
            typ, data = "NO", [tools.ustr(e).encode()]
        if typ != "OK":
            raise UserError(_("The folder %(folder)s cannot be opened on %(host)s: %(error)s") % {
                "folder": self.folder, "host": self.host,
                "error": b" ".join(d for d in data if isinstance(d, bytes)).decode(
                    "utf-8", "replace")})
        _typ, uidvalidity = conn.response("UIDVALIDITY")
        return int(uidvalidity[0]), int(data[0] or 0)

    def action_test_connection(self):
        self.ensure_one()
        conn = self._imap_connect()
        try:
            uidvalidity, count = self._imap_select(conn)
        finally:
            self._imap_close(conn)
        self.sudo().write({"state": "ok", "last_error": False})
        _logger.info("Mailbox %s: connection ok, %d messages (UIDVALIDITY %s)",
                     self.id, count, uidvalidity)
        return True

    def action_fetch_now(self):
        self.check_access_rule("read")
        testing = getattr(threading.current_thread(), "testing", False) \
            or self.env.context.get("crm_mailbox_no_commit")
        for mailbox in self:
            mailbox.sudo()._fetch(auto_commit=not testing)
        return True

    def action_open_unfiled(self):
        self.ensure_one()
        action = self.env.ref("crm_base.crm_mail_unfiled_action").read()[0]
        action["domain"] = [("mailbox_id", "=", self.id)]
        action["context"] = {"search_default_to_file": 1}
        return action

    @api.model
    def _cron_fetch_all(self):
        """Fetch every active mailbox; one failing does not stop the others.
        Under tests (no commit allowed) each mailbox runs in a savepoint.

        Outside tests the fetch commits after each message and each mailbox,
        as Odoo's fetchmail does: an error later in the run must neither lose
        the messages already filed nor file them again (last_uid is saved)."""
        auto_commit = not getattr(threading.current_thread(), "testing", False)
        cr = self.env.cr
        for mailbox_id in self.sudo().search([]).ids:
            mailbox = self.sudo().browse(mailbox_id)
            try:
                if auto_commit:
                    mailbox._fetch(auto_commit=True)
                else:
                    with cr.savepoint():
                        mailbox._fetch(auto_commit=False)
            except Exception as e:
                _logger.exception("Mailbox %s: fetch failed", mailbox_id)
                if auto_commit:
                    cr.rollback()
                self.env.clear()
                mailbox.write({"state": "error", "last_error": tools.ustr(e)})
                if auto_commit:
                    cr.commit()  # pylint: disable=invalid-commit
        return True

    def _fetch(self, auto_commit=False):
        """Fetch and file the new messages of this mailbox. Connection errors
        are recorded on the mailbox (state, last error), not raised."""
        self.ensure_one()
        cr = self.env.cr
        cr.execute("SELECT pg_try_advisory_lock(%s, %s)", (LOCK_CLASS, self.id))
        if not cr.fetchone()[0]:
            _logger.info("Mailbox %s: a fetch is already running, skipped", self.id)
            return 0
        try:
            return self._fetch_locked(auto_commit)
        finally:
            cr.execute("SELECT pg_advisory_unlock(%s, %s)", (LOCK_CLASS, self.id))

    def _fetch_locked(self, auto_commit):
        cr = self.env.cr
        try:
            conn = self._imap_connect()
        except UserError as e:
            self.write({"state": "error", "last_error": e.name})
            if auto_commit:
                cr.commit()  # pylint: disable=invalid-commit
            return 0
        count = 0
        try:
            uidvalidity, _exists = self._imap_select(conn)
            first, reset = mail_filing.uid_plan(
                self.uidvalidity, self.last_uid, uidvalidity)
            if str(uidvalidity) != (self.uidvalidity or ""):
                if reset:
                    _logger.warning("Mailbox %s: UIDVALIDITY changed (%s -> %s), reading "
                                    "the folder again", self.id, self.uidvalidity, uidvalidity)
                self.write({"uidvalidity": str(uidvalidity), "last_uid": "0"})
            typ, data = conn.uid("SEARCH", None, "UID %d:*" % first)
            if typ != "OK":
                raise UserError(_("The IMAP server did not list the messages: %s")
                                % data[0].decode("utf-8", "replace"))
            # "N:*" always answers the last message, even below N: filter
            uids = sorted(int(u) for u in (data[0] or b"").split() if int(u) >= first)
            for uid in uids[:FETCH_BATCH]:
                raw = self._imap_fetch_raw(conn, uid)
                if raw is not None:
                    self._file_raw_safely(raw, uid)
                    count += 1
                self.write({"last_uid": str(uid)})
                if auto_commit:
                    cr.commit()  # pylint: disable=invalid-commit
        except (UserError, OSError, imaplib.IMAP4.error, socket.timeout) as e:
            if auto_commit:
                cr.rollback()
                self.env.clear()
            message = e.name if isinstance(e, UserError) else tools.ustr(e)
            self.write({"state": "error", "last_error": message})
            if auto_commit:
                cr.commit()  # pylint: disable=invalid-commit
            return count
        finally:
            self._imap_close(conn)
        self.write({"state": "ok", "last_error": False, "last_fetch_count": count,
                    "last_fetch_date": fields.Datetime.now()})
        if auto_commit:
            cr.commit()  # pylint: disable=invalid-commit
        return count

    @staticmethod
    def _imap_fetch_raw(conn, uid):
        """Source of the message with this UID, None if it has been expunged."""
        typ, data = conn.uid("FETCH", str(uid), "(BODY.PEEK[])")
        if typ != "OK":
            raise imaplib.IMAP4.error(
                "FETCH %s: %s" % (uid, b" ".join(d for d in data if isinstance(d, bytes))))
        for item in data or ():
            if isinstance(item, tuple) and len(item) == 2:
                return item[1]
        return None

    # --------------------------------------------------------------- filing

    def _file_raw_safely(self, raw, uid=None):
        """File one message; any failure keeps it as an error with its source."""
        try:
            with self.env.cr.savepoint():
                return self._file_raw(raw, uid)
        except Exception as e:
            self.env.clear()
            _logger.info("Mailbox %s: message UID %s could not be filed", self.id, uid,
                         exc_info=True)
            return self.env["crm.mail.unfiled"].sudo()._create_from_raw(
                self, raw, uid, error=_("Filing failed: %s") % tools.ustr(e))

    def _file_raw(self, raw, uid=None):
        """Parse and file one message. Returns the unfiled record when nothing
        matched, the posted mail.message(s) when filed, or False for a
        message already in the CRM."""
        self.ensure_one()
        Unfiled = self.env["crm.mail.unfiled"].sudo()
        try:
            parsed = email.message_from_bytes(raw, policy=policy.default)
            headers = mail_filing.Headers.from_message(parsed)
            if not mail_filing.extract_addresses(headers.email_from):
                raise ValueError(_("no sender address (From header)"))
            # Odoo's parser (body as HTML, attachments, parent message) works
            # on the compat32 representation.
            compat = email.message_from_bytes(raw)
            msg_dict = self.env["mail.thread"].sudo().message_parse(compat)
        except Exception as e:
            return Unfiled._create_from_raw(
                self, raw, uid, error=_("The email cannot be read: %s") % tools.ustr(e))

        message_id = msg_dict.get("message_id")
        if parsed.get("Message-Id") and self._already_known(message_id):
            _logger.info("Mailbox %s: %s already in the CRM, skipped", self.id, message_id)
            return False

        decision = self._decide(headers)
        targets = mail_filing.decision_targets(decision)
        if not targets:
            return Unfiled._create_from_raw(self, raw, uid, msg_dict=msg_dict)
        return self._post_on_targets(compat, msg_dict, targets)

    def _already_known(self, message_id):
        if not message_id:
            return False
        if self.env["mail.message"].sudo().search_count([("message_id", "=", message_id)]):
            return True
        return bool(self.env["crm.mail.unfiled"].sudo().search_count(
            [("message_id", "=", message_id), ("state", "!=", "filed")]))

    def _post_on_targets(self, compat, msg_dict, targets):
        """Post the message on each (model, id) through mail.thread's gateway
        (message_update, then message_post), as a copy per record."""
        messages = self.env["mail.message"]
        author = self._find_author(msg_dict.get("email_from"))
        parent = self.env["mail.message"].sudo().browse(msg_dict.get("parent_id") or [])
        for model, res_id in targets:
            values = dict(msg_dict)
            values["attachments"] = list(msg_dict.get("attachments") or [])
            values["author_id"] = author.id or False
            values["crm_mailbox_id"] = self.id
            if not (parent and parent.model == model and parent.res_id == res_id):
                # the parent message lives on another record
                values.pop("parent_id", None)
                values.pop("internal", None)
            self.env["mail.thread"].sudo().message_route_process(
                compat, values, [(model, res_id, None, SUPERUSER_ID, False)])
            messages |= self.env["mail.message"].sudo().search([
                ("model", "=", model), ("res_id", "=", res_id),
                ("message_id", "=", msg_dict["message_id"])], order="id desc", limit=1)
        return messages

    def _find_author(self, email_from):
        addresses = mail_filing.extract_addresses(email_from)
        if not addresses:
            return self.env["res.partner"]
        partners = self._partners_by_email(addresses, include_internal=True)
        ids = partners.get(addresses[0]) or []
        return self.env["res.partner"].sudo().browse(ids[:1])

    # lookups for logic.mail_filing.decide -----------------------------------

    def _internal_addresses(self):
        users = self.env["res.users"].sudo().search([("share", "=", False)])
        addresses = {mail_filing.normalize_email(u.email) for u in users if u.email}
        for value in (self.email, self.login):
            if value and "@" in value:
                addresses.add(mail_filing.normalize_email(value))
        return addresses

    def _internal_domains(self):
        domains = set()
        for company in self.env["res.company"].sudo().search([]):
            domains.add(mail_filing.email_domain(company.email or ""))
            domains.add(mail_filing.website_domain(company.website or ""))
        for value in (self.email, self.login):
            domains.add(mail_filing.email_domain(value or ""))
        return {d for d in domains if d and not mail_filing.is_free_mail_domain(d)}

    def _partners_by_email(self, addresses, include_internal=False):
        """address -> [partner ids] whose email is this address (any case)."""
        if not addresses:
            return {}
        Partner = self.env["res.partner"].sudo()
        domain = ["|"] * (len(addresses) - 1) + [("email", "=ilike", a) for a in addresses]
        result = {}
        for partner in Partner.search(domain):
            if not include_internal and partner.user_ids.filtered(lambda u: not u.share):
                continue
            for addr in mail_filing.extract_addresses(partner.email):
                if addr in addresses:
                    result.setdefault(addr, []).append(partner.id)
        return result

    def _companies_by_domain(self, domains):
        if not domains:
            return {}
        Partner = self.env["res.partner"].sudo()
        terms = []
        for d in domains:
            terms += [("email", "=ilike", "%@" + d), ("website", "ilike", d)]
        search = [("is_company", "=", True)] + ["|"] * (len(terms) - 1) + terms
        result = {}
        for company in Partner.search(search):
            for d in domains:
                if d in (mail_filing.email_domain(company.email or ""),
                         mail_filing.website_domain(company.website or "")):
                    result.setdefault(d, []).append(company.id)
        return result

    def _threads_by_message_id(self, message_ids):
        if not message_ids:
            return {}
        result = {}
        for message in self.env["mail.message"].sudo().search(
                [("message_id", "in", message_ids), ("model", "!=", False),
                 ("res_id", "!=", False)], order="id"):
            if message.model in self.env and message.message_id not in result:
                record = self.env[message.model].sudo().browse(message.res_id).exists()
                if record and record._fields.get("active") is not None and not record.active:
                    continue  # archived: not an open record any more
                if record:
                    result[message.message_id] = (message.model, message.res_id)
        return result

    @api.model
    def _crm_mail_find_references(self, references):
        """Records named by references of a subject: 'CLI-042' -> ('res.partner', 7).

        Here: the contact's internal reference (field `ref`) written in
        brackets. Addons extend this method for their own records (a ticket's
        '#42', a quote's '[DEV-2024-001]') and call super()."""
        result = {}
        codes = [r for r in references if not r.startswith("#")]
        if codes:
            Partner = self.env["res.partner"].sudo()
            domain = ["|"] * (len(codes) - 1) + [("ref", "=ilike", c) for c in codes]
            for partner in Partner.search(domain):
                key = (partner.ref or "").strip().upper()
                if key in codes and key not in result:
                    result[key] = ("res.partner", partner.id)
        return result

    def _decide(self, headers):
        ignored = self._internal_addresses()
        addresses = headers.addresses(ignored)
        domains = headers.company_domains(ignored, self._internal_domains())
        return mail_filing.decide(
            headers,
            thread_by_message_id=self._threads_by_message_id(headers.thread_ids()),
            record_by_reference=self._crm_mail_find_references(headers.references_in_subject()),
            partners_by_email=self._partners_by_email(addresses),
            companies_by_domain=self._companies_by_domain(domains),
            ignored_addresses=ignored,
            ignored_domains=self._internal_domains())
