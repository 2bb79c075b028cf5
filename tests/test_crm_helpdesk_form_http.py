"""End to end, over HTTP against a real Odoo server: the public support form
of a team (a ticket, its thank-you page and the acknowledgement mail; a bot's
flood, its honeypot, bad files, an expired form: refused clearly, nothing
created), the customer's tickets on the portal, and a live chat session that
ends through im_livechat's own controller.

Each test makes its own team (its own rate-limit counters) over XML-RPC."""
import datetime
import html
import json
import re
import uuid

from test_crm_billing_portal_http import log_in, portal_customer, text_of
from test_crm_sales_quote_http import Client, csrf_token

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


def new_team(server, tag, **values):
    return server.execute("crm.helpdesk.team", "create", dict({
        "name": "Support HTTP %s" % tag, "alias_name": "support-http-%s" % tag,
        "web_form_enabled": True}, **values))


def multipart(fields, files=()):
    """A multipart/form-data body and its Content-Type."""
    boundary = "----crmhelpdesk%s" % uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(('--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n'
                      % (boundary, name, value)).encode("utf-8"))
    for name, filename, content in files:
        parts.append(('--%s\r\nContent-Disposition: form-data; name="%s"; filename="%s"\r\n'
                      'Content-Type: application/octet-stream\r\n\r\n'
                      % (boundary, name, filename)).encode("utf-8") + content + b"\r\n")
    parts.append(("--%s--\r\n" % boundary).encode())
    return b"".join(parts), "multipart/form-data; boundary=%s" % boundary


def submit(client, team_id, fields, files=(), token=None, lang="en-US,en;q=0.9"):
    status, _headers, page = client.get("/support/%d" % team_id)
    assert status == 200, page[:300]
    fields = dict(fields, csrf_token=token or csrf_token(page))
    body, content_type = multipart(fields, files)
    return client.request("/support/%d/submit" % team_id, data=body,
                          headers={"Content-Type": content_type, "Accept-Language": lang})


def request_fields(tag, **changes):
    return dict({"name": "Camille Lefèvre", "email": "camille.%s@example.fr" % tag,
                 "phone": "", "subject": "Facture en double %s" % tag,
                 "description": "Bonjour,\nj'ai reçu deux fois la facture de mars."}, **changes)


def tickets_of(server, team_id, fields=("number", "channel", "partner_id", "description")):
    ids = server.execute("crm.ticket", "search", [("team_id", "=", team_id)])
    return server.execute("crm.ticket", "read", ids, list(fields)) if ids else []


def test_a_visitor_sends_the_form_and_gets_a_ticket_number_and_a_mail(odoo_server, smtp_sink):
    server = odoo_server
    offset = server.log_offset()
    tag = uuid.uuid4().hex[:8]
    team_id = new_team(server, tag)
    client = Client(server.url)
    status, _headers, page = client.get("/support/%d" % team_id)
    assert status == 200
    assert "Contact support" in text_of(page)
    body, content_type = multipart(dict(request_fields(tag), csrf_token=csrf_token(page)),
                                   [("attachments", "facture.pdf", PDF)])
    status, _headers, page = client.request("/support/%d/submit" % team_id, data=body,
                                            headers={"Content-Type": content_type})
    assert status == 200, text_of(page)[:500]
    [ticket] = tickets_of(server, team_id)
    assert ticket["channel"] == "web"
    assert "Its number is %s" % ticket["number"] in " ".join(text_of(page).split())
    attachments = server.execute("ir.attachment", "search_count", [
        ("res_model", "=", "crm.ticket"), ("res_id", "=", ticket["id"])])
    assert attachments == 1
    # the same form sent again (a reload of the page): the same ticket, not another
    status, _headers, again = client.request("/support/%d/submit" % team_id, data=body,
                                             headers={"Content-Type": content_type})
    assert status == 200 and ticket["number"] in text_of(again)
    assert len(tickets_of(server, team_id)) == 1
    [mail] = smtp_sink.mails_to("camille.%s@example.fr" % tag)
    assert ticket["number"] in mail["Subject"]
    assert server.log_problems(offset) == []


def test_the_embedded_form_works_without_odoo_session_cookie(odoo_server):
    # in an <iframe> on the customer's site the browser sends no Odoo cookie
    server = odoo_server
    tag = uuid.uuid4().hex[:8]
    team_id = new_team(server, tag)
    status, _headers, page = Client(server.url).get("/support/%d?embed=1" % team_id)
    assert status == 200 and b'name="embed" value="1"' in page
    body, content_type = multipart(dict(request_fields(tag), embed="1",
                                        csrf_token=csrf_token(page)))
    status, _headers, page = Client(server.url).request(
        "/support/%d/submit" % team_id, data=body, headers={"Content-Type": content_type})
    assert status == 200, text_of(page)[:300]
    assert len(tickets_of(server, team_id)) == 1


