# -*- coding: utf-8 -*-
from odoo.tests.common import TransactionCase


class TestTaskChecklist(TransactionCase):
    """A task's checklist and the progress the Kanban card shows."""

    def test_the_progress_counts_the_items_ticked(self):
        task = self.env["project.task"].create({"name": "Pose des fenêtres", "crm_checklist_ids": [
            (0, 0, {"name": "Commander les fenêtres"}),
            (0, 0, {"name": "Déposer les anciennes"}),
            (0, 0, {"name": "Poser et calfeutrer"}),
        ]})
        self.assertEqual(task.crm_checklist_progress, "0/3")
        task.crm_checklist_ids[0].action_toggle_done()
        task.crm_checklist_ids[1].done = True
        self.assertEqual(task.crm_checklist_progress, "2/3")
        self.assertEqual(task.crm_checklist_done, 2)
        task.crm_checklist_ids[0].action_toggle_done()
        self.assertEqual(task.crm_checklist_progress, "1/3")

    def test_a_task_without_checklist_shows_no_progress(self):
        task = self.env["project.task"].create({"name": "Réunion de chantier"})
        self.assertFalse(task.crm_checklist_progress)
        self.assertEqual(task.crm_checklist_count, 0)

    def test_removing_an_item_updates_the_progress(self):
        task = self.env["project.task"].create({"name": "Peinture", "crm_checklist_ids": [
            (0, 0, {"name": "Poncer", "done": True}),
            (0, 0, {"name": "Sous-couche"}),
        ]})
        self.assertEqual(task.crm_checklist_progress, "1/2")
        task.crm_checklist_ids.filtered(lambda item: not item.done).unlink()
        self.assertEqual(task.crm_checklist_progress, "1/1")
