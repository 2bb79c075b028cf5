#!/usr/bin/env python3
"""Benchmark: a project's timesheet and profitability figures on 100,000 timesheet lines.

    .venv/bin/python bench/bench_timesheets.py [--lines 100000] [--projects 50] [--keep]

1. builds one database (`--db`, default `bench_timesheets`) with
   `crm-odoo -i crm_projects --without-demo=all` (or clones `--template`);
2. through `crm-odoo shell`, creates (not timed) `--projects` projects of 10
   tasks each (sold and planned hours), 20 employees at hourly costs of 25 to
   80, two expenses per project, then `--lines` timesheet lines spread over the
   projects' tasks and employees over a year, written by one INSERT ... SELECT
   (their cost, -hours × the employee's cost, as crm_projects stores it);
3. times, 15 times each, ORM and SQL in turn, with the ORM cache emptied (the
   median is kept):
   - the figures of the project form (crm_projects'
     `project_project_profitability.py`: sold / planned / spent / remaining
     hours, cost of time, expenses, margin, margin %) read with `read()` for one
     project, then for all the projects at once (the list, the 360° record);
   - the same figures by one bare SQL aggregate (tasks, timesheet lines and
     expenses grouped by project), for one project and for all;
   - timesheet entry: `--entries` lines created one by one with `create()`
     on a table that already holds the lines (the cost is set by create()),
     committed at the end;
4. checks that the ORM and SQL figures are the same, prints the times and the
   ratios ORM / SQL, and drops the database (unless --keep).

Run from the repository root; PostgreSQL as in config/odoo-test.conf.
CRM_ROOT=/other/checkout measures the addons of another checkout.
"""
import argparse
import subprocess

from benchlib import PG, shell, load_average, prepare_run, new_database

SETUP_SCRIPT = r"""
import json, random, time
P = %(params)r
rng = random.Random(P["seed"])
t0 = time.time()
company = env.user.company_id
employees = env["hr.employee"]
for index in range(20):
    user = env["res.users"].with_context(no_reset_password=True).create({
        "name": "Salarié %%02d" %% index, "login": "bench.ts.%%02d@example.com" %% index,
        "groups_id": [(6, 0, [env.ref("crm_projects.group_projects_user").id])]})
    employees |= env["hr.employee"].create({
        "name": user.name, "user_id": user.id, "timesheet_cost": rng.choice(range(25, 81, 5))})
tasks = []
for index in range(P["projects"]):
    project = env["project.project"].create({
        "name": "Chantier %%03d" %% index, "crm_sold_amount": rng.randint(5, 200) * 1000.0})
    for number in range(10):
        sold = rng.randint(2, 80)
        tasks.append(env["project.task"].create({
            "name": "Tâche %%d" %% number, "project_id": project.id,
            "crm_sold_hours": sold, "planned_hours": sold + rng.randint(0, 8)}))
    for number in range(2):
        env["crm.project.expense"].create({
            "project_id": project.id, "name": "Fournitures %%d" %% number,
            "amount": rng.randint(50, 3000), "date": "2026-06-15",
            "reinvoice": bool(number)})
env.cr.execute("CREATE TEMP TABLE bench_task AS SELECT t.id AS task_id, t.project_id, "
               "p.analytic_account_id, row_number() OVER (ORDER BY t.id) - 1 AS n "
               "FROM project_task t JOIN project_project p ON p.id = t.project_id "
               "WHERE t.id = ANY(%%s)", ([t.id for t in tasks],))
env.cr.execute("CREATE TEMP TABLE bench_emp AS SELECT e.id AS employee_id, r.user_id, "
               "e.timesheet_cost AS cost, row_number() OVER (ORDER BY e.id) - 1 AS n "
               "FROM hr_employee e JOIN resource_resource r ON r.id = e.resource_id "
               "WHERE e.id = ANY(%%s)", (employees.ids,))
env.cr.execute('''
    INSERT INTO account_analytic_line (name, date, account_id, company_id, amount, unit_amount,
        user_id, employee_id, project_id, task_id, create_uid, write_uid, create_date,
        write_date)
    SELECT 'Travail', DATE '2026-01-01' + (g %%%% 365), t.analytic_account_id, %%s,
           -round((0.25 * (1 + g %%%% 24) * e.cost)::numeric, 2), 0.25 * (1 + g %%%% 24),
           e.user_id, e.employee_id, t.project_id, t.task_id, 1, 1, now(), now()
    FROM generate_series(0, %%s - 1) AS g
    JOIN bench_task t ON t.n = (g * 7919) %%%% %%s
    JOIN bench_emp e ON e.n = (g * 31) %%%% 20''',
    (company.id, P["lines"], len(tasks)))
inserted = env.cr.rowcount
env.cr.execute("ANALYZE account_analytic_line")
env.cr.commit()
print("BENCH_RESULT " + json.dumps({"seconds": time.time() - t0, "lines": inserted}))
"""

