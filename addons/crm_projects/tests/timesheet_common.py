# -*- coding: utf-8 -*-
"""Two employees at different hourly costs and a project of two tasks, for
the timesheet and profitability tests (crm_projects and its billing bridge)."""
from odoo.tests.common import TransactionCase


class TimesheetCase(TransactionCase):

    def setUp(self):
        super(TimesheetCase, self).setUp()
        Users = self.env["res.users"].with_context(no_reset_password=True)
        user_group = self.env.ref("crm_projects.group_projects_user")
        manager_group = self.env.ref("crm_projects.group_projects_manager")
        self.lea = Users.create({
            "name": "Léa Martin", "login": "lea.ptime@example.com", "email": "lea@example.com",
            "groups_id": [(6, 0, [user_group.id])]})
        self.hugo = Users.create({
            "name": "Hugo Bernard", "login": "hugo.ptime@example.com",
            "email": "hugo@example.com", "groups_id": [(6, 0, [user_group.id])]})
        self.boss = Users.create({
            "name": "Claire Petit", "login": "claire.ptime@example.com",
            "email": "claire@example.com", "groups_id": [(6, 0, [manager_group.id])]})
        Employee = self.env["hr.employee"]
        self.emp_lea = Employee.create({"name": "Léa Martin", "user_id": self.lea.id,
                                        "timesheet_cost": 40.0})
        self.emp_hugo = Employee.create({"name": "Hugo Bernard", "user_id": self.hugo.id,
                                         "timesheet_cost": 60.0})
        self.customer = self.env["res.partner"].create({
            "name": "Boulangerie Dupont", "is_company": True, "customer": True})
        self.project = self.env["project.project"].create({
            "name": "Site web de la boulangerie", "partner_id": self.customer.id,
            "crm_sold_amount": 2000.0, "privacy_visibility": "employees"})
        Task = self.env["project.task"]
        self.task_design = Task.create({
            "name": "Maquettes", "project_id": self.project.id, "crm_sold_hours": 10.0,
            "planned_hours": 12.0, "crm_user_ids": [(6, 0, [self.lea.id])]})
        self.task_dev = Task.create({
            "name": "Intégration", "project_id": self.project.id, "crm_sold_hours": 5.0,
            "planned_hours": 6.0, "crm_user_ids": [(6, 0, [self.hugo.id])]})

    def log(self, employee, task, hours, date="2026-03-02", name="Travail"):
        return self.env["account.analytic.line"].create({
            "name": name, "date": date, "unit_amount": hours, "employee_id": employee.id,
            "project_id": task.project_id.id, "task_id": task.id})

    def expense(self, amount, reinvoice=False, name="Licence de police de caractères"):
        return self.env["crm.project.expense"].create({
            "project_id": self.project.id, "name": name, "amount": amount,
            "date": "2026-03-03", "reinvoice": reinvoice})
