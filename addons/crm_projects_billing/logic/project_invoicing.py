# -*- coding: utf-8 -*-
"""What an invoice of a project's time and expenses says, from plain data.

The time is billed per task (one line: the task's hours not yet invoiced at
the project's hourly rate); each re-invoiceable expense is a line at its
cost excl. VAT. Each line names the timesheet lines or the expense it bills,
so that they are marked invoiced together."""
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def _dec(value):
    return Decimal(str(value or 0))


def invoice_plan(timesheets, expenses, rate):
    """The lines of the invoice, in order.

    ``timesheets``: [{"id", "task_key", "task_name", "hours"}] (task_key
    None for time logged on the project itself); ``expenses``: [{"id",
    "name", "amount"}]; ``rate``: the price of an hour excl. VAT.

    Returns [{"kind": "time" | "expense", "name", "quantity", "price",
    "timesheet_ids", "expense_ids"}]: time lines first, in the order the
    tasks first appear, then the expenses. A task whose hours add up to
    zero (a correction cancelling an entry) gets no line: its timesheet lines
    stay to invoice."""
    rate = _dec(rate)
    tasks, order = {}, []
    for row in timesheets:
        key = row.get("task_key")
        if key not in tasks:
            tasks[key] = {"name": row.get("task_name"), "hours": Decimal(0), "ids": []}
            order.append(key)
        tasks[key]["hours"] += _dec(row["hours"])
        tasks[key]["ids"].append(row["id"])
    plan = []
    for key in order:
        task = tasks[key]
        hours = task["hours"].quantize(CENT, rounding=ROUND_HALF_UP)
        if hours == 0:
            continue
        plan.append({"kind": "time", "name": task["name"], "quantity": hours,
                     "price": rate.quantize(CENT, rounding=ROUND_HALF_UP),
                     "timesheet_ids": task["ids"], "expense_ids": []})
    for expense in expenses:
        plan.append({"kind": "expense", "name": expense["name"], "quantity": Decimal(1),
                     "price": _dec(expense["amount"]).quantize(CENT, rounding=ROUND_HALF_UP),
                     "timesheet_ids": [], "expense_ids": [expense["id"]]})
    return plan


def plan_total(plan):
    """The total excl. VAT of the plan's lines."""
    return sum((line["quantity"] * line["price"]).quantize(CENT, rounding=ROUND_HALF_UP)
               for line in plan) if plan else Decimal(0)
