# -*- coding: utf-8 -*-
"""The demo pipeline is believable: enough deals in every stage, won and lost
ones with their reasons, salespeople who can log in, activities due, and
quotes at every step, one of them signed on a won deal."""
import datetime

from odoo import fields
from odoo.exceptions import AccessDenied
from odoo.tests.common import TransactionCase


class TestSalesDemoData(TransactionCase):

    def setUp(self):
        super(TestSalesDemoData, self).setUp()
        if not self.env.ref("crm_sales.crm_opportunity_demo_site_lemoine",
                            raise_if_not_found=False):
            self.skipTest("database without the demo data of crm_sales")
        self.Opportunity = self.env["crm.opportunity"]
        ids = self.env["ir.model.data"].search(
            [("module", "=", "crm_sales"), ("model", "=", "crm.opportunity")]).mapped("res_id")
        self.demo = self.Opportunity.browse(ids).exists()

    def test_enough_opportunities_in_every_stage(self):
        self.assertGreaterEqual(len(self.demo), 60)
        stage_ids = self.env["ir.model.data"].search([
            ("module", "=", "crm_sales"), ("model", "=", "crm.opportunity.stage")]).mapped("res_id")
        stages = self.env["crm.opportunity.stage"].browse(stage_ids)
        self.assertGreaterEqual(len(stages), 7)
        for stage in stages:
            self.assertGreaterEqual(len(self.demo.filtered(lambda o: o.stage_id == stage)), 1,
                                    stage.name)
        by_state = {state: self.demo.filtered(lambda o: o.state == state)
                    for state in ("open", "won", "lost")}
        self.assertGreaterEqual(len(by_state["open"]), 30)
        self.assertGreaterEqual(len(by_state["won"]), 8)
        self.assertGreaterEqual(len(by_state["lost"]), 5)
        self.assertTrue(all(o.lost_reason_id for o in by_state["lost"]), "every lost deal says why")
        self.assertTrue(all(o.date_closed for o in by_state["won"] | by_state["lost"]))
        self.assertEqual(set(by_state["won"].mapped("probability")), {100.0})
        # the second pipeline works with its own stage
        key_accounts = self.env.ref("crm_sales.crm_sales_team_key_accounts")
        own = self.env.ref("crm_sales.crm_opportunity_stage_key_accounts_audit")
        self.assertEqual(own.team_id, key_accounts)
        self.assertTrue(
            self.demo.filtered(lambda o: o.team_id == key_accounts and o.stage_id == own))

    def test_amounts_dates_and_owners(self):
        budgets = self.demo.mapped("expected_revenue")
        self.assertGreaterEqual(min(budgets), 1500)
        self.assertLessEqual(max(budgets), 120000)
        for opp in self.demo:
            loaded = fields.Date.from_string(opp.create_date[:10])
            close = fields.Date.from_string(opp.expected_close_date)
            self.assertTrue(loaded - datetime.timedelta(days=100) <= close
                            <= loaded + datetime.timedelta(days=280), opp.name)
            self.assertTrue(
                opp.partner_id and opp.payment_term_id and opp.source_id and opp.tag_ids, opp.name)
            if opp.state != "open":
                self.assertLessEqual(close, loaded, "%s is closed in the past" % opp.name)
        open_deals = self.demo.filtered(lambda o: o.state == "open")
        closes = [fields.Date.from_string(o.expected_close_date)
                  - fields.Date.from_string(o.create_date[:10])
                  for o in open_deals]
        self.assertTrue(any(delta.days > 180 for delta in closes),
                        "deals expected in more than 6 months")
        self.assertTrue(any(delta.days < 31 for delta in closes), "deals expected this month")
        self.assertGreaterEqual(len(set(self.demo.mapped("priority"))), 3)
        self.assertTrue(self.demo.filtered("probability_manual"), "a probability typed by hand")
        self.assertTrue(self.demo.filtered(lambda o: not o.user_id), "unassigned requests")
        self.assertGreaterEqual(len(self.demo.mapped("user_id")), 4)
        self.assertGreaterEqual(len(self.demo.mapped("partner_id")), 40)

    def test_salespeople_log_in_with_their_login(self):
        for xmlid, login in (("crm_sales.crm_demo_user_camille", "camille"),
                             ("crm_sales.crm_demo_user_julien", "julien"),
                             ("crm_sales.crm_demo_user_elise", "elise")):
            user = self.env.ref(xmlid)
            self.assertEqual(user.login, login)
            self.assertTrue(user.has_group("crm_sales.group_sales_user"))
            self.assertFalse(user.has_group("crm_sales.group_sales_manager"))
            self.env["res.users"].sudo(user).check_credentials(login)
            with self.assertRaises(AccessDenied):
                self.env["res.users"].sudo(user).check_credentials("wrong")
            # they see deals, not all of them
            seen = self.Opportunity.sudo(user).search([("id", "in", self.demo.ids)])
            self.assertTrue(seen, login)
            self.assertLess(len(seen), len(self.demo), login)
        self.assertTrue(self.env.ref("base.user_demo").has_group("crm_sales.group_sales_user"))

    def test_activities_late_today_and_to_come(self):
        activities = self.env["mail.activity"].search(
            [("res_model", "=", "crm.opportunity"), ("res_id", "in", self.demo.ids)])
        self.assertGreaterEqual(len(activities), 8)
        # late, due and to come on the day the demo was loaded (their state
        # today depends on how long ago that was)
        delays = {(fields.Date.from_string(a.date_deadline)
                   - fields.Date.from_string(a.create_date[:10])).days for a in activities}
        self.assertTrue(min(delays) < 0 and 0 in delays and max(delays) > 0, delays)
        self.assertIn("overdue", activities.mapped("state"))
        self.assertIn(self.env.ref("base.user_root"), activities.mapped("user_id"))
        self.assertGreaterEqual(len(activities.mapped("user_id")), 3)

    def test_quotes_at_every_step_and_one_signed_on_a_won_deal(self):
        quotes = self.env["crm.quote"].browse(self.env["ir.model.data"].search(
            [("module", "=", "crm_sales"), ("model", "=", "crm.quote")]).mapped("res_id"))
        self.assertGreaterEqual(len(quotes), 8)
        self.assertTrue({"draft", "sent", "signed", "refused"} <= set(quotes.mapped("state")))
        self.assertTrue(all(quote.line_ids for quote in quotes), "every quote has lines")
        signed = quotes.filtered(lambda q: q.state == "signed")
        self.assertTrue(signed)
        for quote in signed:
            self.assertEqual(quote.opportunity_id.state, "won", quote.name)
            self.assertTrue(quote.signer_name and quote.signer_email and quote.signed_on)
        for quote in quotes.filtered(lambda q: q.state == "refused"):
            self.assertEqual(quote.opportunity_id.state, "lost", quote.name)
