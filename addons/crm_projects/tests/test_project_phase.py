# -*- coding: utf-8 -*-
from odoo.tests.common import TransactionCase


class TestProjectPhase(TransactionCase):
    """A phase starts and ends with its tasks and is late when one ends after its milestone."""

    def setUp(self):
        super(TestProjectPhase, self).setUp()
        # dates in UTC, read in the user's zone (Paris)
        self.env.user.tz = "Europe/Paris"
        self.project = self.env["project.project"].create({"name": "Cuisine Martin"})
        self.phase = self.env["crm.project.phase"].create({
            "name": "Gros œuvre", "project_id": self.project.id, "date_deadline": "2027-03-12"})
        Task = self.env["project.task"]
        self.demolition = Task.create({
            "name": "Démolition", "project_id": self.project.id, "crm_phase_id": self.phase.id,
            "crm_planned_start": "2027-03-08 07:00:00", "crm_planned_end": "2027-03-09 16:00:00"})
        self.chape = Task.create({
            "name": "Chape", "project_id": self.project.id, "crm_phase_id": self.phase.id,
            "crm_planned_start": "2027-03-10 07:00:00", "crm_planned_end": "2027-03-12 16:00:00"})

    def test_the_phase_runs_from_its_first_task_to_its_last(self):
        self.assertEqual(self.phase.task_count, 2)
        self.assertEqual(self.phase.date_start, "2027-03-08 07:00:00")
        self.assertEqual(self.phase.date_end, "2027-03-12 16:00:00")
        self.assertFalse(self.phase.is_late)

    def test_a_task_ending_after_the_milestone_makes_the_phase_late(self):
        self.chape.crm_planned_end = "2027-03-15 10:00:00"
        self.assertEqual(self.phase.date_end, "2027-03-15 10:00:00")
        self.assertTrue(self.phase.is_late)

    def test_the_milestone_day_is_the_users_day(self):
        # 23:30 UTC on the 12th is already the 13th in Paris: late
        self.chape.crm_planned_end = "2027-03-12 23:30:00"
        self.assertTrue(self.phase.is_late)
        self.chape.crm_planned_end = "2027-03-12 22:30:00"
        self.assertFalse(self.phase.is_late)

    def test_tasks_can_be_grouped_by_phase(self):
        groups = self.env["project.task"].read_group(
            [("project_id", "=", self.project.id)], ["crm_phase_id"], ["crm_phase_id"])
        self.assertEqual([(g["crm_phase_id"][0], g["crm_phase_id_count"]) for g in groups],
                         [(self.phase.id, 2)])
