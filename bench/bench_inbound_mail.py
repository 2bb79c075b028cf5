#!/usr/bin/env python3
"""Benchmark: inbound mail into tickets through Odoo's mail gateway, checked message by message.

    .venv/bin/python bench/bench_inbound_mail.py [--messages 5000] [--template DB] [--keep]

1. builds one database (`--db`, default `crm_bench_inbound_mail`) with
   `crm-odoo -i crm_helpdesk --without-demo=all` (or clones `--template`);
2. through `crm-odoo shell`, makes a team with its alias (bench-support@) and,
   for the baseline, a plain Odoo alias (bench-base@) that creates a
   `mail.channel` per new mail (Odoo's alias gateway on a basic record of
   Odoo's own);
3. sends `--messages` mails one by one through `mail.thread.message_process`
   (what Odoo's fetchmail and mailgate call), committing after each, as
   fetchmail does: about 45% open a ticket, 20% answer by In-Reply-To /
   References, 15% by the ticket number in the subject ("Re: [TK-00042] ..."),
   15% by sender and subject without reply headers ("RE : TR: ..."), and 5%
   are malformed (no From, no Message-Id, broken base64, raw 8-bit subject,
   unterminated multipart, a program attached); seeded, so every run sends the
   same mails;
4. checks every mail: it is on exactly one ticket (found by its Message-Id, or
   for a mail without one by the token of its subject), the ticket the mail
   answers or, for a new mail, a ticket of its own; counts tickets (no
   duplicate);
5. sends the same mails (other Message-Ids, To: bench-base@) through Odoo's
   gateway to the mail.channel alias and counts, the same way, how many land
   where they belong (Odoo threads only by the reply headers);
6. prints mails per second for both, the ratio, the lost and mis-threaded
   counts, and drops the database (unless --keep).

Run from the repository root; PostgreSQL as in config/odoo-test.conf.
"""
import argparse
import subprocess

from benchlib import PG, shell, load_average, prepare_run, new_database

