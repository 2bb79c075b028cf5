# -*- coding: utf-8 -*-
"""Automatic assignment: a new ticket goes to a member of its team working
now, in turn or to the one with the fewest open tickets, by skill when the
category asks for one; nobody at work: it waits, and the cron or a manager
assigns it later. The assignee follows the ticket; a note that mentions a
colleague reaches them and not the customer."""
from contextlib import closing
from datetime import datetime, timedelta

import psycopg2

from odoo import SUPERUSER_ID, api, fields
from odoo.exceptions import AccessError
from odoo.tests.common import SavepointCase
from odoo.tools import mute_logger

# 14 July 2026, a Tuesday, 10:00 in Paris: Bastille Day
BASTILLE_DAY_10H = datetime(2026, 7, 14, 8, 0)
# Wednesday 15 July 2026, 10:00 in Paris
WEDNESDAY_10H = datetime(2026, 7, 15, 8, 0)


def always_calendar(env, name):
    """A calendar worked around the clock, every day: whoever uses it works now."""
    return env["resource.calendar"].create({
        "name": name,
        "attendance_ids": [(0, 0, {"name": "Jour %d" % day, "dayofweek": str(day),
                                   "hour_from": 0.0, "hour_to": 24.0})
                           for day in range(7)]})


class AssignmentCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(AssignmentCase, cls).setUpClass()
        env = cls.env(context=dict(cls.env.context, no_reset_password=True,
                                   mail_create_nolog=True))
        cls.env = env
        user_group = env.ref("crm_helpdesk.group_helpdesk_user")
        manager_group = env.ref("crm_helpdesk.group_helpdesk_manager")
        Users = env["res.users"]

        def user(login, name, group):
            return Users.create({"login": login, "name": name, "tz": "Europe/Paris",
                                 "email": "%s@support.example.fr" % login,
                                 "groups_id": [(6, 0, [group.id])]})
        cls.alice = user("asg_alice", "Alice Bernard", user_group)
        cls.bruno = user("asg_bruno", "Bruno Caron", user_group)
        cls.chloe = user("asg_chloe", "Chloé Dupuis", user_group)
        cls.manager = user("asg_manon", "Manon Ferrand", manager_group)
        cls.always = always_calendar(env, "Support 24/7 (test)")
        cls.office = env["resource.calendar"].create({
            "name": "Bureau 9h-17h (test)",
            "attendance_ids": [(0, 0, {"name": "Jour %d" % day, "dayofweek": str(day),
                                       "hour_from": 9.0, "hour_to": 17.0})
                               for day in range(5)]})
        cls.team = env["crm.helpdesk.team"].create({
            "name": "Assistance (test)", "alias_name": "assistance-test-assign",
            "resource_calendar_id": cls.always.id, "holidays_region": "none",
            "assign_method": "round_robin",
            "member_ids": [(6, 0, [cls.alice.id, cls.bruno.id, cls.chloe.id])]})
        cls.customer = env["res.partner"].create({
            "name": "Garage Lefèvre", "email": "atelier@garage-lefevre.example.fr"})
        cls.category = env["crm.ticket.category"].create({"name": "Facturation (test)"})

    def new_ticket(self, env=None, **values):
        env = env or self.env
        return env["crm.ticket"].create(dict(
            {"name": "Le logiciel refuse ma facture", "team_id": self.team.id,
             "partner_id": self.customer.id}, **values))

    def resource_of(self, user, calendar):
        return self.env["resource.resource"].create({
            "name": user.name, "user_id": user.id, "calendar_id": calendar.id,
            "resource_type": "user"})

    def leave(self, resource, start, stop):
        return self.env["resource.calendar.leaves"].create({
            "name": "Congés", "resource_id": resource.id,
            "calendar_id": resource.calendar_id.id,
            "date_from": fields.Datetime.to_string(start),
            "date_to": fields.Datetime.to_string(stop)})


