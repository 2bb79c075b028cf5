# -*- coding: utf-8 -*-
"""A throwaway IMAP server for the tests: Debian's dovecot (dovecot-imapd) on a
free localhost port, with its own configuration, a passwd-file user and a
maildir in a temporary directory. No SSL, plain login.

    server = DovecotServer()          # starts it
    server.append(raw_bytes)          # delivers one message (IMAP APPEND)
    server.stop()                     # stops it and removes the directory

Dovecot refuses to give mail access to UID 0, so the mail processes run as
the `dovecot` system user (created by the package) and the temporary
directory is handed over to it; the login process runs as `dovenull`.
"""
import imaplib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time

DOVECOT = "/usr/sbin/dovecot"
START_TIMEOUT = 15  # seconds until the port accepts a login

CONFIG = """\
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = {mail_user}
default_internal_group = {mail_group}
default_login_user = {login_user}
first_valid_uid = 1
mail_location = maildir:{root}/mail/%u
mail_uid = {mail_user}
mail_gid = {mail_group}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = home={root}/mail/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
"""


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def available():
    return os.path.exists(DOVECOT)


class DovecotServer(object):

    def __init__(self, login="crm@example.test", password="s3cret-imap"):
        self.login = login
        self.password = password
        self.host = "127.0.0.1"
        self.port = free_port()
        self.root = tempfile.mkdtemp(prefix="crm-dovecot-")
        os.chmod(self.root, 0o755)
        mail_user = pwd.getpwnam("dovecot")
        for sub in ("run", "state", "mail"):
            os.makedirs(os.path.join(self.root, sub))
        os.chown(os.path.join(self.root, "mail"), mail_user.pw_uid, mail_user.pw_gid)
        with open(os.path.join(self.root, "passwd"), "w") as f:
            f.write("%s:{PLAIN}%s::::::\n" % (login, password))
        self.config = os.path.join(self.root, "dovecot.conf")
        with open(self.config, "w") as f:
            f.write(CONFIG.format(root=self.root, port=self.port, mail_user="dovecot",
                                  mail_group="dovecot", login_user="dovenull"))
        self.process = subprocess.Popen(
            [DOVECOT, "-F", "-c", self.config],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        self._wait_ready()

    def _wait_ready(self):
        deadline = time.monotonic() + START_TIMEOUT
        last = None
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                out = self.process.stdout.read().decode("utf-8", "replace")
                self._cleanup()
                raise RuntimeError("dovecot exited (%s): %s %s"
                                   % (self.process.returncode, out, self.log()))
            try:
                conn = self.connect()
                conn.logout()
                return
            except (OSError, imaplib.IMAP4.error) as e:
                last = e
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("dovecot did not accept a login within %ss: %s" % (START_TIMEOUT, last))

    def log(self):
        try:
            with open(os.path.join(self.root, "dovecot.log"), encoding="utf-8",
                      errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def connect(self):
        conn = imaplib.IMAP4(self.host, self.port, timeout=10)
        conn.login(self.login, self.password)
        return conn

    def append(self, raw, folder="INBOX"):
        """Deliver one message (bytes) into `folder`, creating it if needed;
        returns the UID dovecot gave it."""
        if isinstance(raw, str):
            raw = raw.encode("utf-8")
        raw = raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
        conn = self.connect()
        try:
            if folder != "INBOX":
                conn.create(folder)
            typ, data = conn.append(folder, None, None, raw)
            assert typ == "OK", data
            # APPENDUID uidvalidity uid (RFC 4315, dovecot supports UIDPLUS)
            text = data[0].decode() if data and data[0] else ""
            if "APPENDUID" in text:
                return int(text.split("APPENDUID", 1)[1].split("]")[0].split()[1])
            return None
        finally:
            conn.logout()

    def uidvalidity(self, folder="INBOX"):
        conn = self.connect()
        try:
            typ, data = conn.status(folder, "(UIDVALIDITY)")
            return int(data[0].decode().split("UIDVALIDITY")[1].strip(" )"))
        finally:
            conn.logout()

    def recreate_folder(self, folder):
        """Delete and recreate `folder`: the server gives it a new UIDVALIDITY."""
        conn = self.connect()
        try:
            conn.delete(folder)
            conn.create(folder)
        finally:
            conn.logout()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if self.process.stdout:
            self.process.stdout.close()
        self._cleanup()

    def _cleanup(self):
        shutil.rmtree(self.root, ignore_errors=True)
