#!/usr/bin/env python3
"""An integration talking to CRM Projects through the external API (odoorpc).

It does what a back-office connector does once a customer has signed: turns
the signed quote into a project (a task per priced line, hours from the
line's unit, phases from its sections), assigns the tasks, reads them with
their hours, phases, dependencies and planned dates, logs time on a task
(a timesheet line, account.analytic.line) and reads how far the project is.
See docs/api.md, "Projects".

    pip install odoorpc
    python docs/examples/crm_projects_api.py --url http://localhost:8069 \\
        --db crm_demo --user admin --password admin

Without --quote it first makes a won opportunity and its quote, and records
the customer's signature on paper (as a salesperson does for a quote signed
by hand): run it on a test database. With --quote ID it uses that signed
quote; running it twice gives the same project.
"""
import argparse
import datetime
import json
import urllib.parse

import odoorpc


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://localhost:8069", help="server URL")
    parser.add_argument("--db", required=True, help="database name")
    parser.add_argument("--user", default="admin", help="login")
    parser.add_argument("--password", default="admin", help="password")
    parser.add_argument("--quote", type=int, help="id of a signed quote (default: make one)")
    parser.add_argument("--customer", default="Cuisines Morel",
                        help="name of the customer of the quote made without --quote")
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


def signed_quote(odoo, customer_name):
    """A won opportunity and its quote, signed: sections become phases, lines
    in hours, days and units become tasks."""
    partner_id = odoo.env["res.partner"].create({"name": customer_name, "is_company": True,
                                                 "customer": True})
    Opportunity = odoo.env["crm.opportunity"]
    opp_id = Opportunity.create({"name": "Rénovation de la cuisine", "partner_id": partner_id,
                                 "expected_revenue": 3960.0})
    Opportunity.browse(opp_id).action_set_won()
    Quote = odoo.env["crm.quote"]
    quote_id = Quote.create({
        "opportunity_id": opp_id, "partner_id": partner_id,
        "line_ids": [
            (0, 0, {"display_type": "line_section", "name": "Préparation", "sequence": 10}),
            (0, 0, {"name": "Dépose de l'ancienne cuisine", "quantity": 6, "unit": "hour",
                    "price_unit": 45, "sequence": 20}),
            (0, 0, {"name": "Plomberie et électricité", "quantity": 1, "unit": "day",
                    "price_unit": 380, "sequence": 30}),
            (0, 0, {"display_type": "line_section", "name": "Pose", "sequence": 40}),
            (0, 0, {"name": "Pose des meubles et du plan de travail", "quantity": 3,
                    "unit": "day", "price_unit": 420, "sequence": 50}),
            (0, 0, {"name": "Hotte aspirante", "quantity": 1, "unit": "unit",
                    "price_unit": 650, "sequence": 60}),
        ]})
    # signed on paper: the salesperson records it (the e-signature page does
    # the same when the customer signs online)
    Quote.browse(quote_id).write({"state": "signed", "signer_name": "Paul Morel"})
    return quote_id, opp_id, partner_id


def run(odoo, quote_id):
    done = {"quote_id": quote_id}
    # 1. the project: the same call twice answers the same project
    action = odoo.env["crm.quote"].action_crm_create_project([quote_id])
    project_id = action["res_id"]
    done["project_id"] = project_id
    [project] = odoo.env["project.project"].read([project_id], [
        "name", "partner_id", "crm_sold_amount", "crm_phase_ids", "analytic_account_id"])
    done["project_name"] = project["name"]
    done["sold_amount"] = project["crm_sold_amount"]

    # 2. its tasks: hours from the quote line's unit, phase, what they wait for
    Task = odoo.env["project.task"]
    tasks = Task.search_read([("project_id", "=", project_id)], [
        "name", "crm_sold_hours", "planned_hours", "crm_phase_id", "crm_dependency_ids",
        "crm_user_ids", "crm_planned_start", "crm_planned_end"], order="sequence, id")
    done["tasks"] = [{"id": t["id"], "name": t["name"], "hours": t["planned_hours"],
                      "phase": t["crm_phase_id"] and t["crm_phase_id"][1]} for t in tasks]
    dependencies = odoo.env["crm.task.dependency"].search_read(
        [("task_id.project_id", "=", project_id)], ["task_id", "depends_on_id", "lag_days"])
    done["dependencies"] = [(d["task_id"][1], d["depends_on_id"][1]) for d in dependencies]

    # 3. who does what: assign every task to the caller (crm_user_ids; Odoo's
    #    user_id is the first assignee)
    uid = odoo.env.uid
    Task.write([t["id"] for t in tasks], {"crm_user_ids": [(6, 0, [uid])], "user_id": uid})

    # 4. time spent on the first task: a timesheet line of 2.5 hours
    first = tasks[0]
    line_id = odoo.env["account.analytic.line"].create({
        "name": "Dépose et évacuation", "project_id": project_id, "task_id": first["id"],
        "date": datetime.date.today().strftime("%Y-%m-%d"), "unit_amount": 2.5,
        "user_id": uid})
    done["timesheet_id"] = line_id
    [task] = Task.read([first["id"]], ["effective_hours", "remaining_hours"])
    done["first_task_spent"] = task["effective_hours"]

    # 5. how far the project is (what the customer sees on its portal)
    [project] = odoo.env["project.project"].read([project_id], [
        "crm_progress", "crm_progress_planned_hours", "crm_progress_spent_hours",
        "crm_next_phase_id", "crm_next_milestone_date"])
    done["progress"] = project["crm_progress"]
    done["planned_hours"] = project["crm_progress_planned_hours"]
    done["spent_hours"] = project["crm_progress_spent_hours"]
    return done


def main(argv=None):
    args = parse_args(argv)
    odoo = connect(args.url, args.db, args.user, args.password)
    made = {}
    quote_id = args.quote
    if not quote_id:
        quote_id, made["opportunity_id"], made["partner_id"] = signed_quote(odoo, args.customer)
    done = dict(run(odoo, quote_id), **made)
    if args.json:
        print(json.dumps(done, ensure_ascii=False))
        return
    print("Project «%s» (id %d), sold %.2f excl. VAT" % (
        done["project_name"], done["project_id"], done["sold_amount"]))
    for task in done["tasks"]:
        print("  %-45s %6.2f h  %s" % (task["name"], task["hours"], task["phase"] or ""))
    for task, before in done["dependencies"]:
        print("  «%s» waits for «%s»" % (task, before))
    print("2.5 h logged; %.2f h spent of %.2f h planned (%.1f %% done)" % (
        done["spent_hours"], done["planned_hours"], done["progress"]))


if __name__ == "__main__":
    main()