def test_the_form_speaks_the_browser_language(odoo_server):
    server = odoo_server
    team_id = new_team(server, uuid.uuid4().hex[:8])
    french = server.execute("res.lang", "search_count", [("code", "=", "fr_FR")])
    for accept, lang in (("fr-FR,fr;q=0.9,en;q=0.5", "fr" if french else "en"),
                         ("en-GB,en;q=0.9", "en")):
        status, _headers, page = Client(server.url).request(
            "/support/%d" % team_id, headers={"Accept-Language": accept})
        assert status == 200 and ('<html lang="%s"' % lang).encode() in page, accept


def test_a_team_without_a_public_form_answers_404(odoo_server):
    team_id = new_team(odoo_server, uuid.uuid4().hex[:8], web_form_enabled=False)
    status, _headers, _page = Client(odoo_server.url).get("/support/%d" % team_id)
    assert status == 404
    status, _headers, _page = Client(odoo_server.url).get("/support/999999999")
    assert status == 404


def test_bad_input_is_refused_clearly_with_the_input_kept_and_nothing_created(odoo_server):
    server = odoo_server
    offset = server.log_offset()
    tag = uuid.uuid4().hex[:8]
    team_id = new_team(server, tag)
    client = Client(server.url)
    cases = [
        (request_fields(tag, email=""), [], "This field is required."),
        (request_fields(tag, description="x" * 20001), [], "This is too long"),
        (request_fields(tag), [("attachments", "devis.pdf", EXE)],
         "devis.pdf: programs are not accepted."),
        (request_fields(tag), [("attachments", "outil.exe", PDF)],
         "outil.exe: this kind of file is not accepted"),
    ]
    for fields, files, message in cases:
        status, _headers, page = submit(client, team_id, fields, files)
        assert status == 400, message
        assert message in text_of(page)
        assert 'value="%s"' % html.escape(fields["subject"]) in page.decode()
        assert fields["description"][:8] in text_of(page)   # the textarea keeps it
    # an expired form (wrong CSRF token) says so, it is not Odoo's bare 400
    status, _headers, page = submit(client, team_id, request_fields(tag), token="expired")
    assert status == 400 and "This form has expired" in text_of(page)
    assert tickets_of(server, team_id) == []
    assert server.log_problems(offset) == []


def test_a_bot_is_silently_dropped_by_the_honeypot_and_stopped_by_the_rate_limit(odoo_server):
    server = odoo_server
    tag = uuid.uuid4().hex[:8]
    team_id = new_team(server, tag)
    bot = Client(server.url)
    status, _headers, page = submit(bot, team_id, dict(request_fields(tag),
                                                       website_url="http://spam.example"))
    assert status == 200 and "Thank you" in text_of(page)
    assert tickets_of(server, team_id) == []
    answers = [submit(bot, team_id, request_fields("%s%d" % (tag, index)))[0]
               for index in range(7)]
    # the honeypot's submission counted too: 4 more pass, then 429
    assert answers == [200] * 4 + [429] * 3, answers
    assert len(tickets_of(server, team_id)) == 4
    status, _headers, page = submit(bot, team_id, request_fields(tag + "x"))
    assert status == 429 and "Too many requests" in text_of(page)


def test_hostile_html_in_the_form_is_stored_as_text(odoo_server):
    server = odoo_server
    tag = uuid.uuid4().hex[:8]
    team_id = new_team(server, tag)
    status, _headers, _page = submit(Client(server.url), team_id, request_fields(
        tag, subject="<img src=x onerror=alert(1)>",
        description="<script>alert(document.cookie)</script>"))
    assert status == 200
    [ticket] = tickets_of(server, team_id, ("name", "description"))
    assert "<script" not in ticket["description"]
    assert "&lt;script&gt;" in ticket["description"]


def test_a_portal_customer_sees_and_answers_their_company_tickets_only(odoo_server):
    server = odoo_server
    offset = server.log_offset()
    tag = uuid.uuid4().hex[:8]
    team_id = new_team(server, tag)
    mine = portal_customer(server, tag, "Boulangerie Ticket")
    other = portal_customer(server, tag, "Garage Ticket")
    waiting = server.ref("crm_helpdesk.stage_waiting")
    my_ticket = server.execute("crm.ticket", "create", {
        "name": "Four en panne %s" % tag, "team_id": team_id, "partner_id": mine["id"],
        "stage_id": waiting})
    other_ticket = server.execute("crm.ticket", "create", {
        "name": "Pneus %s" % tag, "team_id": team_id, "partner_id": other["id"]})
    [mine_number, other_number] = [t["number"] for t in server.execute(
        "crm.ticket", "read", [my_ticket, other_ticket], ["number"])]

    client = log_in(server, mine)
    status, _headers, page = client.get("/my/home")
    assert status == 200 and "Tickets" in text_of(page)
    status, _headers, page = client.get("/my/tickets")
    assert status == 200
    assert mine_number in text_of(page) and other_number not in text_of(page)
    status, headers, _page = client.get("/my/tickets/%d" % other_ticket)
    assert status in (302, 303) and headers["Location"].endswith("/my")
    status, _headers, page = client.get("/my/tickets/%d" % my_ticket)
    assert status == 200 and mine_number in text_of(page)
    status, headers, _page = client.post("/my/tickets/%d/reply" % my_ticket, {
        "message": "Voici la photo <b>du four</b>", "csrf_token": csrf_token(page)})
    assert status in (302, 303)
    [ticket] = server.execute("crm.ticket", "read", [my_ticket], ["stage_state"])
    assert ticket["stage_state"] == "progress"
    status, _headers, page = client.get(urlpath(headers["Location"]))
    assert "Voici la photo <b>du four</b>" in text_of(page)
    assert server.log_problems(offset) == []


