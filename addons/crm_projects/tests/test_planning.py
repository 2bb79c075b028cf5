# -*- coding: utf-8 -*-
"""Automatic planning on real calendars: what a project manager sees after
"Plan" (tasks' planned dates, the planned work and why, the agenda, the
issues), with working hours, meetings, leaves and public holidays."""
import datetime
from unittest.mock import patch

import pytz

from odoo import fields
from odoo.tests.common import SavepointCase

PARIS = pytz.timezone("Europe/Paris")

# The French wording of the planner's sentences, as fr.po must carry them
# (the lead merges them into i18n/fr.po; loaded here so that the test does
# not depend on that merge).
FRENCH = {
    "After «%(task)s», %(person)s's first free %(hours)s on %(day)s":
        "Après «%(task)s», premières %(hours)s libres de %(person)s le %(day)s",
    "Continued: %(person)s's next free %(hours)s on %(day)s":
        "Suite : %(hours)s libres suivantes de %(person)s le %(day)s",
    "%(person)s's first free %(hours)s from the start, on %(day)s":
        "Premières %(hours)s libres de %(person)s dès le début, le %(day)s",
    "Deadline %(deadline)s missed: «%(task)s» ends on %(end)s.":
        "Échéance du %(deadline)s manquée : «%(task)s» se termine le %(end)s.",
    "Not planned: nobody is assigned to it.":
        "Non planifiée : personne n'y est affecté.",
}


def load_french_terms(env):
    env["res.lang"].load_lang("fr_FR")
    Translation = env["ir.translation"]
    for src, value in FRENCH.items():
        if not Translation.search([("type", "=", "code"), ("lang", "=", "fr_FR"),
                                   ("src", "=", src)], limit=1):
            Translation.create({
                "type": "code", "lang": "fr_FR", "src": src, "value": value,
                "name": "addons/crm_projects/models/project_project_planning.py",
                "module": "crm_projects", "state": "translated"})


def utc(local_text):
    """'2027-01-11 09:00' in Paris -> Odoo's UTC text."""
    local = PARIS.localize(datetime.datetime.strptime(local_text, "%Y-%m-%d %H:%M"))
    return fields.Datetime.to_string(local.astimezone(pytz.utc).replace(tzinfo=None))


def paris(value):
    """Odoo's UTC text -> '2027-01-11 09:00' in Paris, as the user sees it."""
    moment = pytz.utc.localize(fields.Datetime.from_string(value)).astimezone(PARIS)
    return moment.strftime("%Y-%m-%d %H:%M")


class PlanningCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(PlanningCase, cls).setUpClass()
        env = cls.env
        # 7 h a day, Monday to Friday, 9:00-12:00 and 13:00-17:00 (Paris)
        cls.calendar = env["resource.calendar"].create({
            "name": "Semaine de 35 h (test)",
            "attendance_ids": [(5, 0, 0)] + [
                (0, 0, {"name": "%d %s" % (day, part), "dayofweek": str(day),
                        "hour_from": start, "hour_to": stop})
                for day in range(5) for part, start, stop in (("am", 9, 12), ("pm", 13, 17))],
        })
        project_user = env.ref("crm_projects.group_projects_user")
        cls.lea = cls._person("Léa Martin", "lea.pglue", project_user)
        cls.hugo = cls._person("Hugo Petit", "hugo.pglue", project_user)
        cls.todo = env["project.task.type"].create({"name": "À faire (test)", "sequence": 1})
        cls.done = env["project.task.type"].create({"name": "Fait (test)", "fold": True,
                                                    "sequence": 99})

    @classmethod
    def _person(cls, name, login, group, calendar=None):
        user = cls.env["res.users"].with_context(no_reset_password=True).create({
            "name": name, "login": login, "email": "%s@example.com" % login,
            "tz": "Europe/Paris", "lang": "en_US",
            "groups_id": [(6, 0, [cls.env.ref("base.group_user").id, group.id])],
        })
        cls.env["hr.employee"].create({
            "name": name, "user_id": user.id,
            "resource_calendar_id": (calendar or cls.calendar).id})
        return user

    def project(self, name, start="2027-01-11", **values):
        values.update(name=name, crm_date_start=start, crm_planning_auto=True,
                      type_ids=[(6, 0, [self.todo.id, self.done.id])])
        return self.env["project.project"].create(values)

    def task(self, project, name, hours, users, **values):
        values.update(name=name, project_id=project.id, planned_hours=hours,
                      stage_id=self.todo.id, user_id=users[:1].id or False,
                      crm_user_ids=[(6, 0, [u.id for u in users])])
        return self.env["project.task"].create(values)

    def depends(self, task, on, lag=0.0):
        return self.env["crm.task.dependency"].create(
            {"task_id": task.id, "depends_on_id": on.id, "lag_days": lag})

    def slots(self, task):
        return [(paris(s.start), paris(s.stop), s.user_id.name)
                for s in task.crm_slot_ids.sorted(lambda s: (s.start, s.id))]

    def meeting(self, user, start, stop, **values):
        values.update(name=values.get("name", "Réunion"), user_id=user.id,
                      partner_ids=[(6, 0, user.partner_id.ids)],
                      start=utc(start), stop=utc(stop), show_as="busy", allday=False)
        return self.env["calendar.event"].with_context(no_mail_to_attendees=True).create(values)


