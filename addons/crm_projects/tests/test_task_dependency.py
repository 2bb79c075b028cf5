# -*- coding: utf-8 -*-
from odoo.exceptions import ValidationError
from odoo.tests.common import TransactionCase


class TestTaskDependency(TransactionCase):
    """Finish-to-start dependencies: a cycle is refused with its tasks named in order."""

    def setUp(self):
        super(TestTaskDependency, self).setUp()
        self.project = self.env["project.project"].create({"name": "Rénovation Dupont"})
        self.other_project = self.env["project.project"].create({"name": "Extension Dupont"})
        Task = self.env["project.task"]
        self.pose, self.peinture, self.plomberie, self.cuisine = [
            Task.create({"name": name, "project_id": self.project.id})
            for name in ("Pose", "Peinture", "Plomberie", "Cuisine")]

    def depend(self, task, on, lag=0.0):
        return self.env["crm.task.dependency"].create(
            {"task_id": task.id, "depends_on_id": on.id, "lag_days": lag})

    def test_a_two_task_cycle_is_refused_naming_both_tasks(self):
        self.depend(self.peinture, self.pose)
        with self.assertRaises(ValidationError) as refused, self.env.cr.savepoint():
            self.depend(self.pose, self.peinture)
        self.assertIn("«Pose» → «Peinture» → «Pose»", refused.exception.name)
        self.pose.invalidate_cache()
        self.assertFalse(self.pose.crm_dependency_ids)

    def test_a_four_task_cycle_is_refused_naming_the_tasks_in_order(self):
        self.depend(self.peinture, self.pose)
        self.depend(self.plomberie, self.peinture)
        self.depend(self.cuisine, self.plomberie)
        with self.assertRaises(ValidationError) as refused, self.env.cr.savepoint():
            self.depend(self.pose, self.cuisine)
        self.assertIn("«Pose» → «Cuisine» → «Plomberie» → «Peinture» → «Pose»",
                      refused.exception.name)

    def test_a_cycle_made_by_a_write_is_refused_too(self):
        self.depend(self.peinture, self.pose)
        dependency = self.depend(self.cuisine, self.plomberie)
        with self.assertRaises(ValidationError) as refused, self.env.cr.savepoint():
            dependency.write({"task_id": self.pose.id, "depends_on_id": self.peinture.id})
        self.assertIn("«Pose» → «Peinture» → «Pose»", refused.exception.name)

    def test_a_diamond_is_no_cycle(self):
        self.depend(self.peinture, self.pose)
        self.depend(self.plomberie, self.pose)
        self.depend(self.cuisine, self.peinture)
        self.depend(self.cuisine, self.plomberie, lag=2)
        self.assertEqual(self.cuisine.crm_depends_on_task_ids, self.peinture | self.plomberie)
        self.assertEqual(self.pose.crm_successor_ids.mapped("task_id"),
                         self.peinture | self.plomberie)

    def test_a_task_may_wait_for_a_task_of_another_project_of_the_company(self):
        fondations = self.env["project.task"].create(
            {"name": "Fondations", "project_id": self.other_project.id})
        self.depend(self.pose, fondations)
        self.assertEqual(self.pose.crm_depends_on_task_ids, fondations)
        with self.assertRaises(ValidationError) as refused, self.env.cr.savepoint():
            self.depend(fondations, self.pose)
        self.assertIn("«Fondations» → «Pose» → «Fondations»", refused.exception.name)

    def test_a_task_of_another_company_cannot_be_waited_for(self):
        company = self.env["res.company"].create({"name": "Autre Société"})
        elsewhere = self.env["project.task"].create(
            {"name": "Ailleurs", "company_id": company.id})
        with self.assertRaises(ValidationError) as refused, self.env.cr.savepoint():
            self.depend(self.pose, elsewhere)
        self.assertIn("different companies", refused.exception.name)

    def test_the_cycle_check_is_one_query_whatever_the_chain_length(self):
        Task = self.env["project.task"]
        chain = [Task.create({"name": "Étape %d" % i, "project_id": self.project.id})
                 for i in range(30)]
        for previous, task in zip(chain, chain[1:]):
            self.depend(task, previous)
        closing = self.env["crm.task.dependency"].new(
            {"task_id": chain[0].id, "depends_on_id": chain[-1].id})
        queries = []
        execute = self.env.cr.execute

        def counting(query, params=None, *args, **kwargs):
            queries.append(query)
            return execute(query, params, *args, **kwargs)
        self.env.cr.execute = counting
        try:
            cycle = closing._crm_cycle()
        finally:
            del self.env.cr.execute
        self.assertEqual(len(queries), 1)
        self.assertEqual(cycle, [chain[0].id] + [t.id for t in reversed(chain)])
