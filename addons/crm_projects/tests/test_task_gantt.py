# -*- coding: utf-8 -*-
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests.common import TransactionCase


class TestTaskGantt(TransactionCase):
    """A task dragged in the Gantt: its dates, "not before", its row, and the re-planning."""

    def setUp(self):
        super(TestTaskGantt, self).setUp()
        Users = self.env["res.users"].with_context(no_reset_password=True)
        self.lea = Users.create({"name": "Léa", "login": "lea.ptask@example.fr"})
        self.hugo = Users.create({"name": "Hugo", "login": "hugo.ptask@example.fr"})
        self.project = self.env["project.project"].create(
            {"name": "Toiture Bernard", "crm_planning_auto": False})
        self.pose = self.env["project.task"].create({
            "name": "Pose", "project_id": self.project.id,
            "crm_user_ids": [(6, 0, [self.lea.id, self.hugo.id])],
            "crm_planned_start": "2027-03-01 08:00:00", "crm_planned_end": "2027-03-01 16:00:00"})
        self.peinture = self.env["project.task"].create({
            "name": "Peinture", "project_id": self.project.id})
        self.env["crm.task.dependency"].create(
            {"task_id": self.peinture.id, "depends_on_id": self.pose.id})

    def test_the_gantt_draws_an_arrow_from_the_tasks_a_task_waits_for(self):
        rows = self.env["project.task"].search_read(
            [("project_id", "=", self.project.id)], ["name", "crm_depends_on_task_ids"])
        arrows = dict((row["name"], row["crm_depends_on_task_ids"]) for row in rows)
        self.assertEqual(arrows, {"Pose": [], "Peinture": [self.pose.id]})

    def test_a_drop_sets_the_dates_and_the_day_the_task_starts_no_earlier_than(self):
        self.pose.crm_gantt_move({"crm_planned_start": "2027-03-03 08:00:00",
                                  "crm_planned_end": "2027-03-03 16:00:00",
                                  "project_id": False, "tag_ids": [1]})
        self.assertEqual(self.pose.crm_planned_start, "2027-03-03 08:00:00")
        self.assertEqual(self.pose.crm_not_before, "2027-03-03 08:00:00")
        self.assertEqual(self.pose.project_id, self.project, "dropped outside a row: kept")

    def test_a_drop_on_another_persons_row_gives_them_the_task(self):
        ines = self.env["res.users"].with_context(no_reset_password=True).create(
            {"name": "Inès", "login": "ines.ptask@example.fr"})
        self.pose.crm_gantt_move({"crm_planned_start": "2027-03-02 08:00:00",
                                  "crm_planned_end": "2027-03-02 16:00:00",
                                  "user_id": ines.id})
        self.assertEqual(self.pose.user_id, ines)
        self.assertEqual(self.pose.crm_user_ids, ines | self.hugo)

    def test_a_move_needs_a_start(self):
        with self.assertRaises(UserError):
            self.pose.crm_gantt_move({"crm_planned_end": "2027-03-02 16:00:00"})

    def test_a_move_replans_the_project_only_when_planning_is_automatic(self):
        Project = type(self.env["project.project"])
        with patch.object(Project, "_crm_plan", autospec=True) as plan:
            self.pose.crm_gantt_move({"crm_planned_start": "2027-03-02 08:00:00"})
            self.assertFalse(plan.called)
            self.project.crm_planning_auto = True
            self.pose.crm_gantt_move({"crm_planned_start": "2027-03-04 08:00:00"})
            self.assertEqual(plan.call_count, 1)
            self.assertEqual(plan.call_args[0][0], self.project)
