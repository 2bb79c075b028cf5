#!/usr/bin/env python3
"""Benchmark: the project Gantt (OCA web_timeline + crm_projects' fixes) with 200 and 2,000 tasks.

    .venv/bin/python bench/bench_gantt.py [--sizes 200,2000] [--from-db DB] [--db bench_gantt]

1. makes the database `--db`: a copy of `--from-db` (createdb -T, a database
   with crm_projects installed) or, without it, `crm-odoo -i crm_projects
   --without-demo=all`;
2. through `crm-odoo shell` (not timed), for each size N a project "Bench
   Gantt N" of N one-day tasks over 50 people, in dependency chains of 10
   tasks (each waits for the previous one) with a link from the chain three
   before every 7th task (so about 1.05 dependencies a task), planned over 8
   weeks; automatic planning off (the drag then measures the Gantt, not the
   planner, which bench/bench_planner.py measures); and a window action
   opening its tasks in the timeline view;
3. starts a server (tests/odoo_server.py) and headless Chromium, logs in,
   then for each size, twice ("web_timeline" as it ships, with the browser's
   localStorage switch crm_timeline_stock=1, then "ours": crm_limit, names
   from search_read, groups in one pass, arrows read-then-write once per
   frame, the drag through crm_gantt_move), best of `--runs`:
   - first render: from the change of the URL to the action, until the N
     boxes and the arrows between them are in the page;
   - redraw after a drag: from the release of the mouse on a task moved by
     one box width, until the timeline has applied the reloaded tasks
     and shows the N boxes and the arrows again;
4. prints a table (times in ms, and 2,000 against 200 as a ratio) and drops
   the database (unless --keep).

Run from the repository root; PostgreSQL as in config/odoo-test.conf.
"""
import argparse
import os
import subprocess
import sys

from benchlib import PG, REPO, load_average, shell, new_database

sys.path.insert(0, os.path.join(REPO, "tests"))
from odoo_server import (  # noqa: E402 (tests/ is not a package)
    login, new_browser, quit_browser, start_server, stop_server, wait_idle)
from selenium.common.exceptions import TimeoutException  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from urllib3.exceptions import ReadTimeoutError  # noqa: E402

SEED_SCRIPT = r"""
import datetime, json, time
started = time.time()
env = env(context=dict(env.context, tracking_disable=True, mail_notrack=True,
                       mail_create_nolog=True, no_reset_password=True))
Users = env["res.users"]
users = Users.search([("login", "like", "bench.gantt.%%")], order="id")
for i in range(len(users), 50):
    users |= Users.create({"name": "Bench Gantt %%02d" %% i, "login": "bench.gantt.%%02d" %% i,
                           "groups_id": [(4, env.ref("crm_projects.group_projects_user").id)]})
view = env.ref("crm_projects.project_task_view_timeline")
actions = {}
for size in %(sizes)r:
    name = "Bench Gantt %%d" %% size
    project = env["project.project"].search([("name", "=", name)])
    if not project:
        project = env["project.project"].create({"name": name, "crm_planning_auto": False})
        monday = datetime.datetime(2027, 3, 1, 7, 0)
        tasks = []
        for i in range(size):
            chain, k = divmod(i, 10)
            day = (chain %% 30) + k
            start = monday + datetime.timedelta(days=day // 5 * 7 + day %% 5)
            task = env["project.task"].create({
                "name": "Tâche %%d.%%d" %% (chain, k), "project_id": project.id,
                "user_id": users[chain %% 50].id,
                "crm_planned_start": str(start), "crm_planned_end": str(start.replace(hour=15)),
            })
            tasks.append(task)
            if k:
                env["crm.task.dependency"].create(
                    {"task_id": task.id, "depends_on_id": tasks[i - 1].id})
            if i %% 7 == 6 and chain >= 3:
                env["crm.task.dependency"].create(
                    {"task_id": task.id, "depends_on_id": tasks[i - 30 - k + 9].id})
    action = env["ir.actions.act_window"].search([("name", "=", name)])
    if not action:
        action = env["ir.actions.act_window"].create({
            "name": name, "res_model": "project.task", "view_mode": "timeline,form",
            "view_id": view.id, "domain": "[('project_id', '=', %%d)]" %% project.id})
    deps = env["crm.task.dependency"].search_count([("task_id.project_id", "=", project.id)])
    actions[size] = {"action": action.id, "dependencies": deps}
env.cr.commit()
print("BENCH_RESULT " + json.dumps({"actions": actions, "seconds": time.time() - started}))
"""

