#!/usr/bin/env python3
"""Benchmark: crm_projects' planning in Odoo, end to end (project.project._crm_plan()).

    .venv/bin/python bench/bench_planning_odoo.py DB [--tasks 100 500] [--people 10]
        [--projects 5] [--orm-events]

On a database with crm_projects installed (demo data or not), in one
`crm-odoo shell` per size, rolled back at the end: ``--people`` users with an
employee on the 35 h calendar, ``--projects`` projects of ``--tasks`` tasks
in all (2 to 14 h, one assignee each, half of them waiting for the one before),
then ``_crm_plan()`` on all the projects twice: the first planning (slots,
agenda events, planned dates and issues written) and a re-planning (the same,
after deleting the first). Timed: each call, and the number of slots.

``--orm-events`` makes the agenda's events with calendar.event.create()
instead of the SQL of ``calendar.event._crm_mirror_slots`` (what the code did
before): the comparison that justified the SQL.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402

SCRIPT = r'''
import json, random, time
random.seed(7)
env = self.env
calendar = env.ref("resource.resource_calendar_std_35h")
group = env.ref("crm_projects.group_projects_user")
users = env["res.users"]
for i in range(%(people)d):
    user = env["res.users"].with_context(no_reset_password=True).create({
        "name": "Bench %%d" %% i, "login": "bench%%d.planning" %% i, "tz": "Europe/Paris",
        "groups_id": [(6, 0, [env.ref("base.group_user").id, group.id])]})
    env["hr.employee"].create({"name": user.name, "user_id": user.id,
                               "resource_calendar_id": calendar.id})
    users |= user
projects = env["project.project"]
for p in range(%(projects)d):
    project = env["project.project"].create({"name": "Bench %%d" %% p,
                                              "crm_date_start": "2027-01-11"})
    projects |= project
    previous = None
    for t in range(%(tasks)d // %(projects)d):
        task = env["project.task"].create({
            "name": "T%%d-%%d" %% (p, t), "project_id": project.id, "user_id": False,
            "planned_hours": random.choice([2, 4, 7, 10, 14]),
            "crm_user_ids": [(6, 0, [random.choice(users).id])]})
        if previous and random.random() < 0.5:
            env["crm.task.dependency"].create({"task_id": task.id,
                                               "depends_on_id": previous.id})
        previous = task
if %(orm_events)r:
    Event = type(env["calendar.event"])

    def orm_mirror(self, slots, titles):
        events = self.browse()
        quiet = self.sudo().with_context(
            no_mail_to_attendees=True, mail_create_nolog=True, tracking_disable=True,
            mail_notrack=True, mail_create_nosubscribe=True)
        for slot in slots:
            events |= quiet.create({
                "name": titles[slot.id], "start": slot.start, "stop": slot.stop,
                "duration": slot.hours, "allday": False, "user_id": slot.user_id.id,
                "partner_ids": [(6, 0, slot.user_id.partner_id.ids)], "show_as": "busy",
                "description": slot.explanation, "crm_task_slot_id": slot.id,
                "crm_task_id": slot.task_id.id})
        return events
    Event._crm_mirror_slots = orm_mirror
start = time.time()
plan = projects._crm_plan()
first = time.time() - start
start = time.time()
projects._crm_plan()
again = time.time() - start
print("BENCH_RESULT " + json.dumps({"slots": len(plan.slots), "first": first, "again": again}))
env.cr.rollback()
'''


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("--tasks", type=int, nargs="+", default=[100, 500])
    parser.add_argument("--people", type=int, default=10)
    parser.add_argument("--projects", type=int, default=5)
    parser.add_argument("--orm-events", action="store_true")
    args = parser.parse_args()
    print("load average %s; agenda events by %s" % (
        benchlib.load_average(), "create()" if args.orm_events else "SQL"))
    print("%6s %6s %10s %10s %12s" % ("tasks", "slots", "plan (s)", "again (s)", "ms / slot"))
    for tasks in args.tasks:
        result = benchlib.shell(args.db, SCRIPT % {
            "tasks": tasks, "people": args.people, "projects": args.projects,
            "orm_events": bool(args.orm_events)})
        print("%6d %6d %10.2f %10.2f %12.1f" % (
            tasks, result["slots"], result["first"], result["again"],
            1000.0 * result["first"] / max(result["slots"], 1)))


if __name__ == "__main__":
    main()
