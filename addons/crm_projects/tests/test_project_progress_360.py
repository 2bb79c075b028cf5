# -*- coding: utf-8 -*-
"""How far a customer's projects are, on its 360° record and its portal:
the share of planned hours done, hours planned and spent, next milestone."""
from .quote_common import QuoteProjectCase, priced, section


class TestProjectProgress360(QuoteProjectCase):

    @classmethod
    def setUpClass(cls):
        super(TestProjectProgress360, cls).setUpClass()
        quote = cls._quote([
            section("Préparation", 10), priced("Dépose", 6, "hour", 45, 20),
            priced("Plomberie", 1, "day", 380, 30),
            section("Pose", 40), priced("Pose des meubles", 3, "day", 420, 50)])
        action = quote.sudo(cls.manager).action_crm_create_project()
        cls.project = cls.env["project.project"].browse(action["res_id"])
        cls.tasks = {task.name: task for task in cls.project.task_ids}
        cls.employee = cls.env["hr.employee"].create({
            "name": cls.manager.name, "user_id": cls.manager.id})
        cls.contact = cls.env["res.partner"].create({
            "name": "Paul Morel", "parent_id": cls.customer.id})

    def _log(self, task, hours):
        self.env["account.analytic.line"].create({
            "name": "Travail", "project_id": self.project.id, "task_id": task.id,
            "unit_amount": hours, "user_id": self.manager.id,
            "employee_id": self.employee.id})

    def test_progress_counts_hours_spent_up_to_the_planned_and_done_tasks_in_full(self):
        self.assertEqual(self.project.crm_progress_planned_hours, 34.0)
        self.assertEqual(self.project.crm_progress, 0.0)
        self._log(self.tasks["Dépose"], 3.0)
        self._log(self.tasks["Plomberie"], 9.0)   # 2 h more than planned: counts 7
        self.project.invalidate_cache()
        self.assertEqual(self.project.crm_progress_spent_hours, 12.0)
        self.assertEqual(self.project.crm_progress, round(100.0 * 10 / 34, 1))
        done = self.env["project.task.type"].create({"name": "Fait", "fold": True})
        self.tasks["Dépose"].stage_id = done
        self.project.invalidate_cache()
        self.assertEqual(self.project.crm_progress, round(100.0 * 13 / 34, 1))

    def test_the_next_milestone_is_the_earliest_phase_deadline_not_done(self):
        preparation, fitting = self.project.crm_phase_ids.sorted("sequence")
        preparation.date_deadline = "2027-01-08"
        fitting.date_deadline = "2027-01-22"
        self.assertEqual(self.project.crm_next_phase_id, preparation)
        self.assertEqual(self.project.crm_next_milestone_date, "2027-01-08")
        done = self.env["project.task.type"].create({"name": "Fait", "fold": True})
        preparation.task_ids.write({"stage_id": done.id})
        self.project.invalidate_cache()
        self.assertEqual(self.project.crm_next_phase_id, fitting)

    def test_the_customer_and_its_contacts_record_shows_its_projects(self):
        self.assertEqual(self.customer.crm_project_count, 1)
        self.assertEqual(self.customer.crm_project_ids, self.project)
        self.assertEqual(self.contact.crm_project_ids, self.env["project.project"])
        action = self.customer.with_context(
            crm_timeline_source="projects").action_crm_timeline_open()
        self.assertEqual(action["res_model"], "project.project")
        self.assertEqual(self.env["project.project"].search(action["domain"]), self.project)

    def test_the_activity_tab_says_how_far_the_project_is_in_the_readers_language(self):
        self.project.crm_phase_ids.sorted("sequence")[0].date_deadline = "2027-01-08"
        self._log(self.tasks["Dépose"], 2.5)
        self.project.invalidate_cache()
        items = [item for item in self.customer.crm_timeline_get()["items"]
                 if item.get("source") == "projects"]
        self.assertEqual(len(items), 1)
        self.assertEqual(items[0]["title"], "Project %s" % self.project.name)
        self.assertEqual(items[0]["summary"],
                         "7 % done · 2.5 h spent of 34 h planned · "
                         "next milestone «Préparation» on 01/08/2027")

    def test_the_smart_button_of_projects_is_on_the_customer_form(self):
        arch = self.env["res.partner"].sudo(self.manager).fields_view_get(
            view_id=self.env.ref("base.view_partner_form").id, view_type="form")["arch"]
        self.assertIn("'crm_timeline_source': 'projects'", arch)
        self.assertIn('name="crm_project_ids"', arch)