class TestPlanningCalendars(PlanningCase):

    def test_a_task_is_split_over_the_working_hours_of_its_assignee(self):
        project = self.project("Site vitrine")
        task = self.task(project, "Maquettes", 10, self.lea)
        project.action_crm_plan()
        self.assertEqual(paris(task.crm_planned_start), "2027-01-11 09:00")
        self.assertEqual(paris(task.crm_planned_end), "2027-01-12 12:00")
        self.assertEqual(self.slots(task), [
            ("2027-01-11 09:00", "2027-01-11 12:00", "Léa Martin"),
            ("2027-01-11 13:00", "2027-01-11 17:00", "Léa Martin"),
            ("2027-01-12 09:00", "2027-01-12 12:00", "Léa Martin"),
        ])
        self.assertFalse(task.crm_planning_issue)
        self.assertTrue(project.crm_planning_date)

    def test_a_meeting_in_the_agenda_is_worked_around(self):
        self.meeting(self.lea, "2027-01-11 10:00", "2027-01-11 11:00", name="Point client")
        project = self.project("Site vitrine")
        task = self.task(project, "Maquettes", 4, self.lea)
        project.action_crm_plan()
        self.assertEqual(self.slots(task), [
            ("2027-01-11 09:00", "2027-01-11 10:00", "Léa Martin"),
            ("2027-01-11 11:00", "2027-01-11 12:00", "Léa Martin"),
            ("2027-01-11 13:00", "2027-01-11 15:00", "Léa Martin"),
        ])

    def test_a_meeting_only_invited_to_and_not_accepted_does_not_block(self):
        event = self.meeting(self.hugo, "2027-01-11 09:00", "2027-01-11 12:00")
        event.write({"partner_ids": [(4, self.lea.partner_id.id)]})
        project = self.project("Site vitrine")
        task = self.task(project, "Maquettes", 2, self.lea)
        project.action_crm_plan()
        self.assertEqual(paris(task.crm_planned_start), "2027-01-11 09:00")
        event.attendee_ids.filtered(lambda a: a.partner_id == self.lea.partner_id).write(
            {"state": "accepted"})
        project.action_crm_plan()
        self.assertEqual(paris(task.crm_planned_start), "2027-01-11 13:00")

    def test_a_weekly_meeting_blocks_each_occurrence(self):
        self.meeting(self.lea, "2027-01-11 09:00", "2027-01-11 12:00", name="Hebdo",
                     recurrency=True, rrule_type="weekly", mo=True, interval=1,
                     end_type="count", count=4, duration=3)
        project = self.project("Site vitrine", start="2027-01-18")
        task = self.task(project, "Maquettes", 2, self.lea)
        project.action_crm_plan()
        self.assertEqual(paris(task.crm_planned_start), "2027-01-18 13:00")

    def test_a_validated_leave_is_not_worked(self):
        employee = self.env["hr.employee"].search([("user_id", "=", self.lea.id)])
        leave = self.env["hr.holidays"].create({
            "name": "Congés", "type": "remove", "holiday_type": "employee",
            "employee_id": employee.id,
            "holiday_status_id": self.env.ref("hr_holidays.holiday_status_unpaid").id,
            "date_from": utc("2027-01-11 08:00"), "date_to": utc("2027-01-12 18:00"),
            "number_of_days_temp": 2,
        })
        leave.action_approve()
        self.assertEqual(leave.state, "validate")
        self.assertTrue(self.env["resource.calendar.leaves"].search(
            [("holiday_id", "=", leave.id), ("resource_id", "=", employee.resource_id.id)]))
        project = self.project("Site vitrine")
        task = self.task(project, "Maquettes", 7, self.lea)
        project.action_crm_plan()
        self.assertEqual(paris(task.crm_planned_start), "2027-01-13 09:00")
        self.assertEqual(paris(task.crm_planned_end), "2027-01-13 17:00")

    def test_a_public_holiday_is_not_worked(self):
        added = self.calendar._crm_add_french_public_holidays(2027)
        self.assertEqual(len(added), 11)
        # Ascension 2027 is Thursday 6 May
        project = self.project("Site vitrine", start="2027-05-06")
        task = self.task(project, "Maquettes", 7, self.lea)
        project.action_crm_plan()
        self.assertEqual(paris(task.crm_planned_start), "2027-05-07 09:00")

    def test_public_holidays_are_added_once_with_alsace_moselle_on_request(self):
        Leave = self.env["resource.calendar.leaves"]
        calendar = self.calendar.with_context(lang="en_US")
        first = calendar._crm_add_french_public_holidays(2027)
        again = calendar._crm_add_french_public_holidays(2027)
        self.assertEqual((len(first), len(again)), (11, 0))
        alsace = calendar._crm_add_french_public_holidays(2027, alsace_moselle=True)
        self.assertEqual(sorted(paris(leave.date_from)[:10] for leave in alsace),
                         ["2027-03-26", "2027-12-26"])
        leaves = Leave.search([("calendar_id", "=", self.calendar.id),
                               ("resource_id", "=", False)])
        self.assertEqual(len(leaves), 13)
        whit = leaves.filtered(lambda lv: paris(lv.date_from) == "2027-05-17 00:00")
        self.assertEqual(paris(whit.date_to), "2027-05-18 00:00")
        self.assertEqual(whit.name, "Whit Monday")

    def test_the_wizard_adds_the_holidays_of_the_year_chosen(self):
        wizard = self.env["crm.public.holidays.wizard"].with_context(
            active_model="resource.calendar", active_ids=self.calendar.ids).create(
                {"year": 2028, "alsace_moselle": False})
        self.assertEqual(wizard.calendar_ids, self.calendar)
        wizard.action_apply()
        days = self.env["resource.calendar.leaves"].search(
            [("calendar_id", "=", self.calendar.id)]).mapped(lambda lv: paris(lv.date_from)[:10])
        self.assertIn("2028-04-17", days)   # Easter Monday 2028
        self.assertEqual(len(days), 11)

    def test_a_french_company_gets_this_years_and_next_years_holidays(self):
        company = self.env["res.company"].create({
            "name": "Menuiserie Roux (test)", "country_id": self.env.ref("base.fr").id})
        self.env["resource.calendar"]._crm_cron_french_public_holidays()
        leaves = self.env["resource.calendar.leaves"].search(
            [("calendar_id", "=", company.resource_calendar_id.id)])
        self.assertEqual(len(leaves), 22)
        self.env["resource.calendar"]._crm_cron_french_public_holidays()
        self.assertEqual(self.env["resource.calendar.leaves"].search_count(
            [("calendar_id", "=", company.resource_calendar_id.id)]), 22)

    def test_a_user_with_no_employee_works_the_company_hours(self):
        nobody = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Sans Fiche", "login": "sans.fiche.pglue", "tz": "Europe/Paris",
            "groups_id": [(6, 0, [self.env.ref("base.group_user").id])]})
        self.env.user.company_id.resource_calendar_id = self.calendar
        project = self.project("Site vitrine")
        task = self.task(project, "Maquettes", 3, nobody)
        project.action_crm_plan()
        self.assertEqual(paris(task.crm_planned_end), "2027-01-11 12:00")


