# -*- coding: utf-8 -*-
"""Time in meetings, for crm_projects: calendar.event._crm_meeting_hours and the report."""
import datetime

from odoo.exceptions import UserError

from .agenda_common import AgendaCase


class TestAgendaMeetingTime(AgendaCase):

    @classmethod
    def setUpClass(cls):
        super(TestAgendaMeetingTime, cls).setUpClass()
        both = cls.alice.partner_id | cls.bruno.partner_id
        # Monday 2 March 2026 (Paris = UTC+1)
        cls.meeting(cls.alice, "2026-03-02 08:00:00", "2026-03-02 09:30:00", name="A")  # 1.5 h
        cls.meeting(cls.alice, "2026-03-02 09:00:00", "2026-03-02 10:00:00",
                    name="B overlaps")  # +0.5 h
        cls.meeting(cls.alice, "2026-03-02 13:00:00", "2026-03-02 14:00:00", name="Free",
                    show_as="free")
        cls.invite = cls.meeting(cls.alice, "2026-03-03 08:00:00", "2026-03-03 10:00:00",
                                 partners=both, name="Invite Bruno")
        cls.meeting(cls.alice, "2026-03-05 08:00:00", "2026-03-05 09:00:00", name="Weekly",
                    recurrency=True, rrule_type="weekly", interval=1, th=True,
                    end_type="count", count=3)
        cls.meeting(cls.alice, "2026-03-06 08:00:00", "2026-03-06 18:00:00", name="Salon",
                    allday=True)
        cls.meeting(cls.alice, "2026-03-01 22:30:00", "2026-03-01 23:30:00", name="Late sunday UTC")

    def hours(self, users, start="2026-03-02", stop="2026-03-08"):
        return self.Event._crm_meeting_hours(users, start, stop)

    def test_union_allday_recurrence_and_local_days(self):
        hours = self.hours(self.alice)[self.alice.id]
        self.assertEqual(hours, {
            "2026-03-02": 2.5,   # 08-09:30 and 09-10 UTC merged = 2 h, + 23:30-00:30 Paris → 0.5 h
            "2026-03-03": 2.0,
            "2026-03-05": 1.0,   # first occurrence of the weekly meeting
            "2026-03-06": 7.0,   # all-day
        })
        weeks = self.hours(self.alice, "2026-03-09", "2026-03-22")[self.alice.id]
        self.assertEqual(weeks, {"2026-03-12": 1.0, "2026-03-19": 1.0})

    def test_only_accepted_invitations_count(self):
        self.assertEqual(self.hours(self.bruno)[self.bruno.id], {})
        attendee = self.invite.attendee_ids.filtered(
            lambda a: a.partner_id == self.bruno.partner_id)
        attendee.sudo(self.bruno).do_accept()
        self.assertEqual(self.hours(self.bruno)[self.bruno.id], {"2026-03-03": 2.0})
        attendee.sudo(self.bruno).do_decline()
        self.assertEqual(self.hours(self.bruno)[self.bruno.id], {})

    def test_allday_hours_setting(self):
        self.env["ir.config_parameter"].sudo().set_param("crm_base.meeting_allday_hours", "0")
        self.assertNotIn("2026-03-06", self.hours(self.alice)[self.alice.id])
        self.env["ir.config_parameter"].sudo().set_param("crm_base.meeting_allday_hours", "3.5")
        self.assertEqual(self.hours(self.alice)[self.alice.id]["2026-03-06"], 3.5)

    def test_bad_period(self):
        with self.assertRaises(UserError):
            self.hours(self.alice, "2026-03-08", "2026-03-02")

    def test_report_lines_by_week(self):
        Report = self.env["crm.meeting.time"]
        Report._crm_refresh(datetime.date(2026, 3, 2), datetime.date(2026, 3, 8),
                            users=self.alice | self.bruno)
        groups = Report.read_group([("user_id", "=", self.alice.id)], ["hours", "week"], ["week"])
        self.assertEqual([(g["week"], g["hours"]) for g in groups], [("2026-W10", 12.5)])
        # refreshing again does not duplicate
        Report._crm_refresh(datetime.date(2026, 3, 2), datetime.date(2026, 3, 8),
                            users=self.alice | self.bruno)
        self.assertEqual(Report.search_count([("user_id", "=", self.alice.id)]), 4)
        action = Report.sudo(self.alice).action_crm_open_report()
        self.assertEqual(action["res_model"], "crm.meeting.time")