class TestTicketAssignment(AssignmentCase):

    def test_round_robin_gives_tickets_in_turn_in_alphabetical_order(self):
        tickets = [self.new_ticket() for _i in range(4)]
        self.assertEqual([t.user_id for t in tickets],
                         [self.alice, self.bruno, self.chloe, self.alice])

    def test_least_open_gives_the_ticket_to_the_member_with_the_fewest_open_tickets(self):
        self.team.assign_method = "least_open"
        for user in (self.alice, self.bruno, self.bruno):
            self.new_ticket(user_id=user.id)
        # Chloé has none
        self.assertEqual(self.new_ticket().user_id, self.chloe)
        # one each for Alice and Chloé, two for Bruno: the tie goes in turn after Chloé
        self.assertEqual(self.new_ticket().user_id, self.alice)

    def test_closed_tickets_do_not_count_as_open_work(self):
        self.team.assign_method = "least_open"
        solved = self.env.ref("crm_helpdesk.stage_solved")
        for user in (self.alice, self.bruno, self.chloe, self.chloe):
            self.new_ticket(user_id=user.id)
        for ticket in self.env["crm.ticket"].search([("user_id", "=", self.chloe.id)]):
            ticket.stage_id = solved
        self.assertEqual(self.new_ticket().user_id, self.chloe)

    def test_a_member_on_leave_gets_no_ticket(self):
        now = datetime.utcnow()
        self.leave(self.resource_of(self.alice, self.always), now - timedelta(hours=1),
                   now + timedelta(days=1))
        tickets = [self.new_ticket() for _i in range(3)]
        self.assertNotIn(self.alice, [t.user_id for t in tickets])
        self.assertEqual({t.user_id for t in tickets}, {self.bruno, self.chloe})

    def test_the_member_own_calendar_wins_over_the_team_calendar(self):
        # Bruno works 9-17 in his own calendar: at 10:00 on Wednesday he works,
        # on Sunday at 10:00 he does not (the team's calendar is around the clock)
        self.resource_of(self.bruno, self.office)
        self.team.last_assigned_user_id = self.alice
        self.assertEqual(self.team._crm_assignee_for(moment=WEDNESDAY_10H), self.bruno)
        sunday = datetime(2026, 7, 19, 8, 0)
        self.team.last_assigned_user_id = self.alice
        self.assertEqual(self.team._crm_assignee_for(moment=sunday), self.chloe)

    def test_nobody_works_on_a_public_holiday_of_the_team_region(self):
        self.team.holidays_region = "fr"
        self.assertFalse(self.team._crm_assignee_for(moment=BASTILLE_DAY_10H))
        self.assertTrue(self.team._crm_assignee_for(moment=WEDNESDAY_10H))

    def test_the_members_with_the_category_skill_get_its_tickets(self):
        self.category.skill_user_ids = self.chloe | self.bruno
        tickets = [self.new_ticket(category_id=self.category.id) for _i in range(3)]
        self.assertEqual([t.user_id for t in tickets], [self.bruno, self.chloe, self.bruno])
        # other categories still go to everyone in turn
        self.assertEqual(self.new_ticket().user_id, self.chloe)
        self.assertEqual(self.new_ticket().user_id, self.alice)

    def test_without_a_skilled_member_at_work_another_member_gets_the_ticket(self):
        self.category.skill_user_ids = self.chloe
        now = datetime.utcnow()
        self.leave(self.resource_of(self.chloe, self.always), now - timedelta(hours=1),
                   now + timedelta(days=1))
        self.assertIn(self.new_ticket(category_id=self.category.id).user_id,
                      self.alice | self.bruno)

    def test_nobody_at_work_leaves_the_ticket_waiting_until_the_cron_assigns_it(self):
        now = datetime.utcnow()
        leaves = self.env["resource.calendar.leaves"]
        for user in (self.alice, self.bruno, self.chloe):
            leaves |= self.leave(self.resource_of(user, self.always),
                                 now - timedelta(hours=1), now + timedelta(hours=2))
        ticket = self.new_ticket()
        self.assertFalse(ticket.user_id)
        self.assertEqual(ticket.team_id, self.team)
        self.env["crm.helpdesk.team"]._crm_cron_assign_waiting()
        self.assertFalse(ticket.user_id)
        # they are back: the next run of the cron assigns it
        leaves.unlink()
        self.env["crm.helpdesk.team"]._crm_cron_assign_waiting()
        self.assertEqual(ticket.user_id, self.alice)

    def test_a_manual_team_leaves_new_tickets_unassigned(self):
        self.team.assign_method = "manual"
        self.assertFalse(self.new_ticket().user_id)

    def test_a_ticket_created_with_an_assignee_keeps_it(self):
        self.assertEqual(self.new_ticket(user_id=self.chloe.id).user_id, self.chloe)
        self.assertFalse(self.team.last_assigned_user_id)

    def test_a_helpdesk_user_creating_a_ticket_gets_it_assigned(self):
        ticket = self.new_ticket(env=self.env(user=self.chloe.id))
        self.assertEqual(ticket.user_id, self.alice)

    def test_only_a_manager_runs_assign_on_waiting_tickets(self):
        self.team.assign_method = "manual"
        ticket = self.new_ticket()
        self.team.assign_method = "least_open"
        with self.assertRaises(AccessError):
            ticket.sudo(self.alice).action_crm_assign()
        with self.assertRaises(AccessError):
            self.team.sudo(self.alice).action_crm_assign_waiting()
        self.team.sudo(self.manager).action_crm_assign_waiting()
        self.assertEqual(ticket.user_id, self.alice)

    def test_the_assignee_follows_the_ticket(self):
        ticket = self.new_ticket()
        self.assertIn(self.alice.partner_id, ticket.message_partner_ids)
        ticket.user_id = self.bruno
        self.assertIn(self.bruno.partner_id, ticket.message_partner_ids)


