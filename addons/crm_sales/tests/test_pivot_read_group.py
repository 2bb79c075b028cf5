# -*- coding: utf-8 -*-
"""The pivot and graph views' grouped reads (read_group, lazy=False) take
crm_base's aggregate-then-order path on opportunities and return exactly
what Odoo's own _read_group_raw returns: same groups, order, labels, sums
and domains, for the groupings the forecast views offer."""
import datetime

from odoo import models
from odoo.exceptions import UserError

from .common import CrmSalesCase

MEASURES = ["expected_revenue", "weighted_revenue", "probability"]


class TestPivotReadGroup(CrmSalesCase):

    @classmethod
    def setUpClass(cls):
        super(TestPivotReadGroup, cls).setUpClass()
        env = cls.env
        cls.seller = cls._sales_user("Zoé Vendeuse", "pv_seller@example.com")
        cls.other = cls._sales_user("Albert Vendeur", "pv_other@example.com")
        # same name as another user: Odoo orders owners by name, then login
        cls.twin = cls._sales_user("Albert Vendeur", "pv_twin@example.com")
        team = env["crm.sales.team"].create(
            {"name": "Équipe pivot", "member_ids": [(6, 0, [cls.other.id])]})
        customers = [env["res.partner"].create({"name": name, "is_company": True})
                     for name in ("Pivot Alpha SA", "Pivot Bêta SARL")]
        stages = [
            env.ref("crm_sales.crm_opportunity_stage_" + x) for x in ("new", "qualified", "won")]
        cls.opps = env["crm.opportunity"]
        start = datetime.date(2026, 1, 30)
        owners = [cls.seller, cls.other, cls.twin, env["res.users"]]
        for i in range(24):
            cls.opps |= env["crm.opportunity"].create({
                "name": "Pivot %d" % i, "partner_id": customers[i % 2].id,
                "user_id": owners[i % 4].id, "team_id": team.id if i % 3 else False,
                "stage_id": stages[i % 3].id, "expected_revenue": 1000.5 * (i + 1),
                "priority": str(i % 3), "color": 0 if i % 4 else 3,
                # some without a close date: the empty group comes last
                "expected_close_date": start + datetime.timedelta(days=17 * i) if i % 5 else False})
        cls.domain = [("id", "in", cls.opps.ids)]

    def compare(self, model, groupby):
        fields = MEASURES + [spec.split(":")[0] for spec in groupby]
        queries = []
        execute = type(self.env.cr).execute

        def spy(cr, query, params=None, log_exceptions=None):
            queries.append(str(query))
            return execute(cr, query, params)
        type(self.env.cr).execute = spy
        try:
            ours = model._read_group_raw(self.domain, fields, groupby, lazy=False)
        finally:
            type(self.env.cr).execute = execute
        odoo = models.BaseModel._read_group_raw(model, self.domain, fields, groupby, lazy=False)
        self.assertEqual(ours, odoo, "grouped by %s" % groupby)
        # and it really was the aggregate-then-order statement
        self.assertTrue(
            any(q.startswith('SELECT "crm_opportunity".* FROM (SELECT') for q in queries))
        return ours

    def test_forecast_pivot_month_by_owner(self):
        fr = self.env["crm.opportunity"].with_context(lang="fr_FR", tz="Europe/Paris")
        groups = self.compare(fr, ["expected_close_date:month", "user_id"])
        self.assertEqual(sum(g["__count"] for g in groups), 24)
        self.assertAlmostEqual(sum(g["expected_revenue"] for g in groups), 1000.5 * 300, places=2)
        # the months in order, owners ordered by name then login inside a month
        months = [g["expected_close_date:month"] for g in groups]
        self.assertEqual(months[-1], False)
        dated = [m for m in months if m]
        self.assertEqual(dated, sorted(dated, key=lambda m: m[0]))

    def test_groupings_the_views_offer(self):
        model = self.env["crm.opportunity"].with_context(lang="en_US", tz="Europe/Paris")
        for groupby in (["user_id", "expected_close_date:month"], ["stage_id", "team_id"],
                        ["expected_close_date:week"], ["expected_close_date:quarter", "state"],
                        ["expected_close_date:year"], ["create_date:day", "user_id"],
                        ["create_date:month", "partner_id"], ["priority", "user_id"], ["team_id"],
                        ["color", "stage_id"]):   # an integer, mostly 0
            self.compare(model, groupby)

    def test_a_salesperson_groups_what_she_sees(self):
        as_seller = self.env["crm.opportunity"].sudo(self.seller).with_context(lang="fr_FR")
        groups = self.compare(as_seller, ["expected_close_date:month", "user_id"])
        # her own and the unassigned ones; not her colleagues' (no shared team)
        self.assertEqual(sum(g["__count"] for g in groups), 12)
        self.assertEqual(
            {g["user_id"] and g["user_id"][0] for g in groups}, {self.seller.id, False})

    def test_other_calls_keep_odoo_path(self):
        model = self.env["crm.opportunity"]
        fields = MEASURES + ["stage_id"]
        self.assertEqual(model.read_group(self.domain, fields, ["stage_id"],
                                          orderby="stage_id desc", lazy=False),
                         models.BaseModel.read_group(model, self.domain, fields, ["stage_id"],
                                                     orderby="stage_id desc", lazy=False))
        lazy = model.read_group(self.domain, fields, ["stage_id"])
        self.assertIn("stage_id_count", lazy[0])
        limited = model.read_group(self.domain, fields, ["stage_id"], limit=1, lazy=False)
        self.assertEqual(len(limited), 1)

    def test_a_crafted_groupby_is_refused_before_any_sql(self):
        # the groupby names the columns' aliases: anything but a field name
        # and an interval is refused, as Odoo's own path does
        model = self.env["crm.opportunity"]
        with self.assertRaises(UserError):
            model.read_group(self.domain, MEASURES + ["user_id"],
                             ['user_id:x" FROM res_users --'], lazy=False)
