# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CrmTaskDependency(models.Model):
    """Finish-to-start: ``task_id`` starts after ``depends_on_id`` ends, plus
    ``lag_days`` working days of the task's assignee."""
    _name = "crm.task.dependency"
    _description = "Task dependency"
    _order = "task_id, id"

    task_id = fields.Many2one("project.task", required=True,
                              ondelete="cascade", index=True)
    depends_on_id = fields.Many2one("project.task", string="Depends on", required=True,
                                    ondelete="cascade", index=True)
    lag_days = fields.Float(string="Lag (working days)", default=0.0,
                            help="Working days to wait after the other task ends.")
    company_id = fields.Many2one(related="task_id.company_id", store=True, readonly=True)
    # what the "Depends on" and "Needed by" lists of the task form show
    depends_on_project_id = fields.Many2one(related="depends_on_id.project_id", readonly=True,
                                            string="Project of the task it waits for")
    depends_on_planned_end = fields.Datetime(related="depends_on_id.crm_planned_end",
                                             readonly=True, string="Ends")
    task_project_id = fields.Many2one(related="task_id.project_id", readonly=True,
                                      string="Project of the waiting task")
    task_planned_start = fields.Datetime(related="task_id.crm_planned_start", readonly=True,
                                         string="Starts")

    _sql_constraints = [
        ("crm_dependency_unique", "UNIQUE(task_id, depends_on_id)",
         "This task already depends on that one."),
        ("crm_dependency_not_self", "CHECK(task_id != depends_on_id)",
         "A task cannot depend on itself."),
        ("crm_dependency_lag", "CHECK(lag_days >= 0)", "The lag cannot be negative."),
    ]

    @api.constrains("task_id", "depends_on_id")
    def _check_same_company(self):
        for dependency in self:
            if dependency.task_id.company_id != dependency.depends_on_id.company_id:
                raise ValidationError(_(
                    "«%(task)s» cannot wait for «%(other)s»: the two tasks belong to "
                    "different companies.") % {"task": dependency.task_id.name,
                                               "other": dependency.depends_on_id.name})

    @api.constrains("task_id", "depends_on_id")
    def _check_no_cycle(self):
        for dependency in self:
            cycle = dependency._crm_cycle()
            if cycle:
                names = dict((task.id, task.name) for task in self.env["project.task"]
                             .with_context(active_test=False).browse(cycle))
                raise ValidationError(_(
                    "This dependency would close a cycle, where no task could ever start: %s. "
                    "Remove one of these dependencies first.")
                    % " → ".join("«%s»" % names.get(task_id, task_id) for task_id in cycle))

    def _crm_cycle(self):
        """The task ids of the cycle this dependency closes, in order, the
        first repeated at the end ([task, depends on, ..., task]), or [].

        One query: the recursive CTE collects every dependency reachable from
        the task this one depends on (UNION removes repeats, so it ends even on
        a cycle, and visits each dependency once); the path is then found in
        memory by a breadth-first walk. No search per task."""
        self.ensure_one()
        self.env.cr.execute("""
            WITH RECURSIVE reach(task_id, depends_on_id) AS (
                SELECT task_id, depends_on_id FROM crm_task_dependency WHERE task_id = %s
              UNION
                SELECT d.task_id, d.depends_on_id
                  FROM crm_task_dependency d JOIN reach r ON d.task_id = r.depends_on_id
            )
            SELECT task_id, depends_on_id FROM reach
        """, (self.depends_on_id.id,))
        waits_for = {}
        for task_id, depends_on_id in self.env.cr.fetchall():
            waits_for.setdefault(task_id, []).append(depends_on_id)
        start, goal = self.depends_on_id.id, self.task_id.id
        previous = {start: None}
        queue = [start]
        while queue:
            current = queue.pop(0)
            if current == goal:
                path = []
                while current is not None:
                    path.append(current)
                    current = previous[current]
                # path is goal ... start; the cycle reads task -> depends on -> ... -> task
                return [goal] + list(reversed(path))
            for nxt in sorted(waits_for.get(current, ())):
                if nxt not in previous:
                    previous[nxt] = current
                    queue.append(nxt)
        return []