class TestInternalDiscussion(AssignmentCase):

    def test_a_note_mentioning_a_colleague_notifies_them_and_not_the_customer(self):
        ticket = self.new_ticket()
        ticket.message_subscribe(partner_ids=[self.customer.id])
        self.assertIn(self.customer, ticket.message_partner_ids)
        note = ticket.sudo(self.alice).message_post(
            body="@Bruno Caron peux-tu regarder la facture ?", subtype="mail.mt_note",
            message_type="comment", partner_ids=[(4, self.bruno.partner_id.id)])
        notified = note.notification_ids.mapped("res_partner_id")
        self.assertIn(self.bruno.partner_id, notified)
        self.assertNotIn(self.customer, notified)
        self.assertNotIn(self.customer, note.needaction_partner_ids)
        self.assertFalse(self.env["mail.mail"].search(
            [("mail_message_id", "=", note.id),
             ("recipient_ids", "in", self.customer.ids)]))

    def test_a_reply_to_the_customer_reaches_them(self):
        ticket = self.new_ticket()
        ticket.message_subscribe(partner_ids=[self.customer.id])
        reply = ticket.sudo(self.alice).message_post(
            body="Bonjour, la facture est corrigée.", subtype="mail.mt_comment",
            message_type="comment")
        self.assertIn(self.customer, reply.notification_ids.mapped("res_partner_id"))


class TestAssignmentConcurrency(SavepointCase):
    """Two tickets created at the same moment in two transactions go to two
    people: the second waits for the first one's lock on the team, then reads
    who got the first. The team is committed (each transaction sees only
    committed data) and removed at the end."""

    def test_two_tickets_at_the_same_moment_go_to_two_people(self):
        registry = self.registry
        with closing(registry.cursor()) as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"mail_create_nolog": True})
            calendar = always_calendar(env, "Support 24/7 (concurrence)")
            # new users: the demo ones have an employee, whose calendar may
            # not be worked at the moment the test runs
            group = env.ref("crm_helpdesk.group_helpdesk_user")
            Users = env["res.users"].with_context(no_reset_password=True)
            users = Users.browse()
            for login, name in (("asg_conc_a", "Agathe Concurrence"),
                                ("asg_conc_b", "Basile Concurrence")):
                users |= Users.create({"login": login, "name": name,
                                       "groups_id": [(6, 0, [group.id])]})
            team = env["crm.helpdesk.team"].create({
                "name": "Concurrence (test)", "alias_name": "concurrence-test-assign",
                "resource_calendar_id": calendar.id, "holidays_region": "none",
                "assign_method": "round_robin", "member_ids": [(6, 0, users.ids)]})
            team_id, calendar_id, user_ids = team.id, calendar.id, users.ids
            cr.commit()  # pylint: disable=invalid-commit
        ticket_ids = []
        try:
            with closing(registry.cursor()) as cr_a, closing(registry.cursor()) as cr_b:
                env_a = api.Environment(cr_a, SUPERUSER_ID, {"mail_create_nolog": True})
                env_b = api.Environment(cr_b, SUPERUSER_ID, {"mail_create_nolog": True})
                values = {"name": "Panne générale", "team_id": team_id}
                first = env_a["crm.ticket"].create(values)
                ticket_ids.append(first.id)
                # while the first transaction runs, the second one waits for the team
                cr_b.execute("SET LOCAL lock_timeout = '300ms'")
                with mute_logger("odoo.sql_db"), self.assertRaises(psycopg2.OperationalError):
                    env_b["crm.ticket"].create(values)
                cr_b.rollback()
                cr_a.commit()  # pylint: disable=invalid-commit
                env_b.clear()
                second = env_b["crm.ticket"].create(values)
                ticket_ids.append(second.id)
                cr_b.commit()  # pylint: disable=invalid-commit
                self.assertTrue(first.user_id and second.user_id)
                self.assertNotEqual(first.user_id, second.user_id)
                self.assertEqual(set((first.user_id | second.user_id).ids), set(user_ids))
        finally:
            with closing(registry.cursor()) as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                tickets = env["crm.ticket"].browse(ticket_ids).exists()
                env["mail.message"].search(
                    [("model", "=", "crm.ticket"), ("res_id", "in", tickets.ids)]).unlink()
                tickets.unlink()
                env["crm.helpdesk.team"].browse(team_id).unlink()
                env["resource.calendar"].browse(calendar_id).unlink()
                users = env["res.users"].browse(user_ids)
                partners = users.mapped("partner_id")
                users.unlink()
                partners.unlink()
                cr.commit()  # pylint: disable=invalid-commit
