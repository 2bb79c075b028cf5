# -*- coding: utf-8 -*-
from decimal import Decimal

from ..logic.project_invoicing import invoice_plan, plan_total


def test_time_is_billed_per_task_at_the_project_rate_then_each_expense():
    plan = invoice_plan(
        [{"id": 1, "task_key": 7, "task_name": "Maquettes", "hours": 3.0},
         {"id": 2, "task_key": 8, "task_name": "Intégration", "hours": 2.0},
         {"id": 3, "task_key": 7, "task_name": "Maquettes", "hours": 1.5}],
        [{"id": 10, "name": "Licence", "amount": 100.0}], 75.0)
    assert [(line["kind"], line["name"], line["quantity"], line["price"]) for line in plan] == [
        ("time", "Maquettes", Decimal("4.50"), Decimal("75.00")),
        ("time", "Intégration", Decimal("2.00"), Decimal("75.00")),
        ("expense", "Licence", Decimal("1"), Decimal("100.00"))]
    assert plan[0]["timesheet_ids"] == [1, 3]
    assert plan[2]["expense_ids"] == [10]
    assert plan_total(plan) == Decimal("587.50")


def test_a_task_whose_hours_cancel_out_gets_no_line():
    plan = invoice_plan(
        [{"id": 1, "task_key": 7, "task_name": "Maquettes", "hours": 2.0},
         {"id": 2, "task_key": 7, "task_name": "Maquettes", "hours": -2.0}], [], 60)
    assert plan == []
    assert plan_total(plan) == 0


def test_time_logged_on_the_project_without_task_is_one_line():
    plan = invoice_plan([{"id": 4, "task_key": None, "task_name": None, "hours": 0.25}], [], 80)
    assert plan[0]["quantity"] == Decimal("0.25")
    assert plan[0]["timesheet_ids"] == [4]