# Resolves with the milliseconds from `start` until the timeline has applied
# its data once more (the counter set by HOOK_JS), the browser has painted the
# next frame, and it shows `count` boxes and at least `arrows` arrows.
WAIT_JS = """
var count = arguments[0], arrows = arguments[1], done = arguments[arguments.length - 1];
var start = window.crmBenchStart, loads = window.crmBenchLoads;
function poll() {
    var boxes = document.querySelectorAll('.oe_timeline_view .vis-item.vis-range').length;
    var lines = document.querySelectorAll('.oe_timeline_view_canvas polyline').length;
    if (window.crmBenchLoaded > loads && boxes >= count && lines >= arrows) {
        requestAnimationFrame(function () {
            requestAnimationFrame(function () {
                done({ms: performance.now() - start, boxes: boxes, arrows: lines});
            });
        });
    } else if (performance.now() - start > 170000) {
        done({ms: -1, boxes: boxes, arrows: lines});
    } else {
        setTimeout(poll, 10);
    }
}
poll();
"""

# Counts the data the timeline applies (web_timeline's and ours alike).
HOOK_JS = """
if (!window.crmBenchHooked) {
    window.crmBenchHooked = true;
    window.crmBenchLoaded = 0;
    odoo.__DEBUG__.services['web_timeline.TimelineRenderer'].include({
        on_data_loaded_2: function () {
            var result = this._super.apply(this, arguments);
            window.crmBenchLoaded += 1;
            return result;
        },
    });
}
"""


def first_render(driver, server, action_id, count, arrows):
    driver.execute_script(HOOK_JS)
    driver.execute_script("""
        window.crmBenchLoads = window.crmBenchLoaded;
        window.crmBenchStart = performance.now();
        window.location.hash = 'action=' + arguments[0] + '&view_type=timeline';
    """, action_id)
    return driver.execute_async_script(WAIT_JS, count, arrows)


