#!/usr/bin/env python3
"""An integration talking to CRM Helpdesk through the external API (odoorpc).

It does what a connector of another tool (a shop, a phone system) does: finds
the team by its e-mail alias, finds or creates the customer by e-mail
address, opens a ticket, writes an internal note on it, moves it through the
stages until it is solved (the customer is then sent the satisfaction
survey), and reads back its number, its SLA status and the team's
satisfaction and NPS figures. See docs/api.md, "Helpdesk".

    pip install odoorpc
    python docs/examples/crm_helpdesk_api.py --url http://localhost:8069 \\
        --db crm_demo --user admin --password admin

It solves the ticket it opens (and queues the survey mail to the customer's
address): run it on a test database.
"""
import argparse
import json
import urllib.parse

import odoorpc


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://localhost:8069", help="server URL")
    parser.add_argument("--db", required=True, help="database name")
    parser.add_argument("--user", default="admin", help="login")
    parser.add_argument("--password", default="admin", help="password")
    parser.add_argument("--team", default="support",
                        help="e-mail alias of the team (the part before the @)")
    parser.add_argument("--email", default="claire.lefebvre@example.fr",
                        help="e-mail address of the customer")
    parser.add_argument("--name", default="Claire Lefebvre", help="name of a new customer")
    parser.add_argument("--json", action="store_true",
                        help="print a JSON summary (ids) instead of sentences")
    return parser.parse_args(argv)


def connect(url, db, user, password):
    """Log in; odoorpc takes a host, a protocol and a port, not a URL."""
    parts = urllib.parse.urlsplit(url)
    ssl = parts.scheme == "https"
    odoo = odoorpc.ODOO(parts.hostname, protocol="jsonrpc+ssl" if ssl else "jsonrpc",
                        port=parts.port or (443 if ssl else 80), timeout=120)
    odoo.login(db, user, password)
    return odoo


def team_by_alias(odoo, alias):
    team_ids = odoo.env["crm.helpdesk.team"].search([("alias_name", "=", alias)], limit=1)
    if not team_ids:
        raise SystemExit("No helpdesk team has the address %s@..." % alias)
    return team_ids[0]


def customer(odoo, email, name):
    """The contact with this address (any case), or a new one."""
    Partner = odoo.env["res.partner"]
    found = Partner.search([("email", "=ilike", email)], limit=1)
    return found[0] if found else Partner.create({"name": name, "email": email})


def stage_of(odoo, team_id, state):
    """The first stage of the team with this status (new, progress, waiting,
    solved, cancelled): the team's own stages, else the shared ones."""
    Stage = odoo.env["crm.ticket.stage"]
    ids = Stage.search([("team_ids", "=", team_id), ("state", "=", state)], limit=1) or \
        Stage.search([("team_ids", "=", False), ("state", "=", state)], limit=1)
    return ids[0]


def run(odoo, team_id, partner_id):
    Ticket = odoo.env["crm.ticket"]
    ticket_id = Ticket.create({
        "name": "Commande 2027-0142 : article manquant",
        "description": "<p>Le colis reçu ne contenait que 2 cartons sur 3.</p>",
        "team_id": team_id, "partner_id": partner_id, "priority": "2", "channel": "web"})
    ticket = Ticket.browse(ticket_id)
    # an internal note: seen by the team only (no mail to the customer)
    message_id = ticket.message_post(body="Vu avec l'entrepôt : le 3e carton part demain.",
                                     message_type="comment", subtype="mail.mt_note")
    ticket.write({"stage_id": stage_of(odoo, team_id, "progress")})
    ticket.write({"stage_id": stage_of(odoo, team_id, "solved")})
    sla_fields = [name for name in Ticket.fields_get(attributes=["type"])
                  if name.startswith("sla_")]
    [values] = Ticket.read([ticket_id], ["number", "stage_state", "is_closed", "closed_date",
                                         "user_id", "crm_rating_text"] + sla_fields)
    [team] = odoo.env["crm.helpdesk.team"].read(
        [team_id], ["name", "crm_open_count", "crm_satisfaction", "crm_rating_count",
                    "crm_nps", "crm_nps_count"])
    surveys = odoo.env["mail.mail"].search_count([("model", "=", "crm.ticket"),
                                                 ("res_id", "=", ticket_id)])
    return {"ticket_id": ticket_id, "number": values["number"], "message_id": message_id,
            "state": values["stage_state"], "closed": values["is_closed"],
            "closed_date": values["closed_date"],
            "assigned_to": values["user_id"] and values["user_id"][1],
            "rating": values["crm_rating_text"], "survey_mails": surveys,
            "sla": {name: values[name] for name in sla_fields},
            "team": {key: team[key] for key in team if key != "id"}}


def main(argv=None):
    args = parse_args(argv)
    odoo = connect(args.url, args.db, args.user, args.password)
    team_id = team_by_alias(odoo, args.team)
    partner_id = customer(odoo, args.email, args.name)
    done = dict(run(odoo, team_id, partner_id), team_id=team_id, partner_id=partner_id)
    if args.json:
        print(json.dumps(done, ensure_ascii=False))
        return
    print("Ticket %s (id %d) for %s: %s, closed on %s" % (
        done["number"], done["ticket_id"], args.email, done["state"], done["closed_date"]))
    print("Satisfaction survey mails queued: %d" % done["survey_mails"])
    team = done["team"]
    print("%s: %d open tickets, %d %% satisfied (%d ratings), NPS %d (%d answers)" % (
        team["name"], team["crm_open_count"], team["crm_satisfaction"],
        team["crm_rating_count"], team["crm_nps"], team["crm_nps_count"]))


if __name__ == "__main__":
    main()
