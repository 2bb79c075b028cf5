"""The API example of docs/examples/crm_sales_api.py works against a real
server, and the errors docs/api.md describes are the ones integrations get.

The script runs as a subprocess (as an integrator would run it) against the
`odoo_server` fixture; what it created is then checked over XML-RPC and
removed.
"""
import functools
import json
import random
import xmlrpc.client

import pytest

import api_example


def _luhn_ok(digits):
    total = 0
    for i, char in enumerate(reversed(digits)):
        n = int(char) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def _with_key(prefix):
    return next(prefix + str(k) for k in range(10) if _luhn_ok(prefix + str(k)))


def random_siret():
    """A valid SIRET no one has: random SIREN and NIC, each with its Luhn key."""
    siren = _with_key("9%07d" % random.randrange(10 ** 7))
    return _with_key(siren + "%04d" % random.randrange(1, 10 ** 4))


run_example = functools.partial(api_example.run_example, "crm_sales_api.py")


@pytest.fixture
def cleanup(odoo_server):
    """Ids to remove at the end, by model (removed in this order)."""
    created = {"crm.quote": [], "crm.opportunity": [], "res.partner": []}
    yield created
    for model, ids in created.items():
        if ids:
            odoo_server.execute(model, "unlink", sorted(set(ids), reverse=True))


def test_api_example_creates_and_moves(odoo_server, cleanup):
    ex = odoo_server.execute
    siret = random_siret()
    company_name = "Ébénisterie Test %s" % siret[-5:]
    result = run_example(odoo_server, "--siret", siret, "--company", company_name, "--json")
    assert result.returncode == 0, result.stderr
    done = json.loads(result.stdout)
    cleanup["crm.quote"].append(done["quote_id"])
    cleanup["crm.opportunity"].append(done["opportunity_id"])
    cleanup["res.partner"] += [done["contact_id"], done["company_id"]]
    assert done["company_created"] and done["contact_created"]

    # the company, with its legal identity, and its contact
    [company] = ex("res.partner", "read", [done["company_id"]],
                   ["name", "is_company", "siret", "siren", "city", "crm_relationship_type_ids"])
    assert (company["name"], company["is_company"], company["siret"], company["siren"]) == (
        company_name, True, siret, siret[:9])
    assert company["city"] == "Nancy" and company["crm_relationship_type_ids"]
    [contact] = ex("res.partner", "read", [done["contact_id"]], ["name", "parent_id", "email"])
    assert contact["parent_id"][0] == done["company_id"]
    assert contact["email"] == "lea.marchal@ebenisterie-marchal.example"

    # the opportunity, moved to the stage after the first one of its pipeline
    [opp] = ex("crm.opportunity", "read", [done["opportunity_id"]],
               ["partner_id", "contact_id", "team_id", "stage_id", "probability", "state",
                "expected_revenue", "weighted_revenue", "quote_count", "expected_payment_date"])
    team_id = opp["team_id"][0]
    pipeline = ex("crm.opportunity.stage", "search_read",
                  ["|", ("team_id", "=", False), ("team_id", "=", team_id),
                   ("is_won", "=", False), ("is_lost", "=", False)],
                  ["name", "probability"], order="sequence, id")
    assert done["stage_before"] == pipeline[0]["name"]
    assert opp["stage_id"][0] == pipeline[1]["id"]
    assert opp["probability"] == pipeline[1]["probability"]
    assert opp["state"] == "open"
    assert (opp["partner_id"][0], opp["contact_id"][0]) == (done["company_id"], done["contact_id"])
    assert opp["expected_revenue"] == 8400.0
    assert opp["weighted_revenue"] == pytest.approx(8400.0 * pipeline[1]["probability"] / 100)
    assert opp["quote_count"] == 1
    assert opp["expected_payment_date"][8:] in ("28", "29", "30", "31")  # 45 days end of month

    # the quote and its lines
    [quote] = ex("crm.quote", "read", [done["quote_id"]],
                 ["opportunity_id", "partner_id", "state", "line_ids", "amount_untaxed",
                  "amount_tax", "amount_total", "name"])
    assert quote["opportunity_id"][0] == done["opportunity_id"]
    assert quote["state"] == "draft"
    assert quote["name"] == done["quote"]["name"] and quote["name"].startswith("DEV-")
    lines = ex("crm.quote.line", "read", quote["line_ids"],
               ["display_type", "name", "quantity", "unit", "price_unit", "discount",
                "price_subtotal"])
    assert ([line["display_type"] for line in lines]
            == ["line_section", False, False, False, "line_note"])
    assert [line["unit"] for line in lines if not line["display_type"]] == ["day", "day", "month"]
    # 3 x 600 + 8 x 600 + 12 x 45 less 10 %
    assert ((quote["amount_untaxed"], quote["amount_tax"], quote["amount_total"])
            == (7086.0, 1417.2, 8503.2))

    # run again: the company and the contact are found, a new deal is opened
    again = run_example(odoo_server, "--siret", siret, "--company", company_name)
    assert again.returncode == 0, again.stderr
    assert "found by its SIRET" in again.stdout and "found by their email" in again.stdout
    assert "Quote DEV-" in again.stdout and "moved from %s to %s" % (
        pipeline[0]["name"], pipeline[1]["name"]) in again.stdout
    assert ex("res.partner", "search_count", [("siret", "=", siret)]) == 1
    opportunities = ex("crm.opportunity", "search", [("partner_id", "=", done["company_id"])])
    cleanup["crm.opportunity"] += opportunities
    cleanup["crm.quote"] += ex("crm.quote", "search", [("opportunity_id", "in", opportunities)])
    assert len(opportunities) == 2


