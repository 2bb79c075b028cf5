# -*- coding: utf-8 -*-
from odoo.exceptions import AccessError, UserError

from .timesheet_common import TimesheetCase


class TestTimesheetMeeting(TimesheetCase):

    def meeting(self, **values):
        partners = (self.lea | self.hugo).mapped("partner_id") | self.customer
        return self.env["calendar.event"].create(dict({
            "name": "Point d'avancement", "start": "2026-03-04 09:00:00",
            "stop": "2026-03-04 10:30:00", "duration": 1.5, "user_id": self.lea.id,
            "partner_ids": [(6, 0, partners.ids)], "crm_task_id": self.task_design.id},
            **values))

    def test_logging_a_meeting_gives_each_employee_attendee_its_duration_once(self):
        event = self.meeting()
        event.action_crm_log_time()
        lines = event.crm_timesheet_ids
        self.assertEqual(sorted(lines.mapped("employee_id.name")),
                         ["Hugo Bernard", "Léa Martin"])
        self.assertEqual(lines.mapped("unit_amount"), [1.5, 1.5])
        self.assertEqual(lines.mapped("task_id"), self.task_design)
        self.assertEqual(set(lines.mapped("date")), {"2026-03-04"})
        with self.assertRaises(UserError):
            event.action_crm_log_time()
        self.assertEqual(len(event.crm_timesheet_ids), 2)
        self.assertEqual(self.task_design.effective_hours, 3.0)

    def test_an_attendee_who_declined_gets_no_time(self):
        event = self.meeting()
        event.attendee_ids.filtered(
            lambda a: a.partner_id == self.hugo.partner_id).do_decline()
        event.action_crm_log_time()
        self.assertEqual(event.crm_timesheet_ids.mapped("employee_id"), self.emp_lea)

    def test_a_meeting_without_a_task_asks_for_one(self):
        event = self.meeting(crm_task_id=False)
        with self.assertRaises(UserError):
            event.action_crm_log_time()
        self.assertFalse(event.crm_timesheet_ids)


class TestTimesheetRights(TimesheetCase):

    def test_a_project_user_sees_only_their_own_time_and_a_manager_everyone(self):
        own = self.log(self.emp_lea, self.task_design, 3.0)
        other = self.log(self.emp_hugo, self.task_dev, 2.0)
        Line = self.env["account.analytic.line"]
        domain = [("project_id", "=", self.project.id)]
        self.assertEqual(Line.sudo(self.lea).search(domain), own)
        with self.assertRaises(AccessError):
            other.sudo(self.lea).read(["unit_amount"])
        self.assertEqual(Line.sudo(self.boss).search(domain), own | other)

    def test_a_project_user_logs_their_time_but_not_a_colleague_s(self):
        Line = self.env["account.analytic.line"].sudo(self.lea)
        line = Line.create({"name": "Maquette accueil", "unit_amount": 2.0,
                            "project_id": self.project.id, "task_id": self.task_design.id})
        self.assertEqual(line.employee_id, self.emp_lea)
        self.assertEqual(line.sudo().amount, -80.0)
        with self.assertRaises(AccessError):
            Line.create({"name": "Pour Hugo", "unit_amount": 2.0, "user_id": self.hugo.id,
                         "project_id": self.project.id, "task_id": self.task_dev.id})

    def test_a_project_user_sees_the_project_hours_but_not_its_costs(self):
        self.log(self.emp_hugo, self.task_dev, 2.0)
        project = self.project.sudo(self.lea)
        self.assertEqual(project.crm_hours_spent, 2.0)
        with self.assertRaises(AccessError):
            project.read(["crm_margin"])
        self.assertEqual(self.project.sudo(self.boss).crm_margin, 1880.0)

    def test_the_profitability_tab_is_shown_to_managers_only(self):
        Project = self.env["project.project"]
        view = self.env.ref("project.edit_project").id
        user_arch = Project.sudo(self.lea).fields_view_get(view, "form")["arch"]
        boss_arch = Project.sudo(self.boss).fields_view_get(view, "form")["arch"]
        self.assertIn("crm_hours_spent", user_arch)
        self.assertNotIn("crm_margin", user_arch)
        self.assertIn("crm_margin", boss_arch)
        self.assertIn("Profitability", boss_arch)

    def test_a_project_user_sees_the_expenses_they_logged_and_not_the_report(self):
        Expense = self.env["crm.project.expense"]
        mine = Expense.sudo(self.lea).create({
            "project_id": self.project.id, "name": "Billet de train Lyon-Paris", "amount": 64.0})
        other = self.expense(100.0)
        domain = [("project_id", "=", self.project.id)]
        self.assertEqual(Expense.sudo(self.lea).search(domain), mine)
        self.assertEqual(Expense.sudo(self.boss).search(domain), mine | other)
        with self.assertRaises(AccessError):
            self.env["crm.project.profitability.report"].sudo(self.lea).search([])
        self.assertTrue(self.env["crm.project.profitability.report"].sudo(self.boss).search(
            [("project_id", "=", self.project.id)]))