BENCH_SCRIPT = r'''
import base64, json, random, time
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
P = %(params)r
rng = random.Random(P["seed"])
Team = env["crm.helpdesk.team"].sudo()
team = Team.create({"name": "Support banc d'essai", "alias_name": "bench-support",
                    "assign_method": "manual"})
env["mail.alias"].sudo().create({
    "alias_name": "bench-base", "alias_model_id": env.ref("mail.model_mail_channel").id,
    "alias_contact": "everyone"})
env.cr.commit()
SUBJECTS = ["L'imprimante ne répond plus", "Facture en double", "Mot de passe oublié",
            "Livraison en retard", "Erreur à l'export comptable", "Accès au portail refusé",
            "Devis non reçu", "Application lente le matin"]
senders = ["Client %%03d <client%%03d@exemple-%%d.fr>" %% (i, i, i %% 37) for i in range(400)]


def mail_bytes(subject, sender, msgid, in_reply_to=None, body="Bonjour, voici ma demande."):
    mail = MIMEText(body, "plain", "utf-8")
    if sender:
        mail["From"] = sender
    mail["To"] = "bench-support@exemple-pme.fr"
    mail["Subject"] = subject
    mail["Date"] = "Thu, 03 Dec 2026 10:00:00 +0100"
    if msgid:
        mail["Message-Id"] = msgid
    if in_reply_to:
        mail["In-Reply-To"] = in_reply_to
        mail["References"] = in_reply_to
    return mail.as_bytes()


def malformed(kind, token, msgid):
    sender = rng.choice(senders)
    subject = "Demande %%s" %% token
    if kind == "no_from":
        return mail_bytes(subject, None, msgid)
    if kind == "no_message_id":
        return mail_bytes(subject, sender, None)
    if kind == "bad_base64":
        return ("From: %%s\r\nTo: bench-support@exemple-pme.fr\r\nSubject: %%s\r\n"
                "Message-Id: %%s\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8"
                "\r\nContent-Transfer-Encoding: base64\r\n\r\n@@@ pas du base64 !!!\r\n"
                %% (sender, subject, msgid)).encode()
    if kind == "raw_8bit":
        return (b"From: " + sender.encode() + b"\r\nTo: bench-support@exemple-pme.fr\r\n"
                b"Subject: " + subject.encode() + b" \xe9t\xe9 \xe0 r\xe9gler\r\nMessage-Id: "
                + msgid.encode() + b"\r\n\r\nCorps en latin-1 : \xe9\xe8\xe0\r\n")
    if kind == "open_multipart":
        return ("From: %%s\r\nTo: bench-support@exemple-pme.fr\r\nSubject: %%s\r\n"
                "Message-Id: %%s\r\nMIME-Version: 1.0\r\n"
                "Content-Type: multipart/mixed; boundary=\"XYZ\"\r\n\r\n--XYZ\r\n"
                "Content-Type: text/plain\r\n\r\nLe message s'arrete ici" %% (
                    sender, subject, msgid)).encode()
    mail = MIMEMultipart()
    mail.attach(MIMEText("Voir la pièce jointe.", "plain", "utf-8"))
    part = MIMEApplication(b"MZ\x90\x00" * 100, _subtype="octet-stream")
    part.add_header("Content-Disposition", "attachment", filename="outil.exe")
    mail.attach(part)
    mail["From"], mail["To"] = sender, "bench-support@exemple-pme.fr"
    mail["Subject"], mail["Message-Id"] = subject, msgid
    return mail.as_bytes()


MALFORMED = ["no_from", "no_message_id", "bad_base64", "raw_8bit", "open_multipart", "program"]
Thread = env["mail.thread"]
Ticket = env["crm.ticket"].sudo()
plan = []      # per mail: kind, msgid (None without), token, opener index
raws = []
openers = {}   # opener index -> {"ticket", "msgid", "subject", "sender", "number"}
lost = []
started = time.perf_counter()
for index in range(P["messages"]):
    msgid = "<m%%d.%%d@ours.bench>" %% (index, P["seed"])
    token = "J%%05d" %% index
    roll = rng.random()
    open_ones = [i for i in openers if openers[i].get("ticket") and openers[i]["subject"]]
    if index < 50 or roll < 0.45 or not open_ones:
        kind, opener = "new", index
        subject = "%%s (%%s)" %% (rng.choice(SUBJECTS), token)
        sender = rng.choice(senders)
        raw = mail_bytes(subject, sender, msgid)
        openers[index] = {"msgid": msgid, "subject": subject, "sender": sender}
    elif roll < 0.65:
        kind, opener = "in_reply_to", rng.choice(open_ones)
        first = openers[opener]
        raw = mail_bytes("Re: autre chose " + token, first["sender"], msgid,
                         in_reply_to=first["msgid"])
    elif roll < 0.80:
        kind, opener = "number", rng.choice(open_ones)
        first = openers[opener]
        raw = mail_bytes("Re: [%%s] complément %%s" %% (first["number"], token),
                         rng.choice(senders), msgid)
    elif roll < 0.95:
        kind, opener = "sender", rng.choice(open_ones)
        first = openers[opener]
        raw = mail_bytes("RE : TR: " + first["subject"], first["sender"], msgid)
    else:
        kind, opener = rng.choice(MALFORMED), index
        if kind == "no_message_id":
            msgid = None
        raw = malformed(kind, token, msgid)
        openers[index] = {"msgid": msgid, "subject": None, "sender": None}
    plan.append((kind, msgid, token, opener))
    raws.append(raw)
    try:
        thread_id = Thread.message_process(None, raw)
        env.cr.commit()
    except Exception as error:
        env.cr.rollback()
        lost.append((index, kind, str(error)[:200]))
        thread_id = False
    if opener == index and thread_id and index in openers:
        openers[index]["ticket"] = thread_id
        openers[index]["number"] = Ticket.browse(thread_id).number
ours_seconds = time.perf_counter() - started


def check(model, tag):
    """(lost, mis-threaded, records) for the mails of one run."""
    ids = [p[1].replace("@ours.", "@%%s." %% tag) for p in plan if p[1]]
    env.cr.execute("SELECT message_id, array_agg(res_id) FROM mail_message "
                   "WHERE model = %%s AND message_id = ANY(%%s) GROUP BY message_id",
                   (model, ids))
    where = dict(env.cr.fetchall())
    expected_record = {}
    missing, wrong = 0, 0
    records = set()
    for kind, msgid, token, opener in plan:
        if msgid:
            found = where.get(msgid.replace("@ours.", "@%%s." %% tag)) or []
        elif model == "crm.ticket":
            found = env[model].sudo().search([("name", "ilike", token)]).ids
        else:
            found = env[model].sudo().search([("name", "ilike", token)]).ids
        if len(found) != 1:
            missing += 1
            continue
        records.add(found[0])
        if opener not in expected_record:
            expected_record[opener] = found[0]
            if list(expected_record.values()).count(found[0]) > 1:
                wrong += 1  # a new mail in another mail's record
        elif expected_record[opener] != found[0]:
            wrong += 1
    return missing, wrong, len(records), len(expected_record)


ours_missing, ours_wrong, ours_records, ours_threads = check("crm.ticket", "ours")
tickets = Ticket.search_count([("team_id", "=", team.id)])
Channel = env["mail.channel"].sudo()
channels_before = Channel.search_count([])
base_lost = 0
started = time.perf_counter()
for raw in raws:
    raw = raw.replace(b"bench-support@", b"bench-base@").replace(b"@ours.bench", b"@base.bench")
    try:
        Thread.message_process(None, raw)
        env.cr.commit()
    except Exception:
        env.cr.rollback()
        base_lost += 1
base_seconds = time.perf_counter() - started
base_missing, base_wrong, base_records, base_threads = check("mail.channel", "base")
kinds = {}
for kind, _msgid, _token, _opener in plan:
    kinds[kind] = kinds.get(kind, 0) + 1
print("BENCH_RESULT " + json.dumps({
    "messages": len(plan), "kinds": kinds, "ours_seconds": ours_seconds,
    "ours_exceptions": len(lost), "ours_exception_samples": lost[:5],
    "ours_missing": ours_missing, "ours_wrong": ours_wrong, "tickets": tickets,
    "ours_threads": ours_threads,
    "base_seconds": base_seconds, "base_exceptions": base_lost,
    "base_missing": base_missing, "base_wrong": base_wrong,
    "base_records": Channel.search_count([]) - channels_before}))
'''


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=5000, help="mails sent (5000)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--db", default="crm_bench_inbound_mail")
    parser.add_argument("--template", help="clone this database (with crm_helpdesk) instead "
                                           "of installing crm_helpdesk")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()
    prepare_run()
    params = {"messages": args.messages, "seed": args.seed}
    try:
        new_database(args.db, "crm_helpdesk", args.template)
        result = shell(args.db, BENCH_SCRIPT % {"params": params})
        print("measured (load average %s)" % load_average())
    finally:
        if not args.keep:
            subprocess.run(["dropdb", "--if-exists"] + PG + [args.db])
    report(result)


def report(result):
    n = result["messages"]
    print("\n%d mails: %s" % (n, ", ".join("%s %d" % kv for kv in sorted(result["kinds"].items()))))
    print("\n| gateway | mails/s | exceptions | lost | mis-threaded | records |")
    print("|---|---:|---:|---:|---:|---:|")
    print("| crm_helpdesk (tickets) | %.1f | %d | %d | %d | %d tickets (%d expected) |" % (
        n / result["ours_seconds"], result["ours_exceptions"], result["ours_missing"],
        result["ours_wrong"], result["tickets"], result["ours_threads"]))
    print("| Odoo alias -> mail.channel | %.1f | %d | %d | %d | %d channels |" % (
        n / result["base_seconds"], result["base_exceptions"], result["base_missing"],
        result["base_wrong"], result["base_records"]))
    print("\nratio (Odoo's alias time / ours): %.2f"
          % (result["base_seconds"] / result["ours_seconds"]))
    for sample in result["ours_exception_samples"]:
        print("exception: %s" % (sample,))


if __name__ == "__main__":
    main()