def test_api_example_reports_a_refusal(odoo_server):
    result = run_example(odoo_server, "--siret", random_siret(), password="wrong-password")
    assert result.returncode == 1
    assert "The server refused" in result.stderr
    assert result.stdout == ""


def test_errors_are_faults_as_documented(odoo_server, cleanup):
    """docs/api.md, "Errors": the fault codes an integration must handle."""
    ex = odoo_server.execute
    # a wrong SIRET: the constraint's message, in a fault of code 1
    with pytest.raises(xmlrpc.client.Fault) as fault:
        ex("res.partner", "create", {"name": "Mauvais SIRET", "is_company": True,
                                     "siret": "84215739800013"})
    assert fault.value.faultCode == 1
    assert "ValidationError" in fault.value.faultString
    assert "The SIRET 84215739800013 of Mauvais SIRET is not valid" in fault.value.faultString
    # a business rule (UserError): code 2, the message alone
    company = ex("res.partner", "create", {"name": "Client des erreurs", "is_company": True})
    cleanup["res.partner"].append(company)
    quote = ex("crm.quote", "create", {"partner_id": company, "line_ids": [
        (0, 0, {"name": "Formation Excel", "quantity": 3, "unit": "day", "price_unit": 950})]})
    cleanup["crm.quote"].append(quote)
    ex("crm.quote", "write", [quote], {"state": "signed"})
    with pytest.raises(xmlrpc.client.Fault) as fault:
        ex("crm.quote", "write", [quote], {"validity_date": "2030-01-01"})
    assert fault.value.faultCode == 2
    message = fault.value.faultString
    assert message.startswith("The quote ") and "signed or refused" in message
    ex("crm.quote", "write", [quote], {"state": "cancel"})   # a cancelled quote can be deleted
    # a record deleted meanwhile: code 2 as well
    with pytest.raises(xmlrpc.client.Fault) as fault:
        ex("crm.opportunity", "write", [2 ** 31 - 1], {"name": "x"})
    assert fault.value.faultCode == 2
    assert "Record does not exist or has been deleted" in fault.value.faultString
    # a wrong password: authenticate answers False, a call fails with code 3
    common = odoo_server.xmlrpc("common")
    assert common.authenticate(odoo_server.db, "admin", "wrong-password", {}) is False
    with pytest.raises(xmlrpc.client.Fault) as fault:
        odoo_server.xmlrpc("object").execute_kw(odoo_server.db, 1, "wrong-password",
                                                "crm.opportunity", "search", [[]])
    assert fault.value.faultCode == 3
