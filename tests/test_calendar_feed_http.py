"""End to end: the secret ICS address of a user fetched over HTTP from a real
Odoo server, as Google Calendar or Outlook would, and parsed with vobject."""
import datetime
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import vobject


def get(url, method="GET"):
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def test_ics_feed_over_http(odoo_server):
    server = odoo_server
    admin_id = server.uid()
    partner_id = server.execute("res.partner", "create", {
        "name": "Jeanne Flux", "email": "jeanne.flux@acme-industrie.fr"})
    [admin] = server.execute("res.users", "read", [admin_id], ["partner_id"])
    admin_partner = admin["partner_id"][0]
    start = (datetime.datetime.utcnow() + datetime.timedelta(days=3)).replace(
        hour=9, minute=0, second=0, microsecond=0)
    event_id = server.execute("calendar.event", "create", {
        "name": "Démo flux ICS", "location": "Rennes", "description": "Ordre du jour",
        "start": start.strftime("%Y-%m-%d %H:%M:%S"),
        "stop": (start + datetime.timedelta(hours=1, minutes=30)).strftime("%Y-%m-%d %H:%M:%S"),
        "partner_ids": [(6, 0, [admin_partner, partner_id])]},
        context={"no_mail_to_attendees": True})
    try:
        server.execute("res.users", "action_crm_ics_regenerate", [admin_id])
        url = server.execute("res.users", "read", [admin_id], ["crm_ics_url"])[0]["crm_ics_url"]
        path = urlsplit(url).path
        assert path.startswith("/crm/calendar/") and path.endswith(".ics")

        status, headers, body = get(server.url + path)
        assert status == 200
        assert headers["Content-Type"].startswith("text/calendar")
        cal = vobject.readOne(body.decode("utf-8"))
        # times are written in the user's time zone, with its VTIMEZONE
        user_tz = server.execute("res.users", "read", [admin_id], ["tz"])[0]["tz"] or "Europe/Paris"
        assert cal.vtimezone.tzid.value == user_tz
        events = [e for e in cal.vevent_list if e.summary.value == "Démo flux ICS"]
        assert len(events) == 1
        event = events[0]
        assert event.location.value == "Rennes"
        assert event.description.value == "Ordre du jour"
        assert event.dtstart.value.astimezone(datetime.timezone.utc).replace(tzinfo=None) == start
        assert "mailto:jeanne.flux@acme-industrie.fr" in [
            a.value for a in event.contents["attendee"]]
        uid = event.uid.value
        # the UID does not change from one fetch to the next
        again = vobject.readOne(get(server.url + path)[2].decode("utf-8"))
        assert uid in [e.uid.value for e in again.vevent_list]

        # wrong, truncated and revoked tokens: the same bare 404
        token = path[len("/crm/calendar/"):-len(".ics")]
        answers = [get(server.url + "/crm/calendar/%s.ics" % bad)
                   for bad in ("x" * len(token), token[:-1], token + "a")]
        assert {a[0] for a in answers} == {404}
        assert len({a[2] for a in answers}) == 1
        assert b"Jeanne" not in answers[0][2]
        server.execute("res.users", "action_crm_ics_regenerate", [admin_id])
        revoked = get(server.url + path)
        assert revoked[0] == 404 and revoked[2] == answers[0][2]
    finally:
        server.execute("calendar.event", "unlink", [event_id])
        server.execute("res.users", "action_crm_ics_revoke", [admin_id])
