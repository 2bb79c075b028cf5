# -*- coding: utf-8 -*-
"""Automatic planning on real calendars: the Odoo side of logic/planner.py.

``projects._crm_plan()`` turns the open tasks of the projects and their
assignees' time into the planner's plain values, calls ``planner.plan`` and
stores what it returns in one go:

- each assignee is a planner ``Person``: the working hours of their employee's
  calendar (a user with no employee: the company's calendar; none at all: the
  planner says NO_CALENDAR) in their time zone, and the time they are not
  available: the global leaves of that calendar (public holidays), their own
  resource leaves (hr_holidays makes one for each validated leave), their
  meetings in the agenda (crm_base's ``_crm_busy_meetings``: organized or
  accepted, shown as busy, each occurrence of a recurring one) and the work
  already planned on the projects *not* being planned;
- each open task (not in a folded stage) is a planner ``Task``: the hours left
  (planned minus spent), its assignees, dependencies, priority, deadline and
  "not before" date;
- the result replaces the projects' slots (crm.task.slot) and their events in
  the agenda, the tasks' planned start and end, and a planning issue on each
  task that misses its deadline or could not be planned, worded for people.

All of it happens in the caller's transaction: an error leaves nothing
half-written. Other projects' slots are never touched. The nightly cron plans
the projects with automatic planning together, and one by one if that fails,
logging the projects that fail.
"""
import datetime
import logging

import babel.dates
import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..logic import planner

_logger = logging.getLogger(__name__)

DEFAULT_TZ = "Europe/Paris"
HORIZON_DAYS = 366


def _utc(value):
    return fields.Datetime.from_string(value) if isinstance(value, str) else value


def _local_day_bounds(day, tz_name):
    """The UTC start and end of the local day ``day`` in ``tz_name``."""
    tz = pytz.timezone(tz_name or DEFAULT_TZ)
    start = tz.localize(datetime.datetime.combine(day, datetime.time()))
    stop = tz.localize(datetime.datetime.combine(day + datetime.timedelta(days=1),
                                                 datetime.time()))
    return (start.astimezone(pytz.utc).replace(tzinfo=None),
            stop.astimezone(pytz.utc).replace(tzinfo=None))


def _format_hours(hours):
    """4 -> "4 h", 2.5 -> "2 h 30", 0.25 -> "15 min" (the same in French and English)."""
    hours_, minutes = divmod(int(round((hours or 0.0) * 60)), 60)
    if not minutes:
        return "%d h" % hours_
    if not hours_:
        return "%d min" % minutes
    return "%d h %02d" % (hours_, minutes)


