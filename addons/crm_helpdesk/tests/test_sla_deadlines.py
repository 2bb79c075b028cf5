# -*- coding: utf-8 -*-
"""What a helpdesk user sees of the SLA on a ticket: the policy, the deadlines
in business hours (with Alsace-Moselle's holidays and a pause), the status as
time passes, the warnings and escalations of the cron, and the SLA report.

The team works in Paris, Monday to Friday, 9:00-12:00 and 14:00-18:00. Odoo
stores UTC: in winter 9:00 in Paris is 08:00 UTC, in summer 07:00 UTC."""
from unittest import mock

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests.common import SavepointCase


def at(moment):
    """Pretend it is ``moment`` (UTC text) for the SLA code."""
    return mock.patch.object(fields.Datetime, "now", lambda *args: moment)


class TestSla(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestSla, cls).setUpClass()
        cls.calendar = cls.env["resource.calendar"].create({
            "name": "Support 9-12 14-18", "attendance_ids": [
                (0, 0, {"name": "%s %s" % (day, hour_from), "dayofweek": str(day),
                        "hour_from": hour_from, "hour_to": hour_to})
                for day in range(5) for hour_from, hour_to in ((9, 12), (14, 18))]})
        group_user = cls.env.ref("crm_helpdesk.group_helpdesk_user")
        Users = cls.env["res.users"].with_context(no_reset_password=True)
        cls.leader = Users.create({"name": "Sophie Leclerc", "login": "sophie.sla",
                                   "email": "sophie@example.fr", "tz": "Europe/Paris",
                                   "groups_id": [(6, 0, [group_user.id])]})
        cls.agent = Users.create({"name": "Hugo Bernard", "login": "hugo.sla",
                                  "email": "hugo@example.fr", "tz": "Europe/Paris",
                                  "groups_id": [(6, 0, [group_user.id])]})
        cls.team = cls.env["crm.helpdesk.team"].create({
            "name": "Support Strasbourg", "alias_name": "support-sla-test",
            "resource_calendar_id": cls.calendar.id, "sla_tz": "Europe/Paris",
            "holidays_region": "fr_alsace_moselle", "user_id": cls.leader.id,
            "member_ids": [(6, 0, [cls.leader.id, cls.agent.id])], "assign_method": "manual"})
        cls.category = cls.env["crm.ticket.category"].create({"name": "Facturation SLA"})
        Sla = cls.env["crm.helpdesk.sla"]
        cls.standard = Sla.create({"name": "Standard", "team_id": cls.team.id,
                                   "response_hours": 4, "resolution_hours": 16,
                                   "warning_percent": 75})
        cls.urgent = Sla.create({"name": "Urgent", "team_id": cls.team.id, "priority": "3",
                                 "response_hours": 1, "resolution_hours": 4,
                                 "escalate_reassign": True})
        cls.urgent_billing = Sla.create({"name": "Urgent billing", "team_id": cls.team.id,
                                         "priority": "3", "category_id": cls.category.id,
                                         "response_hours": 2, "resolution_hours": 8})

    def ticket(self, opened, **values):
        return self.env["crm.ticket"].create(dict(
            {"name": "Le portail ne s'affiche plus", "team_id": self.team.id,
             "user_id": self.agent.id, "sla_start_date": opened}, **values))

    def stage(self, name):
        return self.env.ref("crm_helpdesk.stage_%s" % name)

    # ------------------------------------------------------------ deadlines

    def test_the_most_specific_policy_of_the_team_applies(self):
        opened = "2026-03-03 08:00:00"
        self.assertEqual(self.ticket(opened).sla_id, self.standard)
        self.assertEqual(self.ticket(opened, priority="3").sla_id, self.urgent)
        ticket = self.ticket(opened, priority="3", category_id=self.category.id)
        self.assertEqual(ticket.sla_id, self.urgent_billing)
        ticket.priority = "1"
        self.assertEqual(ticket.sla_id, self.standard)
        self.assertEqual(ticket.sla_response_deadline, "2026-03-03 14:00:00")  # 15:00 Paris

    def test_deadlines_skip_the_night_good_friday_the_weekend_and_easter_monday(self):
        # Thursday 2 April 2026 17:00 in Strasbourg (15:00 UTC): 1 hour that day,
        # Good Friday (Alsace-Moselle), the weekend, Easter Monday, then Tuesday
        ticket = self.ticket("2026-04-02 15:00:00")
        self.assertEqual(ticket.sla_response_deadline, "2026-04-07 10:00:00")  # 12:00 Paris
        self.assertEqual(ticket.sla_resolution_deadline, "2026-04-09 08:00:00")  # 10:00 Paris
        with at("2026-04-06 08:00:00"):   # on Easter Monday, nothing has been counted
            ticket._crm_sla_refresh_status()
        self.assertEqual(ticket.sla_status, "on_track")

    def test_a_deadline_ending_at_the_end_of_the_day_stays_at_six(self):
        # Tuesday 3 March 2026 14:00 Paris (13:00 UTC) + 4 h: 18:00, not Wednesday 9:00
        ticket = self.ticket("2026-03-03 13:00:00")
        self.assertEqual(ticket.sla_response_deadline, "2026-03-03 17:00:00")

    def test_waiting_for_the_customer_pushes_the_deadlines_by_the_business_time_waited(self):
        ticket = self.ticket("2026-03-03 08:00:00")   # Tuesday 9:00 Paris
        self.assertEqual(ticket.sla_response_deadline, "2026-03-03 14:00:00")
        self.assertEqual(ticket.sla_resolution_deadline, "2026-03-05 10:00:00")
        ticket.first_response_date = "2026-03-03 09:30:00"
        with at("2026-03-03 16:00:00"):   # Tuesday 17:00 Paris
            ticket.stage_id = self.stage("waiting")
        self.assertEqual(ticket.sla_pause_start, "2026-03-03 16:00:00")
        with at("2026-03-04 09:00:00"):   # Wednesday 10:00 Paris: 2 business hours later
            ticket.stage_id = self.stage("progress")
        self.assertFalse(ticket.sla_pause_start)
        self.assertEqual(ticket.sla_resolution_paused, 120)
        self.assertEqual(ticket.sla_resolution_deadline, "2026-03-05 14:00:00")  # 15:00 Paris
        # answered before the pause: the first response deadline does not move
        self.assertEqual(ticket.sla_response_deadline, "2026-03-03 14:00:00")
        self.assertTrue(ticket.sla_response_met)

    def test_a_team_without_working_hours_gives_no_deadline(self):
        empty = self.env["resource.calendar"].create({"name": "Vide", "attendance_ids": []})
        team = self.env["crm.helpdesk.team"].create({
            "name": "Sans horaires", "alias_name": "support-sla-empty",
            "resource_calendar_id": empty.id})
        self.env["crm.helpdesk.sla"].create({"name": "Standard", "team_id": team.id,
                                             "response_hours": 4, "resolution_hours": 8})
        ticket = self.ticket("2026-03-03 08:00:00", team_id=team.id)
        self.assertTrue(ticket.sla_id)
        self.assertFalse(ticket.sla_response_deadline)
        self.assertEqual(ticket.sla_status, "none")

    def test_the_team_shows_the_public_holidays_it_skips(self):
        text = self.team.with_context(lang="fr_FR").sla_holidays_text
        self.assertIn("Vendredi saint", text)
        self.assertIn("Saint-Étienne", text)
        self.team.holidays_region = "fr"
        self.assertNotIn("Vendredi saint", self.team.with_context(lang="fr_FR").sla_holidays_text)

    def test_a_closed_ticket_keeps_its_sla_when_the_policies_change(self):
        ticket = self.ticket("2026-03-03 08:00:00")
        with at("2026-03-03 10:00:00"):
            ticket.stage_id = self.stage("solved")
        self.assertEqual((ticket.sla_id, ticket.sla_status), (self.standard, "met"))
        self.env["crm.helpdesk.sla"].create({"name": "Normal", "team_id": self.team.id,
                                             "priority": "1", "response_hours": 0.5,
                                             "resolution_hours": 1})
        self.standard.resolution_hours = 1
        self.assertEqual(ticket.sla_id, self.standard)
        self.assertEqual(ticket.sla_resolution_deadline, "2026-03-05 10:00:00")
        self.assertEqual(ticket.sla_status, "met")
        # an open ticket takes the new, more specific policy
        self.assertEqual(self.ticket("2026-03-03 08:00:00").sla_response_deadline,
                         "2026-03-03 08:30:00")

    # --------------------------------------------------------------- status

    def test_the_status_goes_from_on_track_to_at_risk_to_late(self):
        ticket = self.ticket("2026-03-03 08:00:00")   # response due 14:00 UTC, warn at 75%
        with at("2026-03-03 09:00:00"):
            ticket._crm_sla_refresh_status()
        self.assertEqual(ticket.sla_status, "on_track")
        with at("2026-03-03 13:05:00"):
            ticket._crm_sla_refresh_status()
        self.assertEqual(ticket.sla_status, "at_risk")
        with at("2026-03-03 14:01:00"):
            ticket._crm_sla_refresh_status()
        self.assertEqual(ticket.sla_status, "late")

    def test_a_ticket_solved_in_time_is_met_and_one_solved_late_failed(self):
        early = self.ticket("2026-03-03 08:00:00")
        late = self.ticket("2026-03-03 08:00:00")
        with at("2026-03-03 10:00:00"):
            early.stage_id = self.stage("solved")
        with at("2026-03-09 10:00:00"):
            late.stage_id = self.stage("solved")
        self.assertEqual((early.sla_status, early.sla_resolution_met), ("met", True))
        self.assertEqual((late.sla_status, late.sla_resolution_met), ("failed", False))
        # Tuesday 9:00 -> 11:00 Paris: 2 business hours; to next Monday 11:00: 4 days + 2 h
        self.assertEqual(early.sla_resolution_hours, 2.0)
        self.assertEqual(late.sla_resolution_hours, 30.0)

    # ------------------------------------------------- warnings, escalation

    def test_the_cron_warns_the_assignee_once_when_the_ticket_is_at_risk(self):
        ticket = self.ticket("2026-03-03 08:00:00")
        with at("2026-03-03 13:05:00"):
            self.env["crm.ticket"]._crm_cron_sla()
            self.env["crm.ticket"]._crm_cron_sla()
        warnings = ticket.message_ids.filtered(lambda m: "SLA warning" in (m.body or ""))
        self.assertEqual(len(warnings), 1)
        self.assertIn(self.agent.partner_id, warnings.partner_ids)
        self.assertIn("03/03/2026 15:00", warnings.body)   # the deadline, in Paris time

    def test_a_late_urgent_ticket_is_escalated_once_and_given_to_the_team_leader(self):
        ticket = self.ticket("2026-03-03 08:00:00", priority="3")   # response due 09:00 UTC
        with at("2026-03-03 09:30:00"):
            self.env["crm.ticket"]._crm_cron_sla()
            self.env["crm.ticket"]._crm_cron_sla()
        notices = ticket.message_ids.filtered(lambda m: "SLA missed" in (m.body or ""))
        self.assertEqual(len(notices), 1)
        self.assertEqual(ticket.user_id, self.leader)
        self.assertEqual(ticket.activity_ids.mapped("user_id"), self.leader)
        self.assertEqual(ticket.sla_status, "late")

    def test_a_late_standard_ticket_is_escalated_but_keeps_its_assignee(self):
        ticket = self.ticket("2026-03-03 08:00:00")
        with at("2026-03-03 14:30:00"):
            self.env["crm.ticket"]._crm_cron_sla()
        self.assertEqual(ticket.user_id, self.agent)
        self.assertEqual(len(ticket.activity_ids), 1)

    def test_a_ticket_waiting_for_the_customer_is_not_escalated(self):
        ticket = self.ticket("2026-03-03 08:00:00")
        with at("2026-03-03 09:00:00"):
            ticket.stage_id = self.stage("waiting")
        with at("2026-03-06 09:00:00"):
            self.env["crm.ticket"]._crm_cron_sla()
        self.assertFalse(ticket.activity_ids)
        self.assertEqual(ticket.sla_status, "on_track")

    # --------------------------------------------------------------- report

    def test_the_report_gives_the_success_rate_and_average_times_per_team(self):
        tickets = [self.ticket("2026-03-03 08:00:00") for _i in range(3)]
        for ticket in tickets:
            ticket.first_response_date = "2026-03-03 09:00:00"   # 1 business hour
        with at("2026-03-03 10:00:00"):
            (tickets[0] | tickets[1]).write({"stage_id": self.stage("solved").id})
        with at("2026-03-09 10:00:00"):
            tickets[2].stage_id = self.stage("solved")
        groups = self.env["crm.helpdesk.sla.report"].read_group(
            [("team_id", "=", self.team.id)],
            ["ticket_count", "met_count", "failed_count", "success", "response_hours",
             "resolution_hours", "team_id"], ["team_id"])
        self.assertEqual(len(groups), 1)
        row = groups[0]
        self.assertEqual((row["ticket_count"], row["met_count"], row["failed_count"]),
                         (3, 2, 1))
        self.assertAlmostEqual(row["success"], 200.0 / 3, places=2)
        self.assertAlmostEqual(row["response_hours"], 1.0)
        self.assertAlmostEqual(row["resolution_hours"], (2 + 2 + 30) / 3.0, places=2)

    # --------------------------------------------------------------- access

    def test_a_helpdesk_user_cannot_edit_sla_policies_but_sees_the_report(self):
        with self.assertRaises(AccessError):
            self.standard.sudo(self.agent).write({"response_hours": 40})
        with self.assertRaises(AccessError):
            self.env["crm.helpdesk.sla"].sudo(self.agent).create(
                {"name": "Mine", "team_id": self.team.id})
        self.ticket("2026-03-03 08:00:00")
        self.assertTrue(self.env["crm.helpdesk.sla.report"].sudo(self.agent).search_count(
            [("team_id", "=", self.team.id)]))

    # ---------------------------------------------------------- bulk path

    def test_the_bulk_recompute_stores_what_the_orm_computes(self):
        names = ["sla_response_deadline", "sla_response_warn_date",
                 "sla_resolution_deadline", "sla_resolution_warn_date"]
        tickets = self.env["crm.ticket"]
        for day, hour, priority, category in ((2, 15, "1", False), (3, 8, "3", True),
                                              (6, 20, "3", False), (24, 7, "0", False)):
            tickets |= self.ticket("2026-04-%02d %02d:13:00" % (day, hour), priority=priority,
                                   category_id=self.category.id if category else False)
        tickets[0].write({"sla_resolution_paused": 95})
        tickets[1].write({"first_response_date": "2026-04-03 07:00:00"})
        tickets[2].write({"stage_id": self.stage("solved").id})
        names += ["sla_status", "sla_response_met", "sla_resolution_met"]
        expected = {ticket.id: [ticket[name] for name in names] for ticket in tickets}
        self.assertTrue(all(all(values[:5]) for values in expected.values()))
        self.assertTrue(expected[tickets[1].id][5])   # answered in time
        self.assertEqual(len(set(ticket.sla_status for ticket in tickets)), 2)
        self.env.cr.execute("UPDATE crm_ticket SET %s, sla_status = 'none', "
                            "sla_response_met = NULL WHERE id IN %%s" %
                            ", ".join("%s = NULL" % name for name in names[:4]),
                            [tuple(tickets.ids)])
        tickets.invalidate_cache()
        count = self.env["crm.ticket"]._crm_sla_recompute_bulk([("id", "in", tickets.ids)])
        tickets.invalidate_cache()
        open_tickets = tickets - tickets[2]
        self.assertEqual({ticket.id: [ticket[name] for name in names] for ticket in open_tickets},
                         {ticket.id: expected[ticket.id] for ticket in open_tickets})
        # a closed ticket's SLA is history: the bulk path leaves it alone
        self.assertFalse(tickets[2].sla_resolution_deadline)
        self.assertEqual(count, 3)
        # unless asked to (demo data that backdates its tickets)
        self.env["crm.ticket"].with_context(crm_sla_recompute_closed=True)\
            ._crm_sla_recompute_bulk([("id", "in", tickets.ids)])
        tickets.invalidate_cache()
        self.assertEqual([tickets[2][name] for name in names], expected[tickets[2].id])
