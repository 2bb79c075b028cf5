# -*- coding: utf-8 -*-
"""Forecasts: the weighted pipeline by month of expected close, owner and
team; the cash-in forecast by month of expected payment (open deals
weighted, won deals in full from today on, payment terms applied), who sees
which rows, and the Python summary agreeing with the report."""
import datetime

from odoo import fields
from odoo.tools.safe_eval import safe_eval

from ..logic import forecast, payment_terms

from .common import CrmSalesCase


def month_totals(groups, date_field, measure):
    """{"YYYY-MM-01": total} from a read_group by ``date_field:month`` (the
    columns of the pivot)."""
    totals = {}
    for group in groups:
        start = [leaf[2] for leaf in group["__domain"]
                 if isinstance(leaf, (list, tuple)) and leaf[0] == date_field and leaf[1] == ">="]
        key = start[0][:10] if start else None
        totals[key] = totals.get(key, 0.0) + group[measure]
    return totals


class TestForecasts(CrmSalesCase):

    @classmethod
    def setUpClass(cls):
        super(TestForecasts, cls).setUpClass()
        cls.alice = cls._sales_user("Alice Martin", "alice.forecast@example.com")
        cls.bruno = cls._sales_user("Bruno Petit", "bruno.forecast@example.com")
        cls.chloe = cls._sales_user("Chloé Roux", "chloe.forecast@example.com")
        cls.manager = cls._sales_user("Marc Directeur", "marc.forecast@example.com", manager=True)
        Team = cls.env["crm.sales.team"]
        cls.north = Team.create(
            {"name": "Nord", "member_ids": [(6, 0, [cls.alice.id, cls.bruno.id])]})
        cls.south = Team.create({"name": "Sud", "member_ids": [(6, 0, [cls.chloe.id])]})
        cls.customer = cls.env["res.partner"].create({"name": "Garage Central", "is_company": True})

        def stage(name):
            return cls.env.ref("crm_sales.crm_opportunity_stage_" + name)

        def term(name):
            return cls.env.ref("crm_sales.crm_payment_term_" + name)

        cls.today = fields.Date.from_string(fields.Date.context_today(cls.env["crm.opportunity"]))
        cls.m0 = forecast.month_start(cls.today)
        cls.m1, cls.m2 = forecast.add_months(cls.m0, 1), forecast.add_months(cls.m0, 2)

        def day(month, d):
            return month + datetime.timedelta(days=d - 1)

        def opp(name, user, team, budget, stage_name, close, term_name="immediate", won=False):
            record = cls.env["crm.opportunity"].create({
                "name": name, "partner_id": cls.customer.id, "user_id": user.id, "team_id": team.id,
                "expected_revenue": budget, "stage_id": stage(stage_name).id,
                "expected_close_date": close and fields.Date.to_string(close),
                "payment_term_id": term(term_name).id})
            if won:
                record.action_set_won()
            return record

        # probabilities of the stages: qualified 30 %, negotiation 80 %, proposal 60 %, new 10 %
        cls.alice_m1 = opp("Atelier", cls.alice, cls.north, 10000.0, "qualified", day(cls.m1, 10))
        cls.alice_m2 = opp("Parking", cls.alice, cls.north, 5000.0, "negotiation", day(cls.m2, 5))
        cls.bruno_m1 = opp("Carrosserie", cls.bruno, cls.north, 20000.0, "proposal",
                           day(cls.m1, 20), term_name="45_eom")
        cls.chloe_m1 = opp("Dépannage", cls.chloe, cls.south, 8000.0, "new", day(cls.m1, 3))
        cls.undated = opp("Sans date", cls.alice, cls.north, 30000.0, "proposal", None)
        # won: full budget when paid from today on
        cls.won_today = opp("Flotte", cls.alice, cls.north, 6000.0, "proposal", cls.today, won=True)
        cls.won_30 = opp("Pneus", cls.chloe, cls.south, 4000.0, "proposal",
                         cls.today - datetime.timedelta(days=10), term_name="30", won=True)
        cls.won_paid = opp("Vidange", cls.alice, cls.north, 9000.0, "proposal",
                           cls.today - datetime.timedelta(days=40), won=True)
        cls.lost = opp("Perdue", cls.bruno, cls.north, 70000.0, "proposal", day(cls.m1, 1))
        cls.lost.action_set_lost()
        cls.users = cls.alice | cls.bruno | cls.chloe
        # unassigned deals (of the demo data) are seen by every salesperson: out of the way
        cls.env["crm.opportunity"].search([("user_id", "=", False)]).write({"active": False})
        cls.bruno_pay = payment_terms.due_date(day(cls.m1, 20), 45, True)

    def iso(self, day):
        return fields.Date.to_string(day)

    # ------------------------------------------------------------ weighted pipeline
    def test_weighted_pipeline_by_month_of_close(self):
        action = self.env.ref("crm_sales.crm_opportunity_action_forecast")
        domain = safe_eval(action.domain) + [("user_id", "in", self.users.ids)]
        groups = self.env["crm.opportunity"].read_group(
            domain, ["expected_close_date", "weighted_revenue", "expected_revenue"],
            ["expected_close_date:month"], lazy=False)
        self.assertEqual(month_totals(groups, "expected_close_date", "weighted_revenue"), {
            self.iso(self.m1): 3000.0 + 12000.0 + 800.0,
            self.iso(self.m2): 4000.0,
            None: 18000.0,   # no expected close date: the "Undefined" column
        })
        totals = month_totals(groups, "expected_close_date", "expected_revenue")
        self.assertEqual(totals[self.iso(self.m1)], 38000.0)
        # won and lost deals are not in the pipeline
        self.assertEqual(sum(g["__count"] for g in groups), 5)

    def test_weighted_pipeline_by_owner_and_team(self):
        action = self.env.ref("crm_sales.crm_opportunity_action_forecast")
        domain = safe_eval(action.domain) + [("user_id", "in", self.users.ids),
                                             ("expected_close_date", "!=", False)]
        Opportunity = self.env["crm.opportunity"]
        by_owner = {g["user_id"][1]: g["weighted_revenue"] for g in Opportunity.read_group(
            domain, ["user_id", "weighted_revenue"], ["user_id"])}
        self.assertEqual(by_owner,
                         {"Alice Martin": 7000.0, "Bruno Petit": 12000.0, "Chloé Roux": 800.0})
        by_team = {g["team_id"][1]: g["weighted_revenue"] for g in Opportunity.read_group(
            domain, ["team_id", "weighted_revenue"], ["team_id"])}
        self.assertEqual(by_team, {"Nord": 19000.0, "Sud": 800.0})

    def test_the_forecast_views(self):
        action = self.env.ref("crm_sales.crm_opportunity_action_forecast").read()[0]
        views = dict((mode, view_id) for view_id, mode in action["views"])
        self.assertEqual(views["pivot"],
                         self.env.ref("crm_sales.crm_opportunity_view_pivot_forecast").id)
        self.assertEqual(views["graph"],
                         self.env.ref("crm_sales.crm_opportunity_view_graph_forecast").id)
        Opportunity = self.env["crm.opportunity"].sudo(self.alice)
        pivot = Opportunity.fields_view_get(views["pivot"], "pivot")["arch"]
        for part in ('name="team_id" type="row"', 'name="user_id" type="row"',
                     'name="expected_close_date" interval="month" type="col"',
                     'name="weighted_revenue" type="measure"',
                     'name="expected_revenue" type="measure"',
                     'display_quantity="True"'):
            self.assertIn(part, pivot)
        graph = Opportunity.fields_view_get(views["graph"], "graph")["arch"]
        self.assertIn('stacked="True"', graph)
        self.assertIn('name="user_id" type="col"', graph)

    # ------------------------------------------------------------ cash-in
    def cash_rows(self, user=None):
        Cash = self.env["crm.sales.cash.forecast"]
        if user:
            Cash = Cash.sudo(user)
        return Cash.search([("user_id", "in", self.users.ids)])

    def test_cash_in_by_month_of_payment(self):
        rows = self.cash_rows()
        by_name = {row.opportunity_id.name: (row.kind, row.payment_date, row.amount)
                   for row in rows}
        self.assertEqual(by_name, {
            "Atelier": ("open", self.alice_m1.expected_close_date, 3000.0),     # paid on closing
            "Parking": ("open", self.alice_m2.expected_close_date, 4000.0),
            "Carrosserie": ("open", self.iso(self.bruno_pay), 12000.0),       # 45 days end of month
            "Dépannage": ("open", self.chloe_m1.expected_close_date, 800.0),
            "Flotte": ("won", self.iso(self.today), 6000.0),                  # full budget
            "Pneus": ("won", self.iso(self.today + datetime.timedelta(days=20)), 4000.0),
        })
        groups = self.env["crm.sales.cash.forecast"].read_group(
            [("user_id", "in", self.users.ids)], ["payment_date", "amount"],
            ["payment_date:month"])
        totals = month_totals(groups, "payment_date", "amount")
        expected = {}
        for day, amount in [(self.today, 6000.0),
                            (self.today + datetime.timedelta(days=20), 4000.0),
                            (self.m1, 3000.0 + 800.0), (self.m2, 4000.0),
                            (self.bruno_pay, 12000.0)]:
            key = self.iso(forecast.month_start(day))
            expected[key] = expected.get(key, 0.0) + amount
        self.assertEqual(totals, expected)

    def test_a_won_deal_left_below_100_percent_brings_its_budget(self):
        self.won_today.write({"probability": 50.0})
        [row] = self.env["crm.sales.cash.forecast"].search(
            [("opportunity_id", "=", self.won_today.id)])
        self.assertEqual((row.kind, row.amount), ("won", 6000.0))

    def test_cash_in_rows_follow_the_opportunities_visibility(self):
        self.assertEqual(set(self.cash_rows(self.chloe).mapped("opportunity_id.name")),
                         {"Dépannage", "Pneus"})
        self.assertEqual(set(self.cash_rows(self.bruno).mapped("opportunity_id.name")),
                         {"Atelier", "Parking", "Carrosserie", "Flotte"})
        self.assertEqual(len(self.cash_rows(self.manager)), 6)

    def test_python_summary_agrees_with_the_report(self):
        for user in (self.alice, self.chloe, self.manager):
            summary = self.env["crm.sales.cash.forecast"].sudo(user).crm_cash_in_by_month(months=4)
            self.assertEqual([line["month"] for line in summary],
                             [self.iso(forecast.add_months(self.m0, i)) for i in range(4)])
            Cash = self.env["crm.sales.cash.forecast"].sudo(user)
            for line in summary:
                for kind in ("open", "won"):
                    groups = Cash.read_group([("month", "=", line["month"]), ("kind", "=", kind)],
                                             ["amount"], [])
                    self.assertAlmostEqual(line[kind], groups[0]["amount"] or 0.0, places=2,
                                           msg="%s %s %s" % (user.name, line["month"], kind))
        # Chloé's own view: her weighted deal in M+1 and the won one paid in 20 days
        Forecast = self.env["crm.sales.cash.forecast"].sudo(self.chloe)
        chloe = {line["month"]: line for line in Forecast.crm_cash_in_by_month(months=3)}
        self.assertEqual(chloe[self.iso(self.m1)]["open"], 800.0)
        paid_in = self.iso(forecast.month_start(self.today + datetime.timedelta(days=20)))
        self.assertEqual(chloe[paid_in]["won"], 4000.0)