class TestPlanningProjects(PlanningCase):

    def test_two_projects_planned_together_share_a_persons_time(self):
        first = self.project("Site vitrine")
        second = self.project("Boutique en ligne")
        a = self.task(first, "Maquettes", 7, self.lea, priority="1")
        b = self.task(second, "Catalogue", 7, self.lea)
        (first | second)._crm_plan()
        self.assertEqual(self.slots(a)[0][0], "2027-01-11 09:00")
        self.assertEqual(paris(b.crm_planned_start), "2027-01-12 09:00")
        self.assertEqual(paris(b.crm_planned_end), "2027-01-12 17:00")

    def test_replanning_one_project_keeps_the_other_projects_work(self):
        first = self.project("Site vitrine")
        second = self.project("Boutique en ligne")
        b = self.task(second, "Catalogue", 7, self.lea)
        second._crm_plan()
        before = [(s.id, s.start, s.stop) for s in b.crm_slot_ids]
        self.assertEqual(paris(b.crm_planned_start), "2027-01-11 09:00")
        a = self.task(first, "Maquettes", 4, self.lea, priority="1")
        first._crm_plan()
        # Léa's Monday is taken by the other project: the starred task goes after it
        self.assertEqual(paris(a.crm_planned_start), "2027-01-12 09:00")
        first._crm_plan()
        self.assertEqual([(s.id, s.start, s.stop) for s in b.crm_slot_ids], before)
        self.assertEqual(paris(b.crm_planned_end), "2027-01-11 17:00")

    def test_a_successor_starts_after_its_predecessor_and_a_done_task_is_not_planned(self):
        project = self.project("Site vitrine")
        design = self.task(project, "Maquettes", 3, self.lea)
        build = self.task(project, "Intégration", 4, self.hugo)
        self.depends(build, design)
        old = self.task(project, "Cadrage", 5, self.lea)
        project._crm_plan()
        self.assertEqual(paris(build.crm_planned_start), "2027-01-11 13:00")
        self.assertTrue(old.crm_slot_ids)
        old.stage_id = self.done
        project._crm_plan()
        self.assertFalse(old.crm_slot_ids)
        self.assertEqual(paris(build.crm_planned_start), "2027-01-11 13:00")

    def test_hours_already_spent_are_not_planned_again(self):
        project = self.project("Site vitrine")
        task = self.task(project, "Maquettes", 7, self.lea)
        employee = self.env["hr.employee"].search([("user_id", "=", self.lea.id)])
        self.env["account.analytic.line"].create({
            "name": "Premières maquettes", "task_id": task.id, "project_id": project.id,
            "employee_id": employee.id, "user_id": self.lea.id, "unit_amount": 4.0,
            "account_id": project.analytic_account_id.id, "date": "2027-01-04"})
        project._crm_plan()
        self.assertEqual(paris(task.crm_planned_end), "2027-01-11 12:00")
        self.assertEqual(sum(task.crm_slot_ids.mapped("hours")), 3.0)

    def test_the_explanation_says_why_in_english_and_in_french(self):
        load_french_terms(self.env)
        project = self.project("Site vitrine")
        design = self.task(project, "Maquettes", 3, self.lea)
        build = self.task(project, "Intégration", 6, self.lea)
        self.depends(build, design)
        project._crm_plan()
        self.assertEqual(design.crm_slot_ids.explanation,
                         "Léa Martin's first free 3 h from the start, on Monday 11 January")
        first, rest = build.crm_slot_ids.sorted("start")
        self.assertEqual(first.explanation,
                         "After «Maquettes», Léa Martin's first free 4 h on Monday 11 January")
        self.assertEqual(rest.explanation,
                         "Continued: Léa Martin's next free 2 h on Tuesday 12 January")
        self.lea.lang = "fr_FR"
        project._crm_plan()
        first, rest = build.crm_slot_ids.sorted("start")
        self.assertEqual(first.explanation, "Après «Maquettes», premières 4 h libres de "
                                            "Léa Martin le lundi 11 janvier")
        self.assertEqual(rest.explanation,
                         "Suite : 2 h libres suivantes de Léa Martin le mardi 12 janvier")

    def test_a_missed_deadline_is_said_on_the_task(self):
        load_french_terms(self.env)
        project = self.project("Site vitrine")
        design = self.task(project, "Maquettes", 14, self.lea)
        build = self.task(project, "Intégration", 7, self.hugo, date_deadline="2027-01-12")
        self.depends(build, design)
        project.with_context(lang="en_US")._crm_plan()
        self.assertEqual(paris(design.crm_planned_end), "2027-01-12 17:00")
        self.assertEqual(
            build.crm_planning_issue,
            "Deadline 01/12/2027 missed: «Intégration» ends on 01/13/2027. It waits for "
            "«Maquettes», which ends on 01/12/2027.")
        project.with_context(lang="fr_FR")._crm_plan()
        self.assertTrue(build.crm_planning_issue.startswith(
            "Échéance du 12/01/2027 manquée : «Intégration» se termine le 13/01/2027."),
            build.crm_planning_issue)

    def test_a_deadline_missed_for_lack_of_free_time_names_the_busy_person(self):
        other = self.project("Boutique en ligne")
        self.task(other, "Catalogue", 14, self.lea)
        other._crm_plan()
        project = self.project("Site vitrine")
        late = self.task(project, "Maquettes", 7, self.lea, date_deadline="2027-01-12")
        project.with_context(lang="en_US")._crm_plan()
        self.assertEqual(paris(late.crm_planned_end), "2027-01-13 17:00")
        self.assertEqual(
            late.crm_planning_issue,
            "Deadline 01/12/2027 missed: «Maquettes» ends on 01/13/2027. Léa Martin's first "
            "free time for it is on 01/13/2027.")

    def test_tasks_that_cannot_be_planned_say_why_and_the_rest_is_planned(self):
        load_french_terms(self.env)
        idle = self.env["resource.calendar"].create({"name": "Aucune heure",
                                                     "attendance_ids": [(5, 0, 0)]})
        nobody = self._person("Zoé Sans Horaire", "zoe.pglue",
                              self.env.ref("crm_projects.group_projects_user"), idle)
        project = self.project("Site vitrine")
        alone = self.task(project, "Recette", 5, self.env["res.users"])
        empty = self.task(project, "Réunion de lancement", 0, self.lea)
        blocked = self.task(project, "Mise en ligne", 2, self.lea)
        self.depends(blocked, empty)
        no_calendar = self.task(project, "Rédaction", 3, nobody)
        one = self.task(project, "Logo", 2, self.hugo)
        two = self.task(project, "Charte", 2, self.hugo)
        self.depends(two, one)
        # a cycle, as older data may hold one (the form refuses them)
        self.env.cr.execute(
            "INSERT INTO crm_task_dependency (task_id, depends_on_id, lag_days) "
            "VALUES (%s, %s, 0)", (one.id, two.id))
        fine = self.task(project, "Contenus", 3, self.lea)
        project.with_context(lang="en_US")._crm_plan()
        self.assertEqual(alone.crm_planning_issue, "Not planned: nobody is assigned to it.")
        self.assertEqual(empty.crm_planning_issue, "Not planned: it has no planned hours.")
        self.assertEqual(blocked.crm_planning_issue,
                         "Not planned: it waits for «Réunion de lancement», which could not "
                         "be planned.")
        self.assertEqual(no_calendar.crm_planning_issue,
                         "Not planned: Zoé Sans Horaire has no working hours (no working time "
                         "calendar).")
        self.assertIn("dependency cycle", one.crm_planning_issue)
        self.assertTrue("«Logo» → «Charte» → «Logo»" in one.crm_planning_issue or
                        "«Charte» → «Logo» → «Charte»" in one.crm_planning_issue,
                        one.crm_planning_issue)
        self.assertEqual(two.crm_planning_issue, one.crm_planning_issue)
        self.assertFalse(alone.crm_planned_start)
        self.assertFalse(alone.crm_slot_ids)
        self.assertEqual(paris(fine.crm_planned_start), "2027-01-11 09:00")
        self.assertFalse(fine.crm_planning_issue)
        project.with_context(lang="fr_FR")._crm_plan()
        self.assertEqual(alone.crm_planning_issue, "Non planifiée : personne n'y est affecté.")

    def test_a_project_user_who_sees_the_project_can_replan_it(self):
        project = self.project("Site vitrine", privacy_visibility="employees")
        task = self.task(project, "Maquettes", 3, self.lea)
        project.sudo(self.lea)._crm_plan()
        self.assertEqual(paris(task.crm_planned_end), "2027-01-11 12:00")
        self.assertEqual(task.crm_slot_ids.explanation,
                         "Léa Martin's first free 3 h from the start, on Monday 11 January")

    def test_planning_needs_the_right_to_change_the_project(self):
        project = self.project("Site vitrine")
        self.task(project, "Maquettes", 3, self.lea)
        outsider = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Portail", "login": "portail.pglue",
            "groups_id": [(6, 0, [self.env.ref("base.group_portal").id])]})
        with self.assertRaises(Exception):
            project.sudo(outsider)._crm_plan()
        self.assertFalse(project.task_ids.mapped("crm_slot_ids"))