def drag(driver, count, arrows):
    """Drag a task in the middle of the screen by one box width to the right."""
    box = driver.execute_script("""
        var view = document.querySelector('.oe_timeline_view .vis-center').getBoundingClientRect();
        var boxes = Array.prototype.filter.call(
            document.querySelectorAll('.oe_timeline_view .vis-item.vis-range'), function (el) {
                var r = el.getBoundingClientRect();
                return r.width > 4 && r.top > view.top + 20 && r.bottom < window.innerHeight - 20
                    && r.left > view.left + 20 && r.right < view.right - 60;
            });
        return boxes[Math.floor(boxes.length / 2)];
    """)
    width = max(box.size["width"], 20)
    box.click()  # vis.js drags the selected item
    ActionChains(driver).click_and_hold(box).move_by_offset(width // 2, 0) \
        .move_by_offset(width // 2, 0).perform()
    driver.execute_script("window.crmBenchLoads = window.crmBenchLoaded;")
    ActionChains(driver).release().perform()
    driver.execute_script("window.crmBenchStart = performance.now();")
    return driver.execute_async_script(WAIT_JS, count, arrows)


def timed(step, *args):
    """The result of a timed step, or ms = None when the page did not answer
    within the browser's command timeout (a frozen page)."""
    try:
        return step(*args)
    except (TimeoutException, ReadTimeoutError) as e:
        return {"ms": None, "boxes": 0, "arrows": 0, "error": type(e).__name__}


def measure(driver, server, action_id, size, arrows, stock, runs):
    driver.execute_script("window.localStorage.setItem('crm_timeline_stock', arguments[0]);",
                          "1" if stock else "0")
    # a fresh web client, so that the switch is read and nothing is cached in JS
    driver.get(server.url + "/web#action=project.open_view_project_all")
    wait_idle(driver, ".o_main_content > .o_content > *")
    render, redraw = [], []
    result = {}
    for _run in range(runs):
        driver.execute_script("window.location.hash = 'action=project.open_view_project_all';")
        wait_idle(driver, ".o_kanban_view", timeout=600)
        result = timed(first_render, driver, server, action_id, size, arrows)
        render.append(result["ms"])
        if result["ms"] is None or result["ms"] < 0:
            break
        wait_idle(driver, timeout=600)
        result = timed(drag, driver, size, arrows)
        redraw.append(result["ms"])
        if result["ms"] is None or result["ms"] < 0:
            break
    shown = [ms for ms in render if ms is not None and ms >= 0]
    moved = [ms for ms in redraw if ms is not None and ms >= 0]
    return (min(shown) if shown else None), (min(moved) if moved else None), result


def ms(value):
    return "> 120 s (no answer)" if value is None else "%.0f ms" % value


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="200,2000")
    parser.add_argument("--runs", type=int, default=3, help="best of (3)")
    parser.add_argument("--db", default="bench_gantt")
    parser.add_argument("--from-db", help="copy this database (crm_projects installed)")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument("--reuse", action="store_true",
                        help="measure on --db as it is, if it exists (kept from an earlier run)")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    sys.stdout.reconfigure(line_buffering=True)
    os.environ.setdefault("PGPASSWORD", "crm")
    server = driver = None
    exists = subprocess.run(["psql"] + PG + ["-lqt"], capture_output=True, text=True,
                            check=True).stdout
    reuse = args.reuse and args.db in [line.split("|")[0].strip() for line in exists.splitlines()]
    try:
        if reuse:
            pass
        else:
            new_database(args.db, "crm_projects", args.from_db)
        seeded = shell(args.db, SEED_SCRIPT % {"sizes": sizes})
        print("projects seeded in %.0f s (load average %s)" % (seeded["seconds"], load_average()))
        server = start_server(args.db)
        driver, profile = new_browser()
        driver.set_script_timeout(200)
        login(driver, server)
        rows = []
        for size in sizes:
            info = seeded["actions"][str(size)]
            # the arrows drawn are those between boxes shown: at least most of them
            arrows = int(info["dependencies"] * 0.5)
            # ours first: web_timeline as it ships may freeze the page for minutes
            for stock in (False, True):
                render, redraw, last = measure(driver, server, info["action"], size, arrows,
                                               stock, args.runs)
                rows.append((size, info["dependencies"], stock, render, redraw, last))
                print("%5d tasks, %s: first render %s, redraw after a drag %s "
                      "(%d boxes, %d arrows; load average %s)" % (
                          size, "web_timeline" if stock else "ours", ms(render), ms(redraw),
                          last["boxes"], last["arrows"], load_average()))
                if render is None or redraw is None:
                    # a frozen page: start again from a new browser
                    quit_browser(driver, profile)
                    driver, profile = new_browser()
                    driver.set_script_timeout(200)
                    login(driver, server)
    finally:
        if driver:
            quit_browser(driver, profile)
        if server:
            stop_server(server)
        if not args.keep:
            subprocess.run(["dropdb", "--if-exists"] + PG + [args.db])
    print("\n| tasks | dependencies | Gantt | first render | redraw after a drag |")
    print("|---:|---:|---|---:|---:|")
    for size, deps, stock, render, redraw, _last in rows:
        print("| %d | %d | %s | %s | %s |" % (
            size, deps, "web_timeline 11.0.1.4.3" if stock else "ours", ms(render), ms(redraw)))
    by = dict(((size, stock), (render, redraw)) for size, _d, stock, render, redraw, _l in rows)
    if len(sizes) == 2:
        small, big = sizes
        for stock in (True, False):
            ratios = ["x%.1f" % (b / max(a, 1)) if a and b else "?"
                      for a, b in zip(by[(small, stock)], by[(big, stock)])]
            print("%s: %d against %d tasks: first render %s, redraw %s" % (
                "web_timeline" if stock else "ours", big, small, ratios[0], ratios[1]))


if __name__ == "__main__":
    main()
