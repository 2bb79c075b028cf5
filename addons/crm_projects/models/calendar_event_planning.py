# -*- coding: utf-8 -*-
import uuid

from odoo import api, fields, models

# The row of an event with one attendee, as Odoo's calendar.event.create()
# writes it for planned work (see _crm_mirror_slots).
EVENT_COLUMNS = (
    "name, description, start, stop, start_datetime, stop_datetime, display_start, duration, "
    "user_id, crm_task_slot_id, crm_task_id, create_uid, create_date, write_uid, write_date, "
    "state, allday, privacy, show_as, rrule, recurrency, end_type, interval, count, "
    "mo, tu, we, th, fr, sa, su, month_by, day, active")
EVENT_VALUES = ("(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, "
                "'open', false, 'public', 'busy', '', false, 'count', 1, 1, "
                "false, false, false, false, false, false, false, 'date', 1, true)")
CHUNK = 500


class CalendarEvent(models.Model):
    """The planned work of crm_projects in each person's agenda: every
    crm.task.slot has one event (name "Project — Task", the person as
    organizer and attendee, shown as busy), made and replaced by the planner
    (project_project_planning.py). These events are planned work, not
    meetings: crm_base's meeting hours and the planner's busy time leave them
    out (``_crm_meeting_domain``), as they leave out the events of leaves."""
    _inherit = "calendar.event"

    crm_task_slot_id = fields.Many2one(
        "crm.task.slot", string="Planned work", ondelete="cascade", index=True, copy=False,
        readonly=True)
    # crm_task_id (the task of the event): calendar_event_timesheet.py; the
    # planned-work events go with their slot (crm_task_slot_id, cascade).

    @api.model
    def _crm_meeting_domain(self):
        """Neither planned work nor leaves are meetings: hr_holidays puts each
        validated leave in the agenda as a busy event (hr.holidays.meeting_id),
        which would otherwise count as hours worked in meetings."""
        self.env.cr.execute("SELECT meeting_id FROM hr_holidays WHERE meeting_id IS NOT NULL")
        leave_ids = [row[0] for row in self.env.cr.fetchall()]
        domain = [("crm_task_slot_id", "=", False)]
        if leave_ids:
            domain.append(("id", "not in", leave_ids))
        return super(CalendarEvent, self)._crm_meeting_domain() + domain

    # -- the agenda's copy of the planned work ----------------------------------------------
    # Raw SQL: bench/bench_planning_odoo.py measured the planning of 100 tasks
    # (301 slots) at 72.9 s with calendar.event.create() (its attendees,
    # followers, alarms and activity sync) and 1.95 s with this.
    # The rows are those the ORM writes for an event of one attendee (state
    # "open", the attendee accepted, no follower, no message): the test
    # test_planning.TestPlanningAgenda.test_a_mirrored_event_reads_like_one_odoo_makes
    # compares them with an event made by create().
    @api.model
    def _crm_mirror_slots(self, slots, titles):
        """One busy event per crm.task.slot of ``slots`` in its person's
        agenda, named ``titles[slot.id]``; returns the events."""
        cr = self.env.cr
        now = fields.Datetime.now()
        uid = self.env.uid
        event_ids = []
        slots = slots.sudo()
        for offset in range(0, len(slots), CHUNK):
            chunk = slots[offset:offset + CHUNK]
            params = []
            for slot in chunk:
                params += [titles[slot.id], slot.explanation or "", slot.start, slot.stop,
                           slot.start, slot.stop, slot.start, slot.hours, slot.user_id.id,
                           slot.id, slot.task_id.id, uid, now, uid, now]
            query = "INSERT INTO calendar_event (%s) VALUES %s RETURNING id" % (
                EVENT_COLUMNS, ", ".join([EVENT_VALUES] * len(chunk)))
            cr.execute(query, params)  # pylint: disable=sql-injection
            ids = [row[0] for row in cr.fetchall()]
            event_ids += ids
            attendees, partners = [], []
            for event_id, slot in zip(ids, chunk):
                partner = slot.user_id.partner_id
                attendees += ["accepted", partner.name or "", partner.id, partner.email or "",
                              "busy", uuid.uuid4().hex, event_id, uid, now, uid, now]
                partners += [event_id, partner.id]
            query = ("INSERT INTO calendar_attendee (state, common_name, partner_id, email, "
                     "availability, access_token, event_id, create_uid, create_date, "
                     "write_uid, write_date) VALUES %s" % ", ".join(
                         ["(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"] * len(chunk)))
            cr.execute(query, attendees)  # pylint: disable=sql-injection
            query = ("INSERT INTO calendar_event_res_partner_rel "
                     "(calendar_event_id, res_partner_id) VALUES %s" % ", ".join(
                         ["(%s, %s)"] * len(chunk)))
            cr.execute(query, partners)  # pylint: disable=sql-injection
        self.invalidate_cache()
        self.env["calendar.attendee"].invalidate_cache()
        return self.browse(event_ids)

    @api.model
    def _crm_unmirror_slots(self, slot_ids):
        """Delete the agenda's events of the crm.task.slot ids ``slot_ids``
        (their attendees go with them)."""
        if not slot_ids:
            return
        cr = self.env.cr
        cr.execute("SELECT id FROM calendar_event WHERE crm_task_slot_id IN %s",
                   (tuple(slot_ids),))
        event_ids = tuple(row[0] for row in cr.fetchall())
        if event_ids:
            cr.execute("DELETE FROM mail_followers WHERE res_model = 'calendar.event' "
                       "AND res_id IN %s", (event_ids,))
            cr.execute("DELETE FROM calendar_event WHERE id IN %s", (event_ids,))
        self.invalidate_cache()
        self.env["calendar.attendee"].invalidate_cache()