class ProjectProject(models.Model):
    _inherit = "project.project"

    crm_planning_date = fields.Datetime(
        string="Last planned on", copy=False, readonly=True,
        help="When the automatic planning last placed this project's tasks.")

    # -- actions ------------------------------------------------------------------------
    def action_crm_plan(self):
        """The "Plan" button: plan these projects together."""
        if not self:
            raise UserError(_("Choose the projects to plan."))
        self._crm_plan()
        return True

    @api.model
    def action_crm_plan_all(self):
        """"Plan all projects" (managers): every project with automatic planning."""
        if not self.env.user.has_group("crm_projects.group_projects_manager"):
            raise UserError(_("Only a project manager can plan all the projects."))
        projects = self.search([("crm_planning_auto", "=", True)])
        if not projects:
            raise UserError(_("No project has automatic planning."))
        projects._crm_plan()
        return True

    @api.model
    def _crm_cron_plan(self):
        """Nightly: re-plan every project with automatic planning, together
        (they share people's time); if that fails, one by one, so that a
        project that fails is logged and the others are still planned."""
        projects = self.sudo().search([("crm_planning_auto", "=", True)])
        if not projects:
            return
        try:
            with self.env.cr.savepoint():
                projects._crm_plan()
            return
        except Exception:  # pylint: disable=broad-except
            _logger.exception("Planning %d projects together failed; planning them one by one",
                              len(projects))
        for project in projects:
            try:
                with self.env.cr.savepoint():
                    project._crm_plan()
            except Exception:  # pylint: disable=broad-except
                _logger.exception("Planning the project %s (id %d) failed",
                                  project.name, project.id)

    # -- planning -----------------------------------------------------------------------
    def _crm_plan(self):
        """Plan the open tasks of these projects in their assignees' free time
        and store the result (slots, agenda, planned dates, issues). Returns
        the planner's ``Plan``."""
        if not self:
            return planner.Plan()
        if self.check_access_rights("write", raise_exception=False):
            self.check_access_rule("write")
        else:
            # a project user who moves a task re-plans its project (ptask's
            # drag in the Gantt): they may change tasks and see the project
            self.env["project.task"].check_access_rights("write")
            self.check_access_rule("read")
        lang = self.env.lang or self.env.user.lang or "en_US"
        # the planning user's time zone (before sudo): the days projects start
        # on and the dates of the issues are theirs
        tz_name = self.env.context.get("tz") or self.env.user.tz or DEFAULT_TZ
        projects = self.sudo().with_context(active_test=True, tz=tz_name)
        now = fields.Datetime.from_string(fields.Datetime.now()).replace(second=0)
        tasks = self.env["project.task"].sudo().search([("project_id", "in", projects.ids)])
        open_tasks = tasks.filtered(lambda task: not task.stage_id.fold)
        starts = projects._crm_plan_starts(now)
        start = min(starts.values())
        users = open_tasks.mapped("crm_user_ids") | open_tasks.mapped("user_id")
        horizon = start + datetime.timedelta(days=HORIZON_DAYS)
        persons = projects._crm_plan_persons(users, start, horizon)
        plan_tasks = projects._crm_plan_tasks(open_tasks, starts, start)
        result = planner.plan(list(persons.values()), plan_tasks, start, horizon_days=HORIZON_DAYS)
        projects.with_context(lang=lang)._crm_plan_store(tasks, open_tasks, result, persons)
        return result

    def _crm_plan_starts(self, now):
        """{project id: the first moment to plan it}: now, or the start of the
        day it starts on (in the planning user's time zone) when later."""
        tz_name = self.env.context.get("tz") or self.env.user.tz or DEFAULT_TZ
        starts = {}
        for project in self:
            start = now
            if project.crm_date_start:
                day_start = _local_day_bounds(
                    fields.Date.from_string(project.crm_date_start), tz_name)[0]
                start = max(start, day_start)
            starts[project.id] = start
        return starts

    def _crm_plan_persons(self, users, low, high):
        """{user id: planner.Person} with the working hours and the time each
        user is not available between ``low`` and ``high`` (naive UTC)."""
        users = users.sudo()
        employees = self.env["hr.employee"].sudo().search([("user_id", "in", users.ids)])
        employee_of = {}
        for employee in employees:
            employee_of.setdefault(employee.user_id.id, employee)
        calendar_of = {}
        for user in users:
            employee = employee_of.get(user.id)
            calendar_of[user.id] = (employee.resource_calendar_id if employee
                                    else user.company_id.resource_calendar_id)
        calendars = self.env["resource.calendar"].sudo().browse(
            {cal.id for cal in calendar_of.values() if cal})
        dates = [("date_to", ">", fields.Datetime.to_string(low)),
                 ("date_from", "<", fields.Datetime.to_string(high))]
        Leave = self.env["resource.calendar.leaves"].sudo()
        global_leaves = {}
        for leave in Leave.search([("calendar_id", "in", calendars.ids),
                                   ("resource_id", "=", False)] + dates):
            global_leaves.setdefault(leave.calendar_id.id, []).append(
                (_utc(leave.date_from), _utc(leave.date_to)))
        own_leaves = {}
        resources = employees.mapped("resource_id")
        for leave in Leave.search([("resource_id", "in", resources.ids)] + dates):
            own_leaves.setdefault(leave.resource_id.id, []).append(
                (_utc(leave.date_from), _utc(leave.date_to)))
        meetings = self.env["calendar.event"]._crm_busy_meetings(users, low, high)
        other_work = {}
        for slot in self.env["crm.task.slot"].sudo().search([
                ("user_id", "in", users.ids), ("project_id", "not in", self.ids),
                ("stop", ">", fields.Datetime.to_string(low)),
                ("start", "<", fields.Datetime.to_string(high))]):
            other_work.setdefault(slot.user_id.id, []).append((_utc(slot.start), _utc(slot.stop)))
        persons = {}
        for user in users:
            tz_name = user.tz or DEFAULT_TZ
            calendar = calendar_of[user.id]
            attendances = tuple(
                (int(att.dayofweek), att.hour_from, att.hour_to)
                for att in calendar.attendance_ids) if calendar else ()
            busy = list(global_leaves.get(calendar.id, [])) if calendar else []
            employee = employee_of.get(user.id)
            if employee:
                busy += own_leaves.get(employee.resource_id.id, [])
            timed, allday_days = meetings.get(user.id, ([], []))
            busy += timed
            busy += [_local_day_bounds(day, tz_name) for day in allday_days]
            busy += other_work.get(user.id, [])
            persons[user.id] = planner.Person(
                id=user.id, name=user.name, tz=tz_name, attendances=attendances,
                unavailable=tuple(sorted(busy)))
        return persons

    def _crm_plan_tasks(self, open_tasks, starts, start):
        """The planner's Tasks for ``open_tasks``. A dependency on a task that
        is done is met; on an open task of a project not being planned, this
        task waits for that task's planned end."""
        open_ids = set(open_tasks.ids)
        result = []
        for task in open_tasks:
            hours = task.planned_hours or 0.0
            if "effective_hours" in task._fields:
                hours -= task.effective_hours or 0.0
            not_before = _utc(task.crm_not_before) if task.crm_not_before else None
            project_start = starts.get(task.project_id.id, start)
            if project_start > start:
                not_before = max(not_before or project_start, project_start)
            predecessors = []
            for dependency in task.crm_dependency_ids:
                other = dependency.depends_on_id
                if other.id in open_ids:
                    predecessors.append((other.id, dependency.lag_days or 0.0))
                elif not other.stage_id.fold and other.active and other.crm_planned_end:
                    other_end = _utc(other.crm_planned_end)
                    not_before = max(not_before or other_end, other_end)
            users = task.crm_user_ids or task.user_id
            # No planned hours: bad input, said (NO_HOURS). Planned hours all
            # spent but the task still open: nothing left to place, it ends
            # when what it waits for ends (a milestone for the planner).
            milestone = bool(task.planned_hours) and hours <= 0
            result.append(planner.Task(
                id=task.id, name=task.name, hours=max(round(hours, 4), 0.0),
                user_ids=tuple(users.ids), predecessors=tuple(predecessors),
                priority=int(task.priority or 0),
                deadline=fields.Date.from_string(task.date_deadline) if task.date_deadline
                else None,
                not_before=not_before, sequence=task.sequence or 0, milestone=milestone))
        return result

    # -- storing ------------------------------------------------------------------------
    def _crm_plan_store(self, tasks, open_tasks, result, persons):
        """Replace the projects' slots and agenda events by ``result``'s,
        write the tasks' planned dates and issues."""
        Slot = self.env["crm.task.slot"].sudo()
        Event = self.env["calendar.event"].sudo().with_context(
            no_mail_to_attendees=True, mail_create_nolog=True, tracking_disable=True,
            mail_notrack=True)
        old_slots = Slot.search([("task_id", "in", tasks.ids)])
        Event.with_context(active_test=False).search(
            [("crm_task_slot_id", "in", old_slots.ids)]).unlink()
        old_slots.unlink()
        task_of = {task.id: task for task in tasks}
        users = self.env["res.users"].sudo().browse(list(persons))
        user_of = {user.id: user for user in users}
        task_model = self.env["ir.model"].sudo()._get("project.task")
        for slot in result.slots:
            task, user = task_of[slot.task_id], user_of[slot.user_id]
            explanation = self.with_context(lang=user.lang or self.env.lang)._crm_slot_explanation(
                slot, task_of, persons[slot.user_id])
            new_slot = Slot.create({
                "task_id": task.id, "user_id": user.id,
                "start": fields.Datetime.to_string(slot.start),
                "stop": fields.Datetime.to_string(slot.stop),
                "hours": slot.hours, "explanation": explanation,
            })
            Event.create({
                "name": "%s — %s" % (task.project_id.name, task.name),
                "start": fields.Datetime.to_string(slot.start),
                "stop": fields.Datetime.to_string(slot.stop),
                "duration": slot.hours, "allday": False,
                "user_id": user.id, "partner_ids": [(6, 0, user.partner_id.ids)],
                "show_as": "busy", "description": explanation,
                "res_model_id": task_model.id, "res_id": task.id,
                "crm_task_slot_id": new_slot.id, "crm_task_id": task.id,
            })
        issues = self._crm_plan_issues(result, task_of, persons)
        for task in open_tasks:
            dates = result.dates.get(task.id)
            task.write({
                "crm_planned_start": fields.Datetime.to_string(dates[0]) if dates else False,
                "crm_planned_end": fields.Datetime.to_string(dates[1]) if dates else False,
                "crm_planning_issue": issues.get(task.id, False),
            })
        (tasks - open_tasks).filtered("crm_planning_issue").write({"crm_planning_issue": False})
        self.write({"crm_planning_date": fields.Datetime.now()})

    # -- words --------------------------------------------------------------------------
    def _crm_local(self, moment, tz_name):
        return pytz.utc.localize(moment).astimezone(pytz.timezone(tz_name or DEFAULT_TZ))

    def _crm_day_words(self, moment, tz_name):
        """"Tuesday 12 January" / "mardi 12 janvier" in the context's language."""
        locale = self.env["crm.format.mixin"]._crm_reader_lang()
        return babel.dates.format_date(self._crm_local(moment, tz_name).date(),
                                       "EEEE d MMMM", locale=locale)

    def _crm_date_words(self, moment, tz_name=None):
        """A date as the language writes it (15/01/2027 in French)."""
        if isinstance(moment, datetime.datetime):
            moment = self._crm_local(moment, tz_name).date()
        return self.env["crm.format.mixin"]._crm_format_date(moment)

    def _crm_slot_explanation(self, slot, task_of, person):
        """Why the planner put ``slot`` there, in the context's language."""
        values = {
            "person": person.name,
            "hours": _format_hours(slot.hours),
            "day": self._crm_day_words(slot.start, person.tz),
        }
        reason = slot.reason
        if reason == planner.AFTER_TASK:
            before = task_of.get((slot.params or {}).get("task_id"))
            values["task"] = before.name if before else "?"
            return _("After «%(task)s», %(person)s's first free %(hours)s on %(day)s") % values
        if reason == planner.NOT_BEFORE:
            task = task_of[slot.task_id]
            not_before = (slot.params or {}).get("not_before") or _utc(task.crm_not_before)
            values["date"] = (self._crm_date_words(not_before, person.tz) if not_before
                              else values["day"])
            return _("Not before %(date)s: %(person)s's first free %(hours)s on %(day)s") % values
        if reason == planner.CONTINUED:
            return _("Continued: %(person)s's next free %(hours)s on %(day)s") % values
        return _("%(person)s's first free %(hours)s from the start, on %(day)s") % values

    def _crm_plan_issues(self, result, task_of, persons):
        """{task id: the issue worded}: deadlines missed, tasks not planned."""
        tz_name = self.env.context.get("tz") or self.env.user.tz or DEFAULT_TZ

        def name(task_id):
            task = task_of.get(task_id)
            return task.name if task else "?"

        issues = {}
        for late in result.late:
            params = late.params or {}
            values = {
                "deadline": self._crm_date_words(late.deadline),
                "task": name(late.task_id),
                "end": self._crm_date_words(late.planned_end, tz_name),
            }
            text = _("Deadline %(deadline)s missed: «%(task)s» ends on %(end)s.") % values
            if late.reason == planner.LATE_CHAIN and params.get("task_id"):
                text += " " + _("It waits for «%(task)s», which ends on %(end)s.") % {
                    "task": name(params["task_id"]),
                    "end": self._crm_date_words(params.get("end") or late.planned_end, tz_name)}
            elif late.reason == planner.LATE_CHAIN:
                text += " " + _("The tasks it waits for end too late.")
            elif persons.get(params.get("user_id")) and params.get("free_from"):
                text += " " + _("%(person)s's first free time for it is on %(date)s.") % {
                    "person": persons[params["user_id"]].name,
                    "date": self._crm_date_words(params["free_from"], tz_name)}
            else:
                text += " " + _("Its assignees have no free time early enough.")
            issues[late.task_id] = text
        for task_id, (reason, params) in result.unplanned.items():
            params = params or {}
            if reason == planner.CYCLE:
                cycle = list(params.get("cycle") or [task_id])
                if cycle[0] != cycle[-1]:
                    cycle.append(cycle[0])
                text = _("Not planned: it is part of a dependency cycle (%s).") % " → ".join(
                    "«%s»" % name(other) for other in cycle)
            elif reason == planner.NO_ASSIGNEE:
                text = _("Not planned: nobody is assigned to it.")
            elif reason == planner.NO_HOURS:
                text = _("Not planned: it has no planned hours.")
            elif reason == planner.NO_CALENDAR:
                person = persons.get(params.get("user_id"))
                if person:
                    text = _("Not planned: %s has no working hours (no working time "
                             "calendar).") % person.name
                else:
                    text = _("Not planned: an assignee has no working hours (no working "
                             "time calendar).")
            elif reason == planner.BLOCKED:
                text = _("Not planned: it waits for «%s», which could not be planned.") % name(
                    params.get("task_id"))
            elif reason == planner.BEYOND_HORIZON and persons.get(params.get("user_id")):
                text = _("Not planned: %(person)s has no free time for it before "
                         "%(date)s.") % {
                             "person": persons[params["user_id"]].name,
                             "date": self._crm_date_words(params.get("until") or
                                                          datetime.datetime.now(), tz_name)}
            elif reason == planner.BEYOND_HORIZON:
                text = _("Not planned: its assignees have no free time for it within a year.")
            else:
                text = _("Not planned (%s).") % reason
            issues[task_id] = text
        return issues
