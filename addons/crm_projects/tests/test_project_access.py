# -*- coding: utf-8 -*-
"""Who sees which project: a person sees the projects they work on, with
their tasks, phases and dependencies; a project manager sees every one; a
company does not see another's; a customer sees on the portal its own."""
from odoo.exceptions import AccessError

from .quote_common import QuoteProjectCase, priced, project_user, section


class TestProjectAccess(QuoteProjectCase):

    @classmethod
    def setUpClass(cls):
        super(TestProjectAccess, cls).setUpClass()
        cls.lea = project_user(cls.env, "Léa Martin", "lea.access@example.fr")
        cls.hugo = project_user(cls.env, "Hugo Petit", "hugo.access@example.fr")
        cls.ines = project_user(cls.env, "Inès Roy", "ines.access@example.fr")
        cls.other_customer = cls.env["res.partner"].create({
            "name": "Garage Voisin", "is_company": True, "customer": True})
        lines = [section("Préparation", 10), priced("Dépose", 6, "hour", 45, 20),
                 section("Pose", 30), priced("Pose des meubles", 2, "day", 420, 40)]
        cls.kitchen = cls._project(cls._quote(lines), [cls.lea.id])
        cls.garage = cls._project(cls._quote(lines, partner=cls.other_customer), [cls.hugo.id])

    @classmethod
    def _project(cls, quote, user_ids):
        action = quote.sudo(cls.manager).with_context(
            crm_project_assignees=user_ids).action_crm_create_project()
        return cls.env["project.project"].browse(action["res_id"])

    def _visible(self, user, model, records):
        return self.env[model].sudo(user).search([("id", "in", records.ids)])

    def test_an_assignee_sees_their_project_and_not_the_other(self):
        self.assertEqual(self._visible(self.lea, "project.project",
                                       self.kitchen | self.garage), self.kitchen)
        self.assertEqual(self._visible(self.hugo, "project.project",
                                       self.kitchen | self.garage), self.garage)

    def test_reading_another_project_by_id_is_refused(self):
        with self.assertRaises(AccessError):
            self.garage.sudo(self.lea).read(["name"])
        with self.assertRaises(AccessError):
            self.garage.task_ids[:1].sudo(self.lea).read(["name"])

    def test_an_assignee_sees_every_task_phase_and_dependency_of_their_project_only(self):
        tasks = self.kitchen.task_ids | self.garage.task_ids
        self.assertEqual(self._visible(self.lea, "project.task", tasks), self.kitchen.task_ids)
        phases = self.kitchen.crm_phase_ids | self.garage.crm_phase_ids
        self.assertEqual(self._visible(self.lea, "crm.project.phase", phases),
                         self.kitchen.crm_phase_ids)
        deps = self.env["crm.task.dependency"].search([("task_id", "in", tasks.ids)])
        self.assertEqual(len(deps), 2)
        self.assertEqual(self._visible(self.lea, "crm.task.dependency", deps).mapped(
            "task_id.project_id"), self.kitchen)

    def test_someone_on_no_task_sees_no_project_until_they_follow_or_manage_it(self):
        projects = self.kitchen | self.garage
        self.assertFalse(self._visible(self.ines, "project.project", projects))
        self.garage.message_subscribe(partner_ids=self.ines.partner_id.ids)
        self.assertEqual(self._visible(self.ines, "project.project", projects), self.garage)
        self.kitchen.user_id = self.ines
        self.assertEqual(self._visible(self.ines, "project.project", projects), projects)

    def test_odoo_visible_by_all_employees_no_longer_shows_a_project_to_everyone(self):
        internal = self.env["project.project"].create({
            "name": "Atelier interne", "privacy_visibility": "employees",
            "user_id": self.manager.id})
        self.assertFalse(self._visible(self.lea, "project.project", internal))
        sales = self.env["res.users"].create({
            "name": "Vendeur", "login": "vendeur.access@example.fr",
            "groups_id": [(6, 0, [self.env.ref("crm_sales.group_sales_user").id])]})
        self.assertFalse(self._visible(sales, "project.project", internal | self.kitchen))

    def test_a_done_task_still_shows_its_project_to_its_assignee(self):
        done = self.env["project.task.type"].create({"name": "Fait", "fold": True})
        self.garage.task_ids.write({"stage_id": done.id})
        self.assertEqual(self._visible(self.hugo, "project.project", self.garage),
                         self.garage)

    def test_a_project_manager_sees_every_project(self):
        self.assertEqual(self._visible(self.manager, "project.project",
                                       self.kitchen | self.garage), self.kitchen | self.garage)
        phases = self.kitchen.crm_phase_ids | self.garage.crm_phase_ids
        self.assertEqual(self._visible(self.manager, "crm.project.phase", phases), phases)

    def test_another_company_sees_none_of_our_phases_or_dependencies(self):
        company = self.env["res.company"].create({"name": "Filiale Lyon"})
        boss = project_user(self.env, "Chef Lyon", "chef.lyon@example.fr", manager=True,
                            company=company)
        self.assertFalse(self._visible(boss, "project.project", self.kitchen))
        self.assertFalse(self._visible(boss, "crm.project.phase", self.kitchen.crm_phase_ids))
        deps = self.env["crm.task.dependency"].search(
            [("task_id", "in", self.kitchen.task_ids.ids)])
        self.assertTrue(deps)
        self.assertFalse(self._visible(boss, "crm.task.dependency", deps))

    def test_a_portal_customer_sees_its_own_projects_and_phases_only(self):
        contact = self.env["res.partner"].create({
            "name": "Paul Morel", "parent_id": self.customer.id, "email": "paul@morel.fr"})
        portal = self.env["res.users"].create({
            "name": "Paul Morel", "login": "paul.portail@example.fr",
            "partner_id": contact.id,
            "groups_id": [(6, 0, [self.env.ref("base.group_portal").id])]})
        projects = self.kitchen | self.garage
        self.assertEqual(self._visible(portal, "project.project", projects), self.kitchen)
        phases = self.kitchen.crm_phase_ids | self.garage.crm_phase_ids
        self.assertEqual(self._visible(portal, "crm.project.phase", phases),
                         self.kitchen.crm_phase_ids)
        self.assertEqual(self._visible(portal, "project.task",
                                       self.kitchen.task_ids | self.garage.task_ids),
                         self.kitchen.task_ids)
