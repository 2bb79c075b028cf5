# -*- coding: utf-8 -*-
"""Meetings of the CRM: Odoo's calendar.event with a type, a link to any
record, the data of the ICS feed and the time spent in meetings.

Linking a meeting to a record: Odoo 11's calendar.event already carries
``res_model_id``/``res_id`` (the "Document" button of the meeting form). The
field ``crm_linked_record`` shows and edits that link as one reference field;
models that inherit ``crm.meeting.mixin`` (crm_meeting_mixin.py) appear in its
list and get a meeting count and a "Schedule a meeting" action.

Time in meetings (for crm_projects' worked time)::

    hours = env["calendar.event"]._crm_meeting_hours(users, "2026-03-02", "2026-03-08")
    # {user_id: {"2026-03-02": 1.5, ...}}, dates in the user's time zone

counts the meetings a user organizes or has accepted, shown as busy,
overlaps counted once (logic/meeting_time.py); an all-day meeting counts as
the hours of the system parameter ``crm_base.meeting_allday_hours`` (7 by
default, 0 to leave all-day meetings out). The same meetings, as UTC
intervals per user, come from ``_crm_busy_meetings`` (crm_projects' planner
reads them); addons that mirror other things in the agenda leave them out of
both by extending ``_crm_meeting_domain``.
"""
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.addons.calendar.models.calendar import calendar_id2real_id

from ..logic import ics, meeting_time
from ..logic.inheritance import models_inheriting

DEFAULT_TZ = "Europe/Paris"
ALLDAY_HOURS_PARAM = "crm_base.meeting_allday_hours"
PARTSTAT = {"needsAction": "NEEDS-ACTION", "tentative": "TENTATIVE",
            "declined": "DECLINED", "accepted": "ACCEPTED"}


def _commands_ids(commands):
    """Ids of a x2many default: [(6, 0, ids)], [(4, id)] or a list of ids."""
    ids = []
    for command in commands or []:
        if isinstance(command, int):
            ids.append(command)
        elif isinstance(command, (list, tuple)) and command:
            if command[0] == 6:
                ids = list(command[2])
            elif command[0] == 4:
                ids.append(command[1])
    return ids


