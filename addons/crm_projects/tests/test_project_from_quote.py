# -*- coding: utf-8 -*-
"""A signed quote or a won opportunity becomes a project in one click."""
from odoo.exceptions import UserError

from .quote_common import QuoteProjectCase, priced, section


class TestProjectFromQuote(QuoteProjectCase):

    def _create(self, record, assignees=None):
        action = record.sudo(self.manager).with_context(
            crm_project_assignees=assignees).action_crm_create_project()
        self.assertEqual(action["res_model"], "project.project")
        return self.env["project.project"].browse(action["res_id"])

    def test_a_signed_quote_becomes_a_project_with_a_task_per_priced_line(self):
        opp = self._opportunity()
        quote = self._quote(self._kitchen_lines(), opportunity=opp)
        project = self._create(quote)
        self.assertEqual(project.name, "Rénovation de la cuisine (%s)" % quote.name)
        self.assertEqual(project.partner_id, self.customer)
        self.assertEqual(project.crm_quote_id, quote)
        self.assertEqual(project.crm_opportunity_id, opp)
        self.assertEqual(project.crm_sold_amount, quote.amount_untaxed)
        self.assertEqual(project.crm_sold_amount, 6*45 + 380 + 3*420 + 2400)
        self.assertTrue(project.analytic_account_id)
        self.assertEqual(project.crm_date_start, project.create_date[:10])
        tasks = project.task_ids.sorted("sequence")
        self.assertEqual(tasks.mapped("name"), [
            "Dépose de l'ancienne cuisine", "Plomberie et électricité",
            "Pose des meubles et du plan de travail", "Électroménager encastrable"])
        self.assertEqual(tasks.mapped("sequence"), [20, 30, 50, 60])
        self.assertEqual(tasks[2].description, "<p>Pose des meubles et du plan de travail"
                                               "<br>Chêne massif, 3,20 m</p>")
        self.assertFalse(tasks[0].description)
        self.assertEqual(tasks.mapped("crm_quote_line_id"),
                         quote.line_ids.filtered(lambda line: not line.display_type))

    def test_3_days_are_21_hours_on_a_35_hour_week_of_5_days(self):
        project = self._create(self._quote(self._kitchen_lines()))
        hours = {task.name: (task.crm_sold_hours, task.planned_hours)
                 for task in project.task_ids}
        self.assertEqual(hours["Pose des meubles et du plan de travail"], (21.0, 21.0))
        self.assertEqual(hours["Plomberie et électricité"], (7.0, 7.0))
        self.assertEqual(hours["Dépose de l'ancienne cuisine"], (6.0, 6.0))

    def test_weeks_and_months_follow_the_company_calendar(self):
        project = self._create(self._quote([
            priced("Formation des équipes", 2, "week", 3000, 10),
            priced("Accompagnement", 1, "month", 5000, 20)]))
        hours = {task.name: task.planned_hours for task in project.task_ids}
        self.assertEqual(hours, {"Formation des équipes": 70.0, "Accompagnement": 151.67})

    def test_sections_become_phases_and_each_phase_waits_for_the_one_before(self):
        project = self._create(self._quote(self._kitchen_lines()))
        self.assertEqual(project.crm_phase_ids.sorted("sequence").mapped("name"),
                         ["Préparation", "Pose"])
        by_name = {task.name: task for task in project.task_ids}
        preparation = by_name["Dépose de l'ancienne cuisine"] \
            | by_name["Plomberie et électricité"]
        self.assertEqual(preparation.mapped("crm_phase_id.name"), ["Préparation"])
        self.assertFalse(preparation.mapped("crm_dependency_ids"))
        fitting = by_name["Pose des meubles et du plan de travail"]
        self.assertEqual(fitting.crm_phase_id.name, "Pose")
        self.assertEqual(fitting.crm_dependency_ids.mapped("depends_on_id"), preparation)
        self.assertEqual(fitting.crm_dependency_ids.mapped("lag_days"), [0.0, 0.0])

    def test_a_line_in_units_gets_no_hours_and_the_chatter_says_why(self):
        project = self._create(self._quote(self._kitchen_lines()))
        appliances = project.task_ids.filtered(lambda t: t.name == "Électroménager encastrable")
        self.assertEqual(appliances.planned_hours, 0.0)
        notes = project.message_ids.mapped("body")
        self.assertTrue(any("Line «Électroménager encastrable»: sold in units, its hours "
                            "are to be set by hand" in body for body in notes), notes)

    def test_twice_opens_the_same_project(self):
        quote = self._quote(self._kitchen_lines())
        first = self._create(quote)
        second = self._create(quote)
        self.assertEqual(first, second)
        self.assertEqual(self.env["project.project"].search_count(
            [("crm_quote_id", "=", quote.id)]), 1)
        self.assertEqual(quote.crm_project_id, first)

    def test_a_quote_not_signed_is_refused_with_a_clear_message(self):
        quote = self._quote(self._kitchen_lines(), signed=False)
        with self.assertRaisesRegex(UserError, "is not signed"):
            quote.sudo(self.manager).action_crm_create_project()
        self.assertFalse(self.env["project.project"].search([("crm_quote_id", "=", quote.id)]))

    def test_assignees_given_per_line_or_for_every_task(self):
        worker = self.env["res.users"].create({
            "name": "Hugo Petit", "login": "hugo.cuisine@example.fr",
            "groups_id": [(6, 0, [self.env.ref("crm_projects.group_projects_user").id])]})
        quote = self._quote(self._kitchen_lines())
        line = quote.line_ids.filtered(lambda ql: ql.name == "Plomberie et électricité")
        project = self._create(quote, assignees={str(line.id): [worker.id]})
        plumbing = project.task_ids.filtered(lambda t: t.crm_quote_line_id == line)
        self.assertEqual(plumbing.crm_user_ids, worker)
        self.assertEqual(plumbing.user_id, worker)
        self.assertFalse((project.task_ids - plumbing).mapped("crm_user_ids"))
        other = self._create(self._quote([priced("Finitions", 4, "hour", 45, 10)]),
                             assignees=[worker.id])
        self.assertEqual(other.task_ids.crm_user_ids, worker)

    def test_a_won_opportunity_uses_its_signed_quote(self):
        opp = self._opportunity()
        quote = self._quote(self._kitchen_lines(), opportunity=opp)
        project = self._create(opp)
        self.assertEqual(project.crm_quote_id, quote)
        self.assertEqual(project.crm_opportunity_id, opp)
        self.assertEqual(len(project.task_ids), 4)
        self.assertEqual(opp.crm_project_count, 1)
        # the quote's button now opens the same project
        self.assertEqual(self._create(quote), project)

    def test_a_won_opportunity_without_quote_gets_one_task_for_its_amount(self):
        opp = self._opportunity("Dépannage chaudière")
        project = self._create(opp)
        self.assertEqual(project.name, "Dépannage chaudière")
        self.assertEqual(project.crm_sold_amount, 4200.0)
        self.assertEqual(project.task_ids.mapped("name"), ["Dépannage chaudière"])
        self.assertEqual(project.task_ids.planned_hours, 0.0)
        self.assertEqual(self._create(opp), project)

    def test_an_opportunity_not_won_is_refused_with_a_clear_message(self):
        opp = self._opportunity(won=False)
        with self.assertRaisesRegex(UserError, "is not won"):
            opp.sudo(self.manager).action_crm_create_project()

    def test_an_opportunity_with_two_signed_quotes_asks_which_one(self):
        opp = self._opportunity()
        self._quote([priced("Pose", 1, "day", 400, 10)], opportunity=opp)
        self._quote([priced("Dépose", 1, "day", 400, 10)], opportunity=opp)
        with self.assertRaisesRegex(UserError, "several signed quotes"):
            opp.sudo(self.manager).action_crm_create_project()

    def test_lines_above_the_first_section_have_no_phase_and_no_dependency(self):
        project = self._create(self._quote([
            priced("Métré", 2, "hour", 45, 10),
            section("Pose", 20),
            priced("Pose", 1, "day", 400, 30)]))
        measure = project.task_ids.filtered(lambda t: t.name == "Métré")
        self.assertFalse(measure.crm_phase_id)
        self.assertFalse(project.task_ids.mapped("crm_dependency_ids"))