class TestPlanningAgenda(PlanningCase):

    def events(self, user):
        return self.env["calendar.event"].search(
            [("user_id", "=", user.id), ("crm_task_slot_id", "!=", False)], order="start")

    def test_the_planned_work_is_in_the_assignees_agenda_and_replanning_replaces_it(self):
        project = self.project("Site vitrine")
        task = self.task(project, "Maquettes", 10, self.lea)
        project._crm_plan()
        events = self.events(self.lea)
        self.assertEqual(len(events), 3)
        self.assertEqual(set(events.mapped("name")), {"Site vitrine — Maquettes"})
        self.assertEqual([(paris(e.start), paris(e.stop)) for e in events],
                         [(a, b) for a, b, _who in self.slots(task)])
        self.assertEqual(events.mapped("crm_task_slot_id"), task.crm_slot_ids)
        self.assertEqual(set(events.mapped("show_as")), {"busy"})
        self.assertEqual(events[0].partner_ids, self.lea.partner_id)
        self.assertEqual(events[0].crm_task_id, task)
        task.planned_hours = 3
        project._crm_plan()
        self.assertFalse(events.exists())
        events = self.events(self.lea)
        self.assertEqual([(paris(e.start), paris(e.stop)) for e in events],
                         [("2027-01-11 09:00", "2027-01-11 12:00")])

    def test_planned_work_is_not_counted_as_meetings(self):
        self.meeting(self.lea, "2027-01-11 09:00", "2027-01-11 10:00", name="Point client")
        project = self.project("Site vitrine")
        self.task(project, "Maquettes", 6, self.lea)
        project._crm_plan()
        self.assertEqual(len(self.events(self.lea)), 2)
        hours = self.env["calendar.event"]._crm_meeting_hours(self.lea, "2027-01-11",
                                                              "2027-01-12")
        self.assertEqual(hours[self.lea.id], {"2027-01-11": 1.0})
        # and the planner does not see its own work as meetings: re-planning is stable
        first = [(s.start, s.stop) for s in project.task_ids.crm_slot_ids]
        project._crm_plan()
        self.assertEqual([(s.start, s.stop) for s in project.task_ids.crm_slot_ids], first)


class TestPlanningCron(PlanningCase):

    def test_the_nightly_planning_survives_a_project_that_fails(self):
        good = self.project("Site vitrine")
        bad = self.project("Projet en erreur")
        manual = self.project("Planifié à la main")
        manual.crm_planning_auto = False
        good_task = self.task(good, "Maquettes", 3, self.lea)
        bad_task = self.task(bad, "Catalogue", 3, self.hugo)
        manual_task = self.task(manual, "Recette", 3, self.hugo)
        Project = type(self.env["project.project"])
        original = Project._crm_plan

        def failing(projects):
            if bad in projects:
                raise ValueError("broken data")
            return original(projects)

        with patch.object(Project, "_crm_plan", failing), \
                self.assertLogs("odoo.addons.crm_projects.models.project_project_planning",
                                level="ERROR") as logs:
            self.env["project.project"]._crm_cron_plan()
        self.assertTrue(good_task.crm_slot_ids)
        self.assertFalse(bad_task.crm_slot_ids)
        self.assertFalse(manual_task.crm_slot_ids)
        self.assertTrue(any("Projet en erreur" in line for line in logs.output))
