# -*- coding: utf-8 -*-
from odoo.exceptions import ValidationError

from .timesheet_common import TimesheetCase


class TestTimesheetProfitability(TimesheetCase):

    def test_a_timesheet_line_costs_its_hours_at_the_employee_hourly_cost(self):
        line = self.log(self.emp_lea, self.task_design, 3.0)
        self.assertEqual(line.amount, -120.0)
        self.assertEqual(line.user_id, self.lea)

    def test_a_line_keeps_the_cost_of_the_day_it_was_logged_until_its_hours_change(self):
        line = self.log(self.emp_lea, self.task_design, 3.0)
        self.emp_lea.timesheet_cost = 50.0
        self.assertEqual(line.amount, -120.0)
        line.unit_amount = 2.0
        self.assertEqual(line.amount, -100.0)

    def test_the_project_shows_sold_planned_spent_and_remaining_hours(self):
        self.log(self.emp_lea, self.task_design, 3.0)
        self.log(self.emp_hugo, self.task_dev, 2.0)
        project = self.project
        self.assertEqual(project.crm_hours_sold, 15.0)
        self.assertEqual(project.crm_hours_planned, 18.0)
        self.assertEqual(project.crm_hours_spent, 5.0)
        self.assertEqual(project.crm_hours_remaining, 13.0)

    def test_the_task_shows_the_sold_hours_left_and_the_cost_of_its_time(self):
        self.log(self.emp_lea, self.task_design, 3.0)
        self.log(self.emp_hugo, self.task_design, 1.5)
        task = self.task_design
        self.assertEqual(task.effective_hours, 4.5)
        self.assertEqual(task.remaining_hours, 7.5)
        self.assertEqual(task.crm_sold_hours_left, 5.5)
        self.assertEqual(task.crm_cost_time, 210.0)

    def test_the_margin_is_the_sold_amount_minus_time_at_each_cost_and_expenses(self):
        self.log(self.emp_lea, self.task_design, 3.0)
        self.log(self.emp_hugo, self.task_dev, 2.0)
        self.expense(100.0, reinvoice=True)
        project = self.project
        self.assertEqual(project.crm_cost_time, 240.0)
        self.assertEqual(project.crm_cost_expenses, 100.0)
        self.assertEqual(project.crm_cost_total, 340.0)
        self.assertEqual(project.crm_margin, 1660.0)
        self.assertEqual(project.crm_margin_percent, 83.0)

    def test_several_projects_read_together_each_get_their_own_figures(self):
        other = self.env["project.project"].create({"name": "Autre", "crm_sold_amount": 500.0})
        task = self.env["project.task"].create({"name": "Audit", "project_id": other.id,
                                                "planned_hours": 4.0})
        self.log(self.emp_hugo, task, 4.0)
        self.log(self.emp_lea, self.task_design, 1.0)
        rows = {row["id"]: row for row in (self.project | other).read(
            ["crm_hours_spent", "crm_margin", "crm_hours_planned"])}
        self.assertEqual(rows[other.id]["crm_hours_spent"], 4.0)
        self.assertEqual(rows[other.id]["crm_margin"], 260.0)
        self.assertEqual(rows[self.project.id]["crm_hours_spent"], 1.0)
        self.assertEqual(rows[self.project.id]["crm_margin"], 1960.0)

    def test_the_profitability_report_gives_the_same_margin_as_the_project_form(self):
        self.log(self.emp_lea, self.task_design, 3.0)
        self.log(self.emp_hugo, self.task_dev, 2.0)
        self.expense(100.0)
        rows = self.env["crm.project.profitability.report"].read_group(
            [("project_id", "=", self.project.id)],
            ["project_id", "sold_amount", "cost_time", "cost_expenses", "margin", "hours"],
            ["project_id"])
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0]["margin"], self.project.crm_margin)
        self.assertEqual(rows[0]["sold_amount"], 2000.0)
        self.assertEqual(rows[0]["cost_time"], 240.0)
        self.assertEqual(rows[0]["hours"], 5.0)

    def test_an_expense_must_have_a_positive_amount(self):
        with self.assertRaises(ValidationError):
            self.expense(-5.0)
