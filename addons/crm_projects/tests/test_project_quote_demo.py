# -*- coding: utf-8 -*-
"""The demo projects: three French projects made from signed demo quotes."""
from odoo.tests.common import SavepointCase

QUOTES = ("site_architectes", "cuisine_bouchon", "formation_interim")


class TestProjectQuoteDemo(SavepointCase):

    def _project(self, key):
        quote = self.env.ref("crm_projects.crm_quote_demo_project_%s" % key)
        return self.env["project.project"].search([("crm_quote_id", "=", quote.id)])

    def test_three_projects_were_made_from_the_signed_demo_quotes(self):
        projects = [self._project(key) for key in QUOTES]
        self.assertEqual([len(project) for project in projects], [1, 1, 1])
        self.assertEqual([project.name for project in projects], [
            "Refonte du site vitrine (%s)" % projects[0].crm_quote_id.name,
            "Aménagement de la cuisine du restaurant (%s)" % projects[1].crm_quote_id.name,
            "Formation des chargés de recrutement (%s)" % projects[2].crm_quote_id.name])
        for project in projects:
            self.assertEqual(project.crm_sold_amount, project.crm_quote_id.amount_untaxed)
            self.assertEqual(project.crm_opportunity_id.expected_revenue,
                             project.crm_sold_amount)
            self.assertTrue(project.crm_phase_ids.filtered("date_deadline"))

    def test_every_demo_task_with_hours_has_demo_assignees(self):
        demo_users = self.env.ref("crm_sales.crm_demo_user_camille") \
            | self.env.ref("crm_sales.crm_demo_user_julien") \
            | self.env.ref("crm_sales.crm_demo_user_elise") | self.env.ref("base.user_demo")
        tasks = self.env["project.task"].browse()
        for key in QUOTES:
            tasks |= self._project(key).task_ids
        self.assertTrue(all(task.crm_user_ids for task in tasks))
        self.assertFalse(tasks.mapped("crm_user_ids") - demo_users)

    def test_the_training_sold_in_weeks_and_days_has_its_hours_and_phases(self):
        project = self._project("formation_interim")
        sessions = project.task_ids.filtered(
            lambda task: task.name == "Animation des sessions en agence")
        per_day = project._crm_calendar_attendances(project.company_id)
        self.assertTrue(per_day)
        self.assertEqual(sessions.planned_hours, 5 * sessions.crm_sold_hours / 5)
        self.assertEqual(project.crm_phase_ids.sorted("sequence").mapped("name"),
                         ["Préparation", "Formation", "Suivi"])
        self.assertEqual(sessions.crm_dependency_ids.mapped("depends_on_id.name"), [
            "Analyse des besoins et entretiens avec les managers",
            "Conception des supports et des cas pratiques"])

    def test_the_kitchen_has_a_task_without_hours_said_in_the_chatter_and_a_tight_deadline(self):
        project = self._project("cuisine_bouchon")
        appliances = project.task_ids.filtered(
            lambda task: task.name == "Piano de cuisson et hotte professionnelle")
        self.assertEqual(appliances.planned_hours, 0.0)
        self.assertTrue(any("Piano de cuisson et hotte professionnelle" in body
                            for body in project.message_ids.mapped("body")))
        fitting = project.task_ids.filtered(
            lambda task: task.name == "Pose des meubles hauts et bas")
        self.assertEqual(fitting.planned_hours, 14.0)
        self.assertTrue(fitting.date_deadline)
        self.assertEqual(len(fitting.crm_dependency_ids), 2)