BENCH_SCRIPT = r"""
import json, statistics, time
P = %(params)r
FIELDS = ["crm_hours_sold", "crm_hours_planned", "crm_hours_spent", "crm_hours_remaining",
          "crm_cost_time", "crm_cost_expenses", "crm_margin", "crm_margin_percent"]
SQL = '''
    SELECT p.id, COALESCE(t.sold, 0), COALESCE(t.planned, 0), COALESCE(l.hours, 0),
           COALESCE(t.planned, 0) - COALESCE(l.hours, 0), -COALESCE(l.amount, 0),
           COALESCE(e.amount, 0),
           COALESCE(p.crm_sold_amount, 0) + COALESCE(l.amount, 0) - COALESCE(e.amount, 0)
    FROM project_project p
    LEFT JOIN (SELECT project_id, sum(crm_sold_hours) AS sold, sum(planned_hours) AS planned
               FROM project_task WHERE active AND project_id = ANY(%%(ids)s)
               GROUP BY project_id) t ON t.project_id = p.id
    LEFT JOIN (SELECT project_id, sum(unit_amount) AS hours, sum(amount) AS amount
               FROM account_analytic_line WHERE project_id = ANY(%%(ids)s)
               GROUP BY project_id) l ON l.project_id = p.id
    LEFT JOIN (SELECT project_id, sum(amount) AS amount FROM crm_project_expense
               WHERE project_id = ANY(%%(ids)s) GROUP BY project_id) e ON e.project_id = p.id
    WHERE p.id = ANY(%%(ids)s)'''
projects = env["project.project"].search([("name", "like", "Chantier ")], order="id")

def orm(ids):
    env.cache.invalidate()
    return env["project.project"].browse(ids).read(FIELDS)

def sql(ids):
    env.cr.execute(SQL, {"ids": list(ids)})
    return env.cr.fetchall()

def median_times(ids, runs=15):
    # medians of ORM and SQL, run in turn: the load of a shared machine falls on both alike
    times = {orm: [], sql: []}
    for _run in range(runs):
        for function in (orm, sql):
            started = time.perf_counter()
            function(ids)
            times[function].append(time.perf_counter() - started)
    return statistics.median(times[orm]), statistics.median(times[sql])

one, every = projects[:1].ids, projects.ids
same = True
for row, sql_row in zip(orm(every), sorted(sql(every))):
    expected = [round(float(v), 2) for v in sql_row[1:]]
    got = [round(row[name], 2) for name in FIELDS[:7]]
    same = same and expected == got
result = {
    "projects": len(projects),
    "lines": env["account.analytic.line"].search_count([("project_id", "in", every)]),
    "same": same,
}
result["orm_one"], result["sql_one"] = median_times(one)
result["orm_all"], result["sql_all"] = median_times(every)
task = env["project.task"].search([("project_id", "=", projects[0].id)], limit=1)
employee = env["hr.employee"].search([("name", "like", "Salarié ")], limit=1)
started = time.perf_counter()
for index in range(P["entries"]):
    env["account.analytic.line"].create({
        "name": "Saisie %%d" %% index, "date": "2026-07-01", "unit_amount": 1.5,
        "employee_id": employee.id, "project_id": task.project_id.id, "task_id": task.id})
env.cr.commit()
result["entry"] = (time.perf_counter() - started) / P["entries"]
print("BENCH_RESULT " + json.dumps(result))
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=100000, help="timesheet lines (100000)")
    parser.add_argument("--projects", type=int, default=50, help="projects (50)")
    parser.add_argument("--entries", type=int, default=200,
                        help="timesheet lines created one by one with create() (200)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--db", default="bench_timesheets")
    parser.add_argument("--template", help="clone this database (with crm_projects) instead "
                                           "of installing crm_projects")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument("--reuse", action="store_true",
                        help="measure again on a database kept by an earlier --keep run")
    args = parser.parse_args()
    prepare_run()
    params = {"lines": args.lines, "projects": args.projects, "seed": args.seed,
              "entries": args.entries}
    try:
        if args.reuse:
            result = shell(args.db, BENCH_SCRIPT % {"params": params})
            print("measured again on %s (load average %s)" % (args.db, load_average()))
            args.keep = True
            return report(args, result)
        new_database(args.db, "crm_projects", args.template)
        setup = shell(args.db, SETUP_SCRIPT % {"params": params})
        print("%d projects, %d timesheet lines made in %.0f s (load average %s)"
              % (args.projects, setup["lines"], setup["seconds"], load_average()))
        result = shell(args.db, BENCH_SCRIPT % {"params": params})
        print("measured (load average %s)" % load_average())
    finally:
        if not args.keep:
            subprocess.run(["dropdb", "--if-exists"] + PG + [args.db])
    return report(args, result)


def report(args, result):
    print("\n%d projects, %d timesheet lines; ORM figures equal to SQL: %s"
          % (result["projects"], result["lines"], result["same"]))
    print("\n| figures of | project form (ORM read) | bare SQL aggregate | ratio |")
    print("|---|---:|---:|---:|")
    for key, label in (("one", "one project"), ("all", "all %d projects" % result["projects"])):
        orm, sql = result["orm_" + key], result["sql_" + key]
        print("| %s | %.1f ms | %.1f ms | %.1fx |" % (label, 1000 * orm, 1000 * sql, orm / sql))
    print("\ntimesheet entry: %.1f ms per line (create(), %d lines)"
          % (1000 * result["entry"], args.entries))


if __name__ == "__main__":
    main()
