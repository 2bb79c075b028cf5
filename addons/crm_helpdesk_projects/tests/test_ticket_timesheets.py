# -*- coding: utf-8 -*-
"""Time spent on tickets: timesheet lines of the ticket's project, counted on
the ticket and in the project's hours and profitability."""
from odoo.exceptions import ValidationError
from odoo.tests.common import SavepointCase


class TestTicketTimesheets(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestTicketTimesheets, cls).setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, no_reset_password=True,
                                       mail_create_nolog=True))
        Users = cls.env["res.users"]
        both = [cls.env.ref("crm_projects.group_projects_user").id,
                cls.env.ref("crm_helpdesk.group_helpdesk_user").id]
        cls.lea = Users.create({"name": "Léa Martin", "login": "hp_lea",
                                "groups_id": [(6, 0, both)]})
        cls.hugo = Users.create({"name": "Hugo Bernard", "login": "hp_hugo",
                                 "groups_id": [(6, 0, both)]})
        cls.agent = Users.create({
            "name": "Agent Support", "login": "hp_agent",
            "groups_id": [(6, 0, [cls.env.ref("crm_helpdesk.group_helpdesk_user").id])]})
        Employee = cls.env["hr.employee"]
        cls.emp_lea = Employee.create({"name": "Léa Martin", "user_id": cls.lea.id,
                                       "timesheet_cost": 40.0})
        cls.emp_hugo = Employee.create({"name": "Hugo Bernard", "user_id": cls.hugo.id,
                                        "timesheet_cost": 60.0})
        cls.customer = cls.env["res.partner"].create({
            "name": "Boulangerie Dupont", "is_company": True, "customer": True})
        cls.project = cls.env["project.project"].create({
            "name": "Maintenance du site", "partner_id": cls.customer.id,
            "crm_sold_amount": 1000.0, "privacy_visibility": "employees"})
        cls.other_project = cls.env["project.project"].create({"name": "Autre projet"})
        cls.team = cls.env["crm.helpdesk.team"].create({
            "name": "Support projets (test)", "alias_name": "support-projets-test",
            "assign_method": "manual"})
        cls.ticket = cls.env["crm.ticket"].create({
            "name": "Le formulaire de contact est cassé", "team_id": cls.team.id,
            "partner_id": cls.customer.id, "project_id": cls.project.id})

    def log(self, employee, hours, ticket=None, **values):
        ticket = ticket or self.ticket
        return self.env["account.analytic.line"].create(dict({
            "name": "Diagnostic", "date": "2026-03-02", "unit_amount": hours,
            "employee_id": employee.id, "project_id": ticket.project_id.id,
            "ticket_id": ticket.id}, **values))

    def test_time_on_a_ticket_counts_on_the_ticket_and_in_the_project_profitability(self):
        self.log(self.emp_lea, 1.5)
        self.log(self.emp_hugo, 0.5)
        self.assertAlmostEqual(self.ticket.crm_hours_spent, 2.0)
        self.project.invalidate_cache()
        self.assertAlmostEqual(self.project.crm_hours_spent, 2.0)
        # 1.5 h at 40 + 0.5 h at 60
        self.assertAlmostEqual(self.project.crm_cost_time, 90.0)
        self.assertAlmostEqual(self.project.crm_margin, 910.0)

    def test_the_ticket_total_counts_everyone_while_a_project_user_reads_own_lines(self):
        self.log(self.emp_lea, 1.0)
        self.log(self.emp_hugo, 2.0)
        as_lea = self.ticket.sudo(self.lea)
        self.assertEqual(as_lea.timesheet_ids.mapped("unit_amount"), [1.0])
        self.assertAlmostEqual(as_lea.crm_hours_spent, 3.0)

    def test_time_goes_on_the_ticket_project_only(self):
        with self.assertRaisesRegex(ValidationError, "goes on its project"):
            self.log(self.emp_lea, 1.0, project_id=self.other_project.id)
        no_project = self.env["crm.ticket"].create({
            "name": "Question", "team_id": self.team.id, "partner_id": self.customer.id})
        with self.assertRaisesRegex(ValidationError, "to a project"):
            self.env["account.analytic.line"].create({
                "name": "Appel", "unit_amount": 0.25, "employee_id": self.emp_lea.id,
                "project_id": self.project.id, "ticket_id": no_project.id})

    def test_a_support_agent_without_project_rights_sees_the_total_only(self):
        self.log(self.emp_lea, 1.0)
        fields = self.env["crm.ticket"].sudo(self.agent).fields_get()
        self.assertNotIn("project_id", fields)
        self.assertNotIn("timesheet_ids", fields)
        self.assertAlmostEqual(self.ticket.sudo(self.agent).crm_hours_spent, 1.0)
        form = self.env["crm.ticket"].sudo(self.agent).fields_view_get(view_type="form")
        self.assertNotIn("timesheet_ids", form["arch"])