def test_an_employee_without_helpdesk_accounting_or_project_rights_has_a_portal_home(
        odoo_server):
    """OCA's helpdesk_mgmt, and Odoo's own account and project counters of
    /my/home (runtime fixes portal_home_*_count_for_readers), answered 500."""
    server = odoo_server
    offset = server.log_offset()
    login = "interne.%s@example.fr" % uuid.uuid4().hex[:8]
    server.execute("res.users", "create", {
        "name": "Interne %s" % login, "login": login, "password": login,
        "groups_id": [(6, 0, [server.ref("base.group_user")])]},
        context={"no_reset_password": True})
    status, _headers, page = log_in(server, {"login": login, "password": login}).get("/my/home")
    assert status == 200 and "Tickets" not in text_of(page)
    assert server.log_problems(offset) == []


def urlpath(location):
    return re.sub(r"^https?://[^/]+", "", location)


def test_the_mail_link_opens_the_ticket_without_an_account(odoo_server):
    server = odoo_server
    tag = uuid.uuid4().hex[:8]
    team_id = new_team(server, tag)
    partner_id = server.execute("res.partner", "create", {
        "name": "Client %s" % tag, "email": "client.%s@example.fr" % tag})
    ticket_id = server.execute("crm.ticket", "create", {
        "name": "Lien %s" % tag, "team_id": team_id, "partner_id": partner_id})
    link = server.execute("crm.ticket", "crm_portal_link", [ticket_id])
    anonymous = Client(server.url)
    status, _headers, page = anonymous.get(urlpath(link))
    assert status == 200 and "Lien %s" % tag in text_of(page)
    status, _headers, _page = anonymous.get("/my/tickets/%d?access_token=wrong" % ticket_id)
    assert status in (302, 303)


def json_call(client, path, params):
    body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params, "id": 1})
    status, _headers, answer = client.request(path, data=body.encode(),
                                              headers={"Content-Type": "application/json"})
    assert status == 200, answer[:300]
    return json.loads(answer)


def test_a_live_chat_that_ends_becomes_one_ticket_even_without_a_contact(odoo_server):
    """Through im_livechat's own controllers, as the visitor's chat window
    calls them: open a session, write, close and rate it (twice)."""
    server = odoo_server
    offset = server.log_offset()
    tag = uuid.uuid4().hex[:8]
    operator_id = server.execute("res.users", "create", {
        "name": "Opératrice %s" % tag, "login": "operatrice.%s@example.fr" % tag,
        "groups_id": [(6, 0, [server.ref("crm_helpdesk.group_helpdesk_user")])]},
        context={"no_reset_password": True})
    # the operator is online (as the web client's polling would say)
    now = datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M:%S")
    server.execute("bus.presence", "create", {"user_id": operator_id, "last_poll": now,
                                              "last_presence": now, "status": "online"})
    livechat_id = server.execute("im_livechat.channel", "create", {
        "name": "Chat %s" % tag, "user_ids": [(6, 0, [operator_id])]})
    team_id = new_team(server, tag, livechat_channel_id=livechat_id)

    visitor = Client(server.url)
    session = json_call(visitor, "/im_livechat/get_session", {
        "channel_id": livechat_id, "anonymous_name": "Visiteur %s" % tag})["result"]
    assert session and session["uuid"], session
    answer = json_call(visitor, "/mail/chat_post", {
        "uuid": session["uuid"],
        "message_content": "Ma commande <script>alert(1)</script> n'arrive pas"})
    assert answer.get("result"), answer
    for _time in range(2):   # the visitor rates twice: still one ticket
        answer = json_call(visitor, "/im_livechat/feedback",
                           {"uuid": session["uuid"], "rate": 5})
        assert "error" not in answer, answer
    [ticket] = tickets_of(server, team_id, ("channel", "livechat_without_contact",
                                            "description", "name", "user_id", "partner_id"))
    assert ticket["channel"] == "chat" and ticket["livechat_without_contact"]
    assert not ticket["partner_id"] and ticket["user_id"][0] == operator_id
    assert "Visiteur %s" % tag in ticket["description"]
    assert "<script" not in ticket["description"]
    assert server.log_problems(offset) == []
