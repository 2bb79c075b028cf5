# -*- coding: utf-8 -*-
"""Import an .ics file (Google, Outlook, Apple...) into the user's agenda.

All or nothing: if one event cannot be read, nothing is imported and every
faulty event is listed. Each event is found again by its UID among the
meetings the user imported: importing the same file again updates them.
Attendees are matched to contacts by email; the others are listed in the
description (no contact is created). Invitations are not sent.
Recurring events keep their rule (Odoo expands it); an occurrence moved or
deleted in the file becomes an exception of the series.
"""
import base64
import datetime

from odoo import _, fields, models
from odoo.exceptions import UserError

from ..logic import ics

MAX_FILE_SIZE = 10 * 1024 * 1024
PARTSTAT_STATE = {"ACCEPTED": "accepted", "DECLINED": "declined",
                  "TENTATIVE": "tentative", "NEEDS-ACTION": "needsAction"}


class CrmIcsImport(models.TransientModel):
    _name = "crm.ics.import"
    _description = "Import a calendar file"

    file = fields.Binary(string="Calendar file (.ics)", required=True)
    filename = fields.Char(string="File name")
    state = fields.Selection([("draft", "Draft"), ("done", "Done")], default="draft")
    created_count = fields.Integer(string="Created", readonly=True)
    updated_count = fields.Integer(string="Updated", readonly=True)
    cancelled_count = fields.Integer(string="Cancelled", readonly=True)
    event_ids = fields.Many2many("calendar.event", string="Meetings", readonly=True)

    def _error_message(self, error):
        p = error.params
        messages = {
            "not_ics": _("This file is not an iCalendar (.ics) file."),
            "too_many": _("The file holds too many events (%(count)s, at most %(limit)s).") % p
            if error.code == "too_many" else "",
            "unreadable": _("unreadable (%s)") % p.get("reason", ""),
            "no_start": _("no start date"),
            "bad_date": _("invalid date: %s") % p.get("value", ""),
            "unknown_tz": _("unknown time zone \"%s\"") % p.get("tz", ""),
            "end_before_start": _("ends before it starts"),
            "bad_rrule": _("invalid recurrence \"%s\"") % p.get("rule", ""),
            "unsupported_rrule": _("recurrence not supported by the agenda \"%s\"")
            % p.get("rule", ""),
        }
        return messages.get(error.code) or error.code

    def action_import(self):
        self.ensure_one()
        if not self.file:
            raise UserError(_("Choose a calendar file (.ics) to import."))
        try:
            data = base64.b64decode(self.file)
        except (TypeError, ValueError):
            raise UserError(_("The file could not be read."))
        if len(data) > MAX_FILE_SIZE:
            raise UserError(_("The file is too large (at most %s MB).")
                            % (MAX_FILE_SIZE // (1024 * 1024)))
        tz = self.env.user.tz or ics.DEFAULT_TZ
        try:
            events, problems = ics.parse_calendar(data, tz)
        except ics.IcsError as e:
            raise UserError(self._error_message(e))
        if problems:
            lines = [_("Event %(index)s \"%(summary)s\": %(problem)s") % {
                "index": index, "summary": summary or _("(no title)"),
                "problem": self._error_message(error)} for index, summary, error in problems]
            raise UserError(_("Nothing was imported: correct these events and try again.") +
                            "\n" + "\n".join(lines))
        if not events:
            raise UserError(_("The file holds no event."))
        created, updated, cancelled, records = self._import_events(events)
        self.write({"state": "done", "created_count": created, "updated_count": updated,
                    "cancelled_count": cancelled, "event_ids": [(6, 0, records.ids)]})
        return {
            "type": "ir.actions.act_window", "res_model": self._name, "res_id": self.id,
            "view_mode": "form", "views": [(False, "form")], "target": "new",
            "name": _("Import a calendar file"),
        }

    def _import_events(self, events):
        user = self.env.user
        Event = self.env["calendar.event"].with_context(
            no_mail_to_attendees=True, dont_notify=True, virtual_id=False, active_test=False,
            tz=user.tz or ics.DEFAULT_TZ)
        keys = [event["key"] for event in events]
        existing = {e.crm_ics_uid: e for e in Event.search(
            [("crm_ics_uid", "in", keys), ("user_id", "=", user.id)])}
        partners = self._partners_by_email(events)
        created = updated = cancelled = 0
        records = Event.browse()
        masters = {}
        # series first, then the occurrences that were moved or cancelled
        for event in sorted(events, key=lambda ev: ev["recurrence_id"] is not None):
            record = existing.get(event["key"])
            master = masters.get(event["uid"]) if event["recurrence_id"] is not None else None
            if master is None and event["recurrence_id"] is not None:
                master = Event.search([("crm_ics_uid", "=", event["uid"]),
                                       ("user_id", "=", user.id),
                                       ("recurrency", "=", True)], limit=1)
            if event["recurrence_id"] is not None and master:
                self._add_exception(master, event["recurrence_id"])
            if event["cancelled"]:
                if record and record.active:
                    record.write({"active": False})
                    cancelled += 1
                continue
            values = self._event_values(event, partners)
            if record:
                if not values.get("recurrency") and record.recurrency:
                    values.update(recurrency=False, rrule="")
                record.write(values)
                updated += 1
            else:
                record = Event.create(values)
                created += 1
            self._set_my_state(record, event)
            records |= record
            if event["rrule"] and event["recurrence_id"] is None:
                masters[event["uid"]] = record
                self._reset_exceptions(record, event["exdates"])
        return created, updated, cancelled, records

    def _partners_by_email(self, events):
        emails = sorted({att[1] for event in events for att in event["attendees"] if att[1]})
        result = {}
        Partner = self.env["res.partner"]
        for chunk in [emails[i:i + 200] for i in range(0, len(emails), 200)]:
            domain = ["|"] * (len(chunk) - 1) + [("email", "=ilike", email) for email in chunk]
            for partner in Partner.search(domain, order="id"):
                result.setdefault((partner.email or "").strip().lower(), partner)
        return result

    def _event_values(self, event, partners):
        me = self.env.user.partner_id
        attendees = me
        others = []
        for name, email, _partstat in event["attendees"]:
            if email and email == (me.email or "").strip().lower():
                continue
            partner = partners.get(email)
            if partner:
                attendees |= partner
            else:
                others.append("%s <%s>" % (name, email) if name and email else name or email)
        description = event["description"]
        if others:
            description = "\n\n".join(filter(None, [
                description, _("Other attendees: %s") % ", ".join(others)]))
        if event["allday"]:
            start = "%s 08:00:00" % fields.Date.to_string(event["start"])
            stop = "%s 18:00:00" % fields.Date.to_string(event["stop"])
        else:
            start = fields.Datetime.to_string(event["start"])
            stop = fields.Datetime.to_string(event["stop"])
        values = {
            "name": event["summary"] or _("Untitled meeting"),
            "allday": event["allday"],
            "start": start,
            "stop": stop,
            "location": event["location"] or False,
            "description": description or False,
            "privacy": ("private" if event["private"]
                        else "confidential" if event["confidential"] else "public"),
            "show_as": "busy" if event["busy"] else "free",
            "user_id": self.env.user.id,
            "partner_ids": [(6, 0, attendees.ids)],
            "crm_ics_uid": event["key"],
            "active": True,
        }
        if event["allday"]:
            values.update(start_date=fields.Date.to_string(event["start"]),
                          stop_date=fields.Date.to_string(event["stop"]), duration=0.0)
        else:
            values["duration"] = (event["stop"] - event["start"]).total_seconds() / 3600.0
        if event["rrule"] and event["recurrence_id"] is None:
            values.update(recurrency=True, rrule=event["rrule"])
        return values

    def _set_my_state(self, record, event):
        me = self.env.user.partner_id
        email = (me.email or "").strip().lower()
        states = [PARTSTAT_STATE.get(att[2]) for att in event["attendees"]
                  if email and att[1] == email]
        if states and states[0]:
            mine = record.attendee_ids.filtered(lambda a: a.partner_id == me)
            if mine and mine.state != states[0]:
                mine.write({"state": states[0]})

    def _exception_time(self, master, when):
        if isinstance(when, datetime.datetime):
            return when
        start = fields.Datetime.from_string(master.start)  # all-day: the time Odoo gives the series
        return datetime.datetime.combine(when, start.time())

    def _reset_exceptions(self, master, exdates):
        """The occurrences excluded from the series (EXDATE): Odoo's inactive
        detached events. Exceptions are only added: an occurrence restored in
        the file stays excluded (Odoo cannot delete such an exception)."""
        for when in exdates:
            self._add_exception(master, when)

    def _add_exception(self, master, when):
        when = self._exception_time(master, when)
        start = fields.Datetime.to_string(when)
        if master.with_context(active_test=False).search_count([
                ("recurrent_id", "=", master.id), ("recurrent_id_date", "=", start),
                ("active", "=", False)]):
            return
        stop = fields.Datetime.to_string(when + datetime.timedelta(hours=master.duration or 0))
        master.with_context(active_test=False).create({
            "name": master.name, "start": start, "stop": stop, "allday": master.allday,
            "duration": master.duration, "user_id": master.user_id.id, "partner_ids": [(6, 0, [])],
            "recurrent_id": master.id, "recurrent_id_date": start, "active": False,
        })

    def action_open_meetings(self):
        self.ensure_one()
        action = self.env.ref("crm_base.calendar_event_crm_action").read()[0]
        action.update(domain=[("id", "in", self.event_ids.ids)], view_mode="tree,form,calendar",
                      views=[(False, "tree"), (False, "form"), (False, "calendar")],
                      context={"virtual_id": False})
        return action
