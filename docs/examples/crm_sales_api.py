#!/usr/bin/env python3
"""An integration talking to CRM Sales through the external API (odoorpc).

It does what a website form or an ERP connector does: finds or creates a
company by its SIRET and a contact by their email, opens an opportunity,
makes a quote with lines, moves the opportunity to the next stage of its
pipeline, and prints what it did. See docs/api.md.

    pip install odoorpc
    python docs/examples/crm_sales_api.py --url http://localhost:8069 \\
        --db crm_demo --user admin --password admin

odoorpc speaks JSON-RPC (/jsonrpc) to the same server as XML-RPC: the models,
methods, fields and access rights are the same.
"""
import argparse
import datetime
import json
import sys
import urllib.parse

import odoorpc

# A fictional company: its SIREN and SIRET carry valid Luhn check digits (the
# suite refuses a wrong one).
DEFAULT_SIRET = "84215739800012"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://localhost:8069", help="server URL")
    parser.add_argument("--db", required=True, help="database name")
    parser.add_argument("--user", default="admin", help="login")
    parser.add_argument("--password", default="admin", help="password")
    parser.add_argument("--siret", default=DEFAULT_SIRET,
                        help="SIRET of the company (found, else created)")
    parser.add_argument("--company", default="Ébénisterie Marchal",
                        help="name of the company when it is created")
    parser.add_argument("--json", action="store_true",
                        help="print a JSON summary (ids) instead of sentences")
    return parser.parse_args(argv)


def connect(url, db, user, password):
    """Log in; odoorpc takes a host, a protocol and a port, not a URL."""
    parts = urllib.parse.urlsplit(url)
    ssl = parts.scheme == "https"
    odoo = odoorpc.ODOO(parts.hostname, protocol="jsonrpc+ssl" if ssl else "jsonrpc",
                        port=parts.port or (443 if ssl else 80), timeout=60)
    odoo.login(db, user, password)
    return odoo


def find_or_create_company(odoo, siret, name):
    Partner = odoo.env["res.partner"]
    # SIRETs are stored as digits: search with the digits only
    digits = "".join(c for c in siret if c.isdigit())
    ids = Partner.search([("siret", "=", digits), ("is_company", "=", True)], limit=1)
    if ids:
        return ids[0], False
    company_id = Partner.create({
        "name": name,
        "is_company": True,
        "siret": siret,              # the SIREN is filled from the SIRET
        "legal_form": "sarl",
        "naf_code": "31.09B",
        "street": "14 rue des Artisans",
        "zip": "54000",
        "city": "Nancy",
        "country_id": odoo.env.ref("base.fr").id,
        "email": "contact@ebenisterie-marchal.example",
        "phone": "+33 3 53 01 00 00",
        "crm_relationship_type_ids": [
            (6, 0, [odoo.env.ref("crm_base.relationship_type_prospect").id])],
        "crm_source_id": odoo.env.ref("crm_base.utm_source_website").id,
    })
    return company_id, True


def find_or_create_contact(odoo, company_id, name, email, function):
    Partner = odoo.env["res.partner"]
    ids = Partner.search([("parent_id", "=", company_id), ("email", "=ilike", email)], limit=1)
    if ids:
        return ids[0], False
    return Partner.create({"name": name, "parent_id": company_id, "email": email,
                           "function": function, "phone": "+33 3 53 01 00 01"}), True


def next_stage(odoo, opportunity):
    """The open stage after the opportunity's, in its team's pipeline (the
    stages without a team are shared by every pipeline)."""
    domain = [("is_won", "=", False), ("is_lost", "=", False)]
    if opportunity.team_id:
        domain += ["|", ("team_id", "=", False), ("team_id", "=", opportunity.team_id.id)]
    else:
        domain += [("team_id", "=", False)]
    stages = odoo.env["crm.opportunity.stage"].search_read(domain, ["name", "sequence"],
                                                           order="sequence, id")
    ids = [stage["id"] for stage in stages]
    current = opportunity.stage_id.id
    if current not in ids or ids.index(current) + 1 == len(ids):
        return None
    return stages[ids.index(current) + 1]