class CalendarEvent(models.Model):
    _inherit = "calendar.event"

    crm_meeting_type_id = fields.Many2one(
        "crm.meeting.type", string="Meeting type", ondelete="set null", index=True,
        help="Choosing a type gives the meeting the usual duration of the type.")
    crm_ics_uid = fields.Char(
        string="iCalendar UID", copy=False, index=True, readonly=True,
        help="Identifier of the meeting in the calendar file it was imported from.")
    crm_linked_record = fields.Reference(
        selection="_crm_linkable_models", string="Linked to",
        compute="_compute_crm_linked_record", inverse="_inverse_crm_linked_record",
        help="The record this meeting is about: a contact, an opportunity, a ticket...")

    def read(self, fields=None, load="_classic_read"):
        """Keep the organizer of a colleague's private meeting readable.

        Odoo 11 blanks every field of a private meeting of someone else but a
        few, partner_id (the organizer) among them, although user_id (the same
        person) stays public. The calendar view colours and filters by
        partner_id: a False value there made it request the image of
        res.partner "false" (a 404 in the console) and list an "Undefined"
        attendee. partner_id is user_id.partner_id: it is given back; the
        rest stays hidden.
        """
        result = super(CalendarEvent, self).read(fields=fields, load=load)
        hidden = [r for r in result if "partner_id" in r and not r["partner_id"]]
        if hidden:
            real_ids = {r["id"]: calendar_id2real_id(r["id"]) for r in hidden}
            organizers = {event.id: event.user_id.partner_id
                          for event in self.sudo().browse(set(real_ids.values())).exists()}
            for r in hidden:
                partner = organizers.get(real_ids[r["id"]])
                if partner:
                    r["partner_id"] = partner.id if load != "_classic_read" else (
                        partner.id, partner.name_get()[0][1])
        return result

    # -- linking to any record ----------------------------------------------------------
    @api.model
    def _crm_linkable_models(self):
        """res.partner and every model inheriting crm.meeting.mixin."""
        registry = self.env.registry
        names = ["res.partner"] + [n for n in models_inheriting(registry, "crm.meeting.mixin")
                                   if not registry[n]._abstract and n != "res.partner"]
        models_ = self.env["ir.model"].sudo().search([("model", "in", names)])
        return [(m.model, m.name) for m in models_.sorted(lambda m: names.index(m.model))]

    @api.depends("res_model", "res_id")
    def _compute_crm_linked_record(self):
        linkable = {name for name, _label in self._crm_linkable_models()}
        for event in self:
            record = False
            if event.res_model in linkable and event.res_id:
                target = self.env[event.res_model].browse(event.res_id).exists()
                record = "%s,%d" % (event.res_model, target.id) if target else False
            event.crm_linked_record = record

    def _inverse_crm_linked_record(self):
        for event in self:
            record = event.crm_linked_record
            if record:
                model = self.env["ir.model"].sudo()._get(record._name)
                event.write({"res_model_id": model.id, "res_id": record.id})
            elif event.res_model in dict(self._crm_linkable_models()):
                event.write({"res_model_id": False, "res_id": False})

    # -- defaults, meeting types ------------------------------------------------------------
    @api.model
    def default_get(self, fields_list):
        defaults = super(CalendarEvent, self).default_get(fields_list)
        # Opened from a contact ("Meetings" of the 360° record, "Schedule a
        # meeting"), the context names the contact: the user who schedules
        # the meeting attends it too, as in Odoo's own default.
        if "partner_ids" in fields_list and self.env.context.get("default_partner_ids") \
                and not self.env.context.get("crm_meeting_without_me"):
            ids = _commands_ids(defaults.get("partner_ids"))
            me = self.env.user.partner_id.id
            if me not in ids:
                ids.append(me)
            defaults["partner_ids"] = [(6, 0, ids)]
        meeting_type = self.env["crm.meeting.type"].browse(
            defaults.get("crm_meeting_type_id") or [])
        if meeting_type and "duration" in fields_list and not defaults.get("allday"):
            defaults["duration"] = meeting_type.default_duration
        return defaults

    @api.onchange("crm_meeting_type_id")
    def _onchange_crm_meeting_type_id(self):
        meeting_type = self.crm_meeting_type_id
        if not meeting_type:
            return
        if meeting_type.categ_ids:
            self.categ_ids |= meeting_type.categ_ids
        if not self.allday:
            self.duration = meeting_type.default_duration
            if self.start_datetime:
                start = fields.Datetime.from_string(self.start_datetime)
                stop = fields.Datetime.to_string(
                    start + datetime.timedelta(hours=meeting_type.default_duration))
                self.start = self.start_datetime
                self.stop = stop
                self.stop_datetime = stop

    @api.model
    def _crm_apply_meeting_type(self, values):
        """On create: a type without an explicit end gives the end and duration."""
        meeting_type = self.env["crm.meeting.type"].browse(values.get("crm_meeting_type_id") or [])
        if not meeting_type:
            return values
        values = dict(values)
        if meeting_type.categ_ids and "categ_ids" not in values:
            values["categ_ids"] = [(6, 0, meeting_type.categ_ids.ids)]
        start = values.get("start_datetime") or values.get("start")
        if not values.get("allday") and start and "duration" not in values and \
                not values.get("stop") and not values.get("stop_datetime"):
            stop = fields.Datetime.to_string(
                fields.Datetime.from_string(start)
                + datetime.timedelta(hours=meeting_type.default_duration))
            values.update(start=start, stop=stop, duration=meeting_type.default_duration)
            if "start_datetime" in values:
                values["stop_datetime"] = stop
        return values

    @api.model
    def create(self, values):
        return super(CalendarEvent, self).create(self._crm_apply_meeting_type(values))

    # -- the ICS feed -----------------------------------------------------------------------
    def _crm_ics_can_see(self, user):
        """Whether ``user`` may see the details of this (real) event."""
        self.ensure_one()
        return self.privacy != "private" or self.user_id == user or \
            user.partner_id in self.partner_ids

    def _crm_ics_values(self, user, uid_domain, base_url=None):
        """The events (real records) as dicts for logic.ics.build_calendar, seen by ``user``."""
        result = []
        exdates = {}
        masters = self.filtered(lambda e: e.recurrency and e.rrule)
        if masters:
            children = self.sudo().with_context(active_test=False, virtual_id=False).search(
                [("recurrent_id", "in", masters.ids)])
            for child in children:
                if child.recurrent_id_date:
                    exdates.setdefault(child.recurrent_id, []).append(
                        fields.Datetime.from_string(child.recurrent_id_date))
        for event in self:
            start = fields.Datetime.from_string(event.start)
            stop = fields.Datetime.from_string(event.stop)
            if event.allday:
                start, stop = start.date(), stop.date()
            values = {
                "uid": event.crm_ics_uid or ics.event_uid(event.id, uid_domain),
                "summary": event.name,
                "start": start,
                "stop": stop,
                "allday": event.allday,
                "location": event.location or "",
                "description": event.description or "",
                "organizer": (event.user_id.partner_id.name, event.user_id.partner_id.email)
                if event.user_id else None,
                "attendees": [(a.common_name or a.partner_id.name or "",
                               a.email or a.partner_id.email or "",
                               PARTSTAT.get(a.state, "NEEDS-ACTION")) for a in event.attendee_ids],
                "rrule": event.rrule if event.recurrency else "",
                "exdates": exdates.get(event.id, []),
                "private": event.privacy == "private",
                "confidential": event.privacy == "confidential",
                "busy": event.show_as != "free",
                "categories": event.categ_ids.mapped("name"),
                "created": (fields.Datetime.from_string(event.create_date)
                            if event.create_date else None),
                "last_modified": (fields.Datetime.from_string(event.write_date)
                                  if event.write_date else None),
            }
            if base_url:
                values["url"] = "%s/web#id=%d&model=calendar.event&view_type=form" % (
                    base_url, event.id)
            if not event._crm_ics_can_see(user):
                values = ics.masked(values, _("Busy"))
                values.pop("url", None)
            result.append(values)
        return result

    # -- time in meetings -------------------------------------------------------------------
    @api.model
    def _crm_allday_hours(self):
        return self.env["ir.config_parameter"]._crm_get_float(
            ALLDAY_HOURS_PARAM, 7.0, minimum=0.0, maximum=24.0)

    @api.model
    def _crm_meeting_domain(self):
        """Extra domain on the events that count as meetings: addons that
        mirror other things in the agenda (crm_projects' planned work)
        leave them out here."""
        return []

    @api.model
    def _crm_busy_meetings(self, users, low, high):
        """{user_id: ([(start, stop)], [all-day dates])}: the meetings of
        ``users`` touching ``low``..``high`` (naive UTC datetimes) that they
        organize or have accepted, shown as busy, each occurrence of a
        recurring meeting apart; timed ones as UTC intervals, all-day ones as
        the days they cover."""
        users = users.sudo()
        result = {user.id: ([], []) for user in users}
        if not users:
            return result
        partner_ids = users.mapped("partner_id").ids
        events = self.sudo().with_context(virtual_id=True, active_test=True).search([
            ("start", "<=", fields.Datetime.to_string(high)),
            ("stop", ">=", fields.Datetime.to_string(low)),
            ("show_as", "=", "busy"),
            "|", ("user_id", "in", users.ids), ("partner_ids", "in", partner_ids),
        ] + self._crm_meeting_domain())
        rows = events.read(["start", "stop", "allday", "user_id"])
        real_ids = list({calendar_id2real_id(row["id"]) for row in rows})
        accepted = set()
        for attendee in self.env["calendar.attendee"].sudo().search([
                ("event_id", "in", real_ids), ("partner_id", "in", partner_ids),
                ("state", "=", "accepted")]):
            accepted.add((attendee.event_id.id, attendee.partner_id.id))
        for user in users:
            intervals, allday_days = result[user.id]
            for row in rows:
                real_id = calendar_id2real_id(row["id"])
                organizer = row["user_id"] and row["user_id"][0] == user.id
                if not organizer and (real_id, user.partner_id.id) not in accepted:
                    continue
                start = fields.Datetime.from_string(row["start"])
                stop = fields.Datetime.from_string(row["stop"])
                if row["allday"]:
                    allday_days += meeting_time.days_between(start.date(), max(start, stop).date())
                else:
                    intervals.append((start, stop))
        return result

    @api.model
    def _crm_meeting_hours(self, users, date_from, date_to):
        """{user_id: {'YYYY-MM-DD': hours}} of the meetings of ``users`` from
        ``date_from`` to ``date_to`` (dates included, in each user's time zone).

        A meeting counts for a user who organizes it or has accepted it; a
        meeting shown as "free" does not count. Recurring meetings count each
        occurrence. Days without meetings are absent.
        """
        date_from = fields.Date.from_string(date_from) if isinstance(date_from, str) else date_from
        date_to = fields.Date.from_string(date_to) if isinstance(date_to, str) else date_to
        if not date_from or not date_to or date_to < date_from:
            raise UserError(_("The period of the time in meetings is not valid."))
        users = users.sudo()
        low = datetime.datetime.combine(date_from - datetime.timedelta(days=1), datetime.time())
        high = datetime.datetime.combine(date_to + datetime.timedelta(days=2), datetime.time())
        busy = self._crm_busy_meetings(users, low, high)
        allday_hours = self._crm_allday_hours()
        result = {}
        for user in users:
            intervals, allday_days = busy[user.id]
            hours = meeting_time.hours_by_day(
                intervals, allday_days, allday_hours, user.tz or DEFAULT_TZ, date_from, date_to)
            result[user.id] = {fields.Date.to_string(day): value
                               for day, value in sorted(hours.items())}
        return result
