# -*- coding: utf-8 -*-
"""Monthly targets and the report "Won vs target vs weighted pipeline": the
amounts per salesperson and month (in their time zone), the achievement, the
team, the progress shown on the targets, and who sees and edits what."""
import psycopg2

from odoo.exceptions import AccessError
from odoo.tools import mute_logger

from .common import CrmSalesCase


class TestSalesTargets(CrmSalesCase):

    @classmethod
    def setUpClass(cls):
        super(TestSalesTargets, cls).setUpClass()
        cls.alice = cls._sales_user("Alice Martin", "alice.targets@example.com", tz="Europe/Paris")
        cls.bruno = cls._sales_user("Bruno Petit", "bruno.targets@example.com", tz="Europe/Paris")
        cls.manager = cls._sales_user("Marc Directeur", "marc.targets@example.com", manager=True,
                                      tz="Europe/Paris")
        Team = cls.env["crm.sales.team"]
        cls.north = Team.create(
            {"name": "Nord", "member_ids": [(6, 0, [cls.alice.id, cls.bruno.id])]})
        cls.south = Team.create({"name": "Sud", "leader_id": cls.bruno.id})
        cls.customer = cls.env["res.partner"].create(
            {"name": "Brasserie du Port", "is_company": True})
        qualified = cls.env.ref("crm_sales.crm_opportunity_stage_qualified")      # 30 %
        proposal = cls.env.ref("crm_sales.crm_opportunity_stage_proposal")        # 60 %

        def opp(name, user, budget, stage=None, close=None, won_at=None, lost=False):
            record = cls.env["crm.opportunity"].create({
                "name": name, "partner_id": cls.customer.id, "user_id": user.id,
                "team_id": cls.north.id, "expected_revenue": budget,
                "stage_id": (stage or qualified).id, "expected_close_date": close})
            if won_at:
                record.action_set_won()
                record.write({"date_closed": won_at})
            if lost:
                record.action_set_lost()
                record.write({"date_closed": "2025-01-15 10:00:00"})
            return record

        # January and February 2025, in Paris time (UTC+1)
        opp("Terrasse", cls.alice, 12000.0, won_at="2025-01-31 22:30:00")  # 31 Jan, 23:30 Paris
        opp("Comptoir", cls.alice, 3000.0, won_at="2025-01-31 23:30:00")   # 1 Feb, 00:30 Paris
        opp("Cave", cls.alice, 5000.0, won_at="2025-01-10 15:00:00")
        # weighted 3000 in February, 2400 in January
        opp("Salle", cls.alice, 10000.0, stage=qualified, close="2025-02-14")
        opp("Cuisine", cls.alice, 4000.0, stage=proposal, close="2025-01-20")
        opp("Extension", cls.alice, 50000.0, lost=True)
        archived = opp("Doublon", cls.alice, 90000.0, won_at="2025-01-12 10:00:00")
        archived.active = False
        opp("Enseigne", cls.bruno, 7000.0, won_at="2025-01-08 10:00:00")

        Target = cls.env["crm.sales.target"].sudo(cls.manager)
        cls.alice_jan = Target.create(
            {"user_id": cls.alice.id, "month": "2025-01-17", "amount": 20000.0})
        cls.alice_feb = Target.create(
            {"user_id": cls.alice.id, "month": "2025-02-01", "amount": 15000.0})
        cls.bruno_jan = Target.create(
            {"user_id": cls.bruno.id, "month": "2025-01-01", "amount": 10000.0})
        cls.users = cls.alice | cls.bruno

    def report(self, user=None):
        Report = self.env["crm.sales.target.report"]
        if user:
            Report = Report.sudo(user)
        rows = Report.search([("user_id", "in", self.users.ids)])
        return {(row.user_id.name, row.month): (row.target, row.won, row.weighted, row.achievement)
                for row in rows}

    def test_a_target_per_salesperson_and_month(self):
        self.assertEqual(self.alice_jan.month, "2025-01-01")
        self.alice_feb.sudo(self.manager).write({"month": "2025-02-28"})
        self.assertEqual(self.alice_feb.month, "2025-02-01")
        with (self.assertRaises(psycopg2.IntegrityError), mute_logger("odoo.sql_db"),
              self.env.cr.savepoint()):
            self.env["crm.sales.target"].sudo(self.manager).create(
                {"user_id": self.alice.id, "month": "2025-01-31", "amount": 1.0})

    def test_won_vs_target_vs_weighted_pipeline(self):
        self.assertEqual(self.report(), {
            # won 12000 + 5000 (the Comptoir was won on 1 February in Paris), pipeline 4000 x 60 %
            ("Alice Martin", "2025-01-01"): (20000.0, 17000.0, 2400.0, 85.0),
            ("Alice Martin", "2025-02-01"): (15000.0, 3000.0, 3000.0, 20.0),
            ("Bruno Petit", "2025-01-01"): (10000.0, 7000.0, 0.0, 70.0),
        })

    def test_the_team_is_the_salespersons(self):
        rows = self.env["crm.sales.target.report"].search(
            [("user_id", "in", self.users.ids), ("month", "=", "2025-01-01")])
        # Alice is a member of North; Bruno leads South (and is a member of North)
        self.assertEqual({row.user_id: row.team_id for row in rows},
                         {self.alice: self.north, self.bruno: self.south})

    def test_pivot_totals_by_team(self):
        groups = self.env["crm.sales.target.report"].read_group(
            [("user_id", "in", self.users.ids), ("month", "=", "2025-01-01")],
            ["team_id", "target", "won", "weighted", "achievement"], ["team_id"])
        by_team = {g["team_id"][1]: (g["target"], g["won"], g["weighted"], g["achievement"])
                   for g in groups}
        self.assertEqual(by_team, {"Nord": (20000.0, 17000.0, 2400.0, 85.0),
                                   "Sud": (10000.0, 7000.0, 0.0, 70.0)})

    def test_progress_shown_on_the_targets(self):
        targets = self.alice_jan | self.alice_feb | self.bruno_jan
        self.assertEqual([(t.won_amount, t.weighted_amount, t.achievement) for t in targets],
                         [(17000.0, 2400.0, 85.0), (3000.0, 3000.0, 20.0), (7000.0, 0.0, 70.0)])

    def test_a_salesperson_sees_their_own(self):
        self.assertEqual(set(self.report(self.alice)), {("Alice Martin", "2025-01-01"),
                                                        ("Alice Martin", "2025-02-01")})
        self.assertEqual(set(self.report(self.bruno)), {("Bruno Petit", "2025-01-01")})
        self.assertEqual(len(self.report(self.manager)), 3)
        Target = self.env["crm.sales.target"]
        domain = [("user_id", "in", self.users.ids)]
        self.assertEqual(Target.sudo(self.alice).search(domain), self.alice_jan | self.alice_feb)
        self.assertEqual(len(Target.sudo(self.manager).search(domain)), 3)
        # the salesperson reads their targets, the manager sets them
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            Target.sudo(self.alice).create(
                {"user_id": self.alice.id, "month": "2025-03-01", "amount": 1.0})
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.alice_jan.sudo(self.alice).write({"amount": 1.0})

    def test_only_managers_get_the_editable_list(self):
        view = self.env.ref("crm_sales.crm_sales_target_view_tree")
        Target = self.env["crm.sales.target"]
        manager_arch = Target.sudo(self.manager).fields_view_get(view.id, "tree")["arch"]
        alice_arch = Target.sudo(self.alice).fields_view_get(view.id, "tree")["arch"]
        self.assertIn('editable="bottom"', manager_arch)
        self.assertNotIn("editable", alice_arch)
        self.assertIn('create="false"', alice_arch)
        report_arch = self.env["crm.sales.target.report"].sudo(self.alice).fields_view_get(
            self.env.ref("crm_sales.crm_sales_target_report_view_tree").id, "tree")["arch"]
        self.assertIn('name="achievement" widget="progressbar"', report_arch)
