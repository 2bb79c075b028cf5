"""End to end: the customer's one-click answers on a real Odoo server, over
HTTP as a mail reader's browser does it: the rating link of the mail sent
when a ticket is solved (Odoo's /rating/<token>/<score> under our runtime),
then the comment form, both shown on the ticket; the NPS links (a second
click changes the score), the comment, and a wrong link answered 404.

Each test makes its team, customer and ticket over XML-RPC (as admin)."""
import re
import uuid
from urllib.parse import urlsplit

from test_crm_billing_portal_http import text_of
from test_crm_sales_quote_http import Client, csrf_token


def team_and_customer(server, tag):
    team_id = server.execute("crm.helpdesk.team", "create", {
        "name": "Support HTTP %s" % tag, "alias_name": "support-http-%s" % tag,
        "assign_method": "manual"})
    partner_id = server.execute("res.partner", "create", {
        "name": "Client HTTP %s" % tag, "email": "client.%s@example.fr" % tag,
        "lang": "en_US"})
    return team_id, partner_id


def path_of(url):
    parts = urlsplit(url)
    return parts.path


def test_the_rating_link_of_the_mail_records_the_vote_and_the_comment_on_the_ticket(
        odoo_server):
    server = odoo_server
    offset = server.log_offset()
    tag = uuid.uuid4().hex[:8]
    team_id, partner_id = team_and_customer(server, tag)
    ticket_id = server.execute("crm.ticket", "create", {
        "name": "Colis non reçu", "team_id": team_id, "partner_id": partner_id})
    server.execute("crm.ticket", "write", [ticket_id],
                   {"stage_id": server.ref("crm_helpdesk.stage_solved")})
    [mail] = server.execute("mail.mail", "search_read",
                            [("model", "=", "crm.ticket"), ("res_id", "=", ticket_id)],
                            ["subject", "body_html"])
    [ticket] = server.execute("crm.ticket", "read", [ticket_id], ["number"])
    assert mail["subject"].startswith("[%s] " % ticket["number"])
    links = re.findall(r'href="([^"]*/rating/[0-9a-f]+/(?:10|5|1))"', mail["body_html"])
    assert len(links) == 3 and all(link.startswith("http") for link in links)
    not_satisfied = [link for link in links if link.endswith("/5")][0]

    client = Client(server.url)
    status, _headers, page = client.get(path_of(not_satisfied))
    assert status == 200, page[:500]
    assert "not satisfied" in text_of(page)
    [ticket] = server.execute("crm.ticket", "read", [ticket_id], ["crm_rating_text"])
    assert ticket["crm_rating_text"] == "not_satisfied"

    status, _headers, page = client.post(path_of(not_satisfied) + "/submit_feedback", {
        "feedback": "Il a fallu relancer deux fois.", "csrf_token": csrf_token(page)})
    assert status == 200, page[:500]
    [ticket] = server.execute("crm.ticket", "read", [ticket_id],
                              ["crm_rating_text", "crm_rating_feedback", "message_ids"])
    assert ticket["crm_rating_feedback"] == "Il a fallu relancer deux fois."
    [message] = server.execute("mail.message", "read", ticket["message_ids"][:1], ["body"])
    assert "Il a fallu relancer deux fois." in message["body"]
    assert server.log_problems(offset) == []


def test_the_nps_links_record_one_answer_whose_score_a_second_click_changes(odoo_server):
    server = odoo_server
    offset = server.log_offset()
    tag = uuid.uuid4().hex[:8]
    team_id, partner_id = team_and_customer(server, tag)
    survey_id = server.execute("crm.helpdesk.nps.survey", "create", {
        "team_id": team_id, "rule": "tickets", "interval": 1})
    ticket_id = server.execute("crm.ticket", "create", {
        "name": "Écran noir", "team_id": team_id, "partner_id": partner_id})
    server.execute("crm.ticket", "write", [ticket_id],
                   {"stage_id": server.ref("crm_helpdesk.stage_solved")})
    [response] = server.execute("crm.helpdesk.nps.response", "search_read",
                                [("survey_id", "=", survey_id)], ["access_token"])
    [mail] = server.execute("mail.mail", "search_read",
                            [("model", "=", "crm.helpdesk.nps.response"),
                             ("res_id", "=", response["id"])], ["body_html"])
    links = re.findall(r'href="([^"]*/helpdesk/nps/[0-9a-f]+/\d+)"', mail["body_html"])
    assert [int(link.rsplit("/", 1)[1]) for link in links] == list(range(11))

    client = Client(server.url)
    status, _headers, page = client.get(path_of(links[6]))
    assert status == 200, page[:500]
    assert "Your score: 6/10" in " ".join(text_of(page).split())
    status, _headers, page = client.get(path_of(links[9]))
    assert status == 200
    status, _headers, page = client.post(
        "/helpdesk/nps/%s/comment" % response["access_token"],
        {"comment": "Très réactifs", "csrf_token": csrf_token(page)})
    assert status == 200 and "Your comment has been recorded" in text_of(page)
    answers = server.execute("crm.helpdesk.nps.response", "search_read",
                             [("survey_id", "=", survey_id)],
                             ["score", "category", "comment", "state"])
    assert [(a["score"], a["category"], a["comment"], a["state"]) for a in answers] == [
        (9, "promoter", "Très réactifs", "answered")]

    assert client.get("/helpdesk/nps/%s/11" % response["access_token"])[0] == 404
    assert client.get("/helpdesk/nps/%s/7" % ("0" * 32))[0] == 404
    assert server.log_problems(offset) == []
