# -*- coding: utf-8 -*-
from odoo.tests.common import TransactionCase


class TestTaskAssignees(TransactionCase):
    """Odoo's "Assigned to" (user_id) is the first of the assignees."""

    def setUp(self):
        super(TestTaskAssignees, self).setUp()
        Users = self.env["res.users"].with_context(no_reset_password=True)
        self.lea, self.hugo, self.ines = [
            Users.create({"name": name, "login": "%s@example.fr" % name.lower()})
            for name in ("Léa", "Hugo", "Inès")]
        self.project = self.env["project.project"].create({"name": "Salle de bains Roux"})

    def task(self, **vals):
        vals.setdefault("name", "Carrelage")
        vals.setdefault("project_id", self.project.id)
        return self.env["project.task"].create(vals)

    def test_the_first_assignee_is_assigned_to(self):
        task = self.task(crm_user_ids=[(6, 0, [self.hugo.id, self.lea.id])])
        self.assertEqual(task.user_id, self.hugo)

    def test_assigned_to_joins_the_assignees(self):
        task = self.task(user_id=self.lea.id)
        self.assertEqual(task.crm_user_ids, self.lea)
        task.user_id = self.hugo
        self.assertEqual(task.crm_user_ids, self.lea | self.hugo)

    def test_removing_the_first_assignee_assigns_the_next(self):
        task = self.task(crm_user_ids=[(6, 0, [self.lea.id, self.ines.id])])
        task.write({"crm_user_ids": [(3, self.lea.id)]})
        self.assertEqual(task.user_id, self.ines)

    def test_no_assignee_leaves_the_task_unassigned(self):
        task = self.task(crm_user_ids=[(6, 0, [self.lea.id])])
        task.write({"crm_user_ids": [(5,)]})
        self.assertFalse(task.user_id)

    def test_the_form_keeps_both_in_step(self):
        task = self.task(crm_user_ids=[(6, 0, [self.lea.id])])
        form = self.env["project.task"].new({"crm_user_ids": [(6, 0, [self.ines.id])],
                                             "user_id": task.user_id.id})
        form._onchange_crm_user_ids()
        self.assertEqual(form.user_id, self.ines)
        form.user_id = self.hugo
        form._onchange_user_id_crm_assignees()
        self.assertEqual(form.crm_user_ids, self.ines | self.hugo)
