# -*- coding: utf-8 -*-
"""The activity bars of the pipeline's columns (read_progress_bar) count
exactly what Odoo's generic implementation counts, in one query."""
import datetime

from odoo.tests.common import SavepointCase

from .common import sales_user

BAR = {"field": "activity_state", "colors": {"planned": "success", "today": "warning",
                                             "overdue": "danger"}}


class TestPipelineProgressBar(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestPipelineProgressBar, cls).setUpClass()
        env = cls.env
        cls.Opp = env["crm.opportunity"]
        cls.stage_new = env.ref("crm_sales.crm_opportunity_stage_new")
        cls.stage_qualified = env.ref("crm_sales.crm_opportunity_stage_qualified")
        # far east of UTC: her "today" is often another day than the server's
        cls.seller = sales_user(env, "Vendeuse Pacifique", "pb_seller", email="pb@example.com",
                                tz="Pacific/Kiritimati")
        cls.other = sales_user(env, "Vendeur Paris", "pb_other", email="pbo@example.com",
                               tz="Europe/Paris")
        partner = env["res.partner"].create({"name": "Barres SARL", "is_company": True})
        todo = env.ref("mail.mail_activity_data_todo")
        model_id = env["ir.model"]._get("crm.opportunity").id
        today = datetime.date.today()
        cls.opps = env["crm.opportunity"]
        for i, (stage, owner, deadlines) in enumerate([
                (cls.stage_new, cls.seller, [-3]),
                (cls.stage_new, cls.seller, [0, 5]),
                (cls.stage_new, cls.other, [7]),
                (cls.stage_new, cls.other, []),
                (cls.stage_qualified, cls.seller, [1]),
                (cls.stage_qualified, cls.other, [-1, 2]),
                (cls.stage_qualified, cls.seller, [])]):
            opp = env["crm.opportunity"].create({
                "name": "Barre %d" % i, "partner_id": partner.id, "user_id": owner.id,
                "stage_id": stage.id, "expected_revenue": 1000})
            for days in deadlines:
                env["mail.activity"].create({
                    "res_model_id": model_id, "res_id": opp.id, "activity_type_id": todo.id,
                    "user_id": owner.id, "summary": "Relance",
                    "date_deadline": today + datetime.timedelta(days=days)})
            cls.opps |= opp
        cls.domain = [("partner_id", "=", partner.id)]

    def expected(self, model):
        """What Odoo's generic read_progress_bar counts: activity_state read
        opportunity by opportunity."""
        data = {}
        for row in model.search_read(self.domain, ["stage_id", "activity_state"]):
            counts = data.setdefault(row["stage_id"][1], dict.fromkeys(BAR["colors"], 0))
            if row["activity_state"] in counts:
                counts[row["activity_state"]] += 1
        return data

    def test_same_counts_as_the_generic_progress_bar(self):
        got = self.Opp.read_progress_bar(self.domain, "stage_id", BAR)
        self.assertEqual(got, self.expected(self.Opp))
        # the counts a user checks: 4 cards in New, 3 in Qualified, one with
        # nothing planned in each
        self.assertEqual(sum(got[self.stage_new.name].values()), 3)
        self.assertEqual(sum(got[self.stage_qualified.name].values()), 2)
        self.assertEqual(got[self.stage_qualified.name]["overdue"], 1)

    def test_a_salesperson_counts_only_what_she_sees(self):
        as_seller = self.Opp.sudo(self.seller)
        got = as_seller.read_progress_bar(self.domain, "stage_id", BAR)
        self.assertEqual(got, self.expected(as_seller))
        self.assertEqual(sum(sum(c.values()) for c in got.values()), 3)

    def test_other_bars_and_groupings_use_odoo(self):
        got = self.Opp.read_progress_bar(self.domain, "user_id", BAR)
        self.assertEqual(set(got), {"Vendeuse Pacifique", "Vendeur Paris"})
