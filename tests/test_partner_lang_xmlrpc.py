"""A contact created over XML-RPC without a language gets a sensible one
(crm_base, logic/partner_lang.py): French for a French address when French is
installed, its company's language otherwise, ours as a last resort; so the
quote page and the emails reach a French customer in French.

The test installs French on the test database if it is not (as scripts/run
does for the demo database) and deactivates it again afterwards.
"""
import uuid
from urllib.parse import urlsplit

import pytest

from test_crm_sales_quote_http import Client


@pytest.fixture(scope="module")
def french(odoo_server):
    server = odoo_server
    installed = server.execute("res.lang", "search", [("code", "=", "fr_FR")])
    if not installed:
        wizard = server.execute("base.language.install", "create", {"lang": "fr_FR"})
        server.execute("base.language.install", "lang_install", [wizard])
    yield server
    if not installed:
        french_ids = server.execute("res.lang", "search", [("code", "=", "fr_FR")])
        server.execute("res.lang", "write", french_ids, {"active": False})


def create_partner(server, values):
    partner_id = server.execute("res.partner", "create", values)
    return server.execute("res.partner", "read", [partner_id], ["lang"])[0]["lang"], partner_id


def test_a_company_with_a_french_address_and_no_language_gets_french(french):
    lang, _id = create_partner(french, {
        "name": "Boulangerie Pérou %s" % uuid.uuid4().hex[:6], "is_company": True,
        "city": "Lyon", "country_id": french.ref("base.fr")})
    assert lang == "fr_FR"
    lang, _id = create_partner(french, {
        "name": "Rhum Vieux %s" % uuid.uuid4().hex[:6], "is_company": True,
        "city": "Saint-Denis", "country_id": french.ref("base.re")})
    assert lang == "fr_FR"


def test_a_person_of_a_french_company_without_address_gets_french(french):
    _lang, company_id = create_partner(french, {
        "name": "Menuiserie Alsace %s" % uuid.uuid4().hex[:6], "is_company": True,
        "country_id": french.ref("base.fr")})
    lang, _id = create_partner(french, {"name": "Luc Meyer", "parent_id": company_id})
    assert lang == "fr_FR"


def test_an_address_abroad_takes_its_company_language_else_ours(french):
    ours = french.execute("res.company", "read", [french.ref("base.main_company")],
                          ["partner_id"])[0]["partner_id"][0]
    our_lang = french.execute("res.partner", "read", [ours], ["lang"])[0]["lang"]
    lang, company_id = create_partner(french, {
        "name": "Holzbau %s" % uuid.uuid4().hex[:6], "is_company": True,
        "country_id": french.ref("base.de"), "lang": "fr_FR"})
    assert lang == "fr_FR"  # a language given is kept, whatever the address
    lang, _id = create_partner(french, {"name": "Anna Weber", "parent_id": company_id,
                                        "country_id": french.ref("base.de")})
    assert lang == "fr_FR"  # the company's
    lang, _id = create_partner(french, {
        "name": "Brewery %s" % uuid.uuid4().hex[:6], "is_company": True,
        "country_id": french.ref("base.us")})
    assert lang == our_lang  # ours


def test_a_french_customer_reads_the_quote_page_and_email_in_french(french):
    server = french
    tag = uuid.uuid4().hex[:8]
    _lang, customer_id = create_partner(server, {
        "name": "Scierie des Vosges %s" % tag, "is_company": True, "city": "Épinal",
        "country_id": server.ref("base.fr")})
    _lang, contact_id = create_partner(server, {
        "name": "Claire Vosges", "parent_id": customer_id,
        "email": "claire.%s@scierie.example.fr" % tag})
    opportunity_id = server.execute("crm.opportunity", "create", {
        "name": "Bardage atelier %s" % tag, "partner_id": customer_id,
        "contact_id": contact_id, "expected_revenue": 3400})
    quote_id = server.execute("crm.quote", "create", {
        "opportunity_id": opportunity_id, "partner_id": customer_id,
        "contact_id": contact_id,
        "line_ids": [(0, 0, {"name": "Bardage mélèze", "quantity": 40, "price_unit": 85.0,
                             "vat_rate": "20"})]})
    server.execute("crm.quote", "action_mark_sent", [quote_id])
    quote = server.execute("crm.quote", "read", [quote_id], ["share_url", "display_name"])[0]
    status, _headers, page = Client(server.url).get(urlsplit(quote["share_url"]).path)
    assert status == 200
    assert "Signer le devis" in page.decode() and "Sign the quote" not in page.decode()
    template_id = server.ref("crm_sales.crm_quote_mail_template")
    mail = server.execute("mail.template", "generate_email", [template_id], quote_id,
                          ["subject"])
    assert "Devis %s" % quote["display_name"] in mail["subject"]