def run(odoo, siret, company_name):
    done = {}
    company_id, done["company_created"] = find_or_create_company(odoo, siret, company_name)
    contact_id, done["contact_created"] = find_or_create_contact(
        odoo, company_id, "Léa Marchal", "lea.marchal@ebenisterie-marchal.example", "Gérante")
    done.update(company_id=company_id, contact_id=contact_id)

    # the opportunity: without a team or stage, the user's team and its first stage
    close = datetime.date.today() + datetime.timedelta(days=45)
    Opportunity = odoo.env["crm.opportunity"]
    opportunity_id = Opportunity.create({
        "name": "Site vitrine et catalogue en ligne",
        "partner_id": company_id,
        "contact_id": contact_id,
        "expected_revenue": 8400.0,
        "expected_close_date": close.strftime("%Y-%m-%d"),
        "payment_term_id": odoo.env.ref("crm_sales.crm_payment_term_45_eom").id,
        "priority": "2",
        "source_id": odoo.env.ref("crm_base.utm_source_website").id,
        "description": "<p>Demande reçue par le formulaire du site.</p>",
    })
    done["opportunity_id"] = opportunity_id

    # a quote with a section, priced lines and a note
    Quote = odoo.env["crm.quote"]
    quote_id = Quote.create({
        "opportunity_id": opportunity_id,
        "partner_id": company_id,
        "contact_id": contact_id,
        "payment_term_id": odoo.env.ref("crm_sales.crm_payment_term_45_eom").id,
        "line_ids": [
            (0, 0, {"display_type": "line_section", "name": "Site vitrine"}),
            (0, 0, {"name": "Maquettes et charte graphique", "quantity": 3, "unit": "day",
                    "price_unit": 600.0, "vat_rate": "20"}),
            (0, 0, {"name": "Intégration et mise en ligne", "quantity": 8, "unit": "day",
                    "price_unit": 600.0, "vat_rate": "20"}),
            (0, 0, {"name": "Hébergement et maintenance", "quantity": 12, "unit": "month",
                    "price_unit": 45.0, "discount": 10.0, "vat_rate": "20"}),
            (0, 0, {"display_type": "line_note",
                    "name": "Mise en ligne six semaines après l'accord sur les maquettes."}),
        ],
    })
    done["quote_id"] = quote_id
    [quote] = Quote.read([quote_id], ["name", "amount_untaxed", "amount_tax", "amount_total"])
    done["quote"] = quote

    # move the opportunity on: the probability follows the stage
    opportunity = Opportunity.browse(opportunity_id)
    done["stage_before"] = opportunity.stage_id.name
    stage = next_stage(odoo, opportunity)
    if stage:
        opportunity.write({"stage_id": stage["id"]})
    [opp] = Opportunity.read([opportunity_id], ["stage_id", "probability", "weighted_revenue",
                                                "expected_payment_date", "team_id"])
    done["opportunity"] = opp
    return done


def report(done):
    quote, opp = done["quote"], done["opportunity"]
    lines = [
        "Company #%d %s" % (done["company_id"],
                            "created" if done["company_created"] else "found by its SIRET"),
        "Contact #%d %s" % (done["contact_id"],
                            "created" if done["contact_created"] else "found by their email"),
        "Opportunity #%d in the pipeline of %s" % (
            done["opportunity_id"], opp["team_id"][1] if opp["team_id"] else "no team"),
        "Quote %s: %.2f excl. VAT, %.2f VAT, %.2f incl. VAT" % (
            quote["name"], quote["amount_untaxed"], quote["amount_tax"], quote["amount_total"]),
        "Opportunity moved from %s to %s: probability %.0f %%, weighted %.2f, "
        "payment expected %s" % (
            done["stage_before"], opp["stage_id"][1], opp["probability"], opp["weighted_revenue"],
            opp["expected_payment_date"]),
    ]
    return "\n".join(lines)


def main(argv=None):
    args = parse_args(argv)
    try:
        odoo = connect(args.url, args.db, args.user, args.password)
        done = run(odoo, args.siret, args.company)
    except odoorpc.error.RPCError as error:
        # the server refused: access rights, a wrong SIRET, a locked quote...
        print("The server refused: %s" % error, file=sys.stderr)
        return 1
    print(json.dumps(done, indent=2, ensure_ascii=False) if args.json else report(done))
    return 0


if __name__ == "__main__":
    sys.exit(main())
