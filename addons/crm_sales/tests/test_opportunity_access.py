# -*- coding: utf-8 -*-
"""Who sees which opportunity: a salesperson their own, their teams' and the
unassigned ones, never another team's; a manager all of their company; only
managers configure stages, teams, lost reasons and payment terms."""
from odoo.exceptions import AccessError
from odoo.tools import mute_logger

from .common import CrmSalesCase


class TestOpportunityAccess(CrmSalesCase):

    @classmethod
    def setUpClass(cls):
        super(TestOpportunityAccess, cls).setUpClass()
        cls.alice = cls._sales_user("Alice Nord", "alice.access@example.com")
        cls.bruno = cls._sales_user("Bruno Nord", "bruno.access@example.com")
        cls.chloe = cls._sales_user("Chloé Sud", "chloe.access@example.com")
        cls.leader = cls._sales_user("Lucie Cheffe", "lucie.access@example.com")
        cls.manager = cls._sales_user("Marc Directeur", "marc.access@example.com", manager=True)
        Team = cls.env["crm.sales.team"]
        cls.north = Team.create({"name": "Nord",
                                 "member_ids": [(6, 0, [cls.alice.id, cls.bruno.id])],
                                 "leader_id": cls.leader.id})
        cls.south = Team.create({"name": "Sud", "member_ids": [(6, 0, [cls.chloe.id])]})
        company = cls.env["res.partner"].create({"name": "Imprimerie Vasseur", "is_company": True})
        Opportunity = cls.env["crm.opportunity"]

        def opp(name, user, team):
            return Opportunity.create({"name": name, "partner_id": company.id, "user_id": user.id,
                                       "team_id": team.id, "expected_revenue": 5000})

        cls.alice_own = opp("Alice : sans équipe", cls.alice, Team)
        cls.bruno_north = opp("Bruno : équipe Nord", cls.bruno, cls.north)
        cls.unassigned = opp("Demande reçue par le site", cls.env["res.users"], cls.south)
        cls.chloe_south = opp("Chloé : équipe Sud", cls.chloe, cls.south)
        cls.all = cls.alice_own | cls.bruno_north | cls.unassigned | cls.chloe_south

    def visible(self, user):
        return self.env["crm.opportunity"].sudo(user).search([("id", "in", self.all.ids)])

    def test_salesperson_sees_own_team_and_unassigned(self):
        self.assertEqual(self.visible(self.alice),
                         self.alice_own | self.bruno_north | self.unassigned)
        self.assertEqual(self.visible(self.bruno), self.bruno_north | self.unassigned)
        self.assertEqual(self.visible(self.chloe), self.chloe_south | self.unassigned)
        # a team's leader sees its deals without being a member
        self.assertEqual(self.visible(self.leader), self.bruno_north | self.unassigned)
        # counts and totals of the pipeline agree
        Opportunity = self.env["crm.opportunity"].sudo(self.chloe)
        self.assertEqual(Opportunity.search_count([("id", "in", self.all.ids)]), 2)
        [group] = Opportunity.read_group([("id", "in", self.all.ids)], ["expected_revenue"], [])
        self.assertEqual(group["expected_revenue"], 10000.0)

    def test_another_teams_deal_cannot_be_read_or_changed(self):
        theirs = self.chloe_south.sudo(self.alice)
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            theirs.read(["name"])
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            theirs.write({"expected_revenue": 1})
        with mute_logger("odoo.models"), self.assertRaises(AccessError):
            theirs.unlink()
        self.assertEqual(self.chloe_south.expected_revenue, 5000.0)
        # a deal of the team moves on
        mine = self.bruno_north.sudo(self.alice)
        mine.write({"stage_id": self.env.ref("crm_sales.crm_opportunity_stage_proposal").id})
        mine.action_set_won()
        self.assertEqual(self.bruno_north.state, "won")

    def test_handing_a_deal_to_another_team_hides_it(self):
        deal = self.alice_own.sudo(self.alice)
        deal.write({"user_id": self.chloe.id, "team_id": self.south.id})
        self.assertNotIn(self.alice_own, self.visible(self.alice))
        self.assertIn(self.alice_own, self.visible(self.chloe))

    def test_manager_sees_everything_of_their_company(self):
        self.assertEqual(self.visible(self.manager), self.all)
        self.bruno_north.sudo(self.manager).write({"user_id": self.chloe.id})
        # another company's deals stay out, even for a manager
        other = self.env["res.company"].create({"name": "Filiale Océan"})
        deal = self.env["crm.opportunity"].create({"name": "Filiale : infogérance",
                                                   "company_id": other.id, "user_id": False})
        self.assertFalse(
            self.env["crm.opportunity"].sudo(self.manager).search([("id", "=", deal.id)]))
        self.assertFalse(
            self.env["crm.opportunity"].sudo(self.alice).search([("id", "=", deal.id)]))

    def test_only_managers_configure_the_pipeline(self):
        stage = self.env.ref("crm_sales.crm_opportunity_stage_qualified")
        configuration = (
            (stage, {"probability": 99}, {"name": "Mon étape", "probability": 50}),
            (self.north, {"name": "Nord-Est"}, {"name": "Mon équipe"}),
            (self.env.ref("crm_sales.crm_opportunity_lost_reason_price"), {"name": "Cher"},
             {"name": "Raison"}),
            (self.env.ref("crm_sales.crm_payment_term_30"), {"days": 90},
             {"name": "90 jours", "days": 90}),
        )
        for record, change, new in configuration:
            as_alice = record.sudo(self.alice)
            self.assertTrue(as_alice.read(["name"]), record._name)   # read: yes
            with mute_logger("odoo.models", "odoo.addons.base.ir.ir_model"):
                with self.assertRaises(AccessError, msg=record._name):
                    as_alice.write(change)
                with self.assertRaises(AccessError, msg=record._name):
                    self.env[record._name].sudo(self.alice).create(new)
                with self.assertRaises(AccessError, msg=record._name):
                    as_alice.unlink()
            # a manager can
            record.sudo(self.manager).write(change)
            self.env[record._name].sudo(self.manager).create(new)
        self.assertEqual(stage.probability, 99.0)
        # tags: salespeople add them, managers tidy them
        tag = self.env["crm.opportunity.tag"].sudo(self.alice).create({"name": "Salon 2026"})
        with (mute_logger("odoo.models", "odoo.addons.base.ir.ir_model"),
              self.assertRaises(AccessError)):
            tag.unlink()
        tag.sudo(self.manager).unlink()

    def test_new_internal_users_are_salespeople(self):
        user = self.env["res.users"].create(
            {"name": "Nouvelle Recrue", "login": "recrue.access@example.com"})
        self.assertTrue(user.has_group("crm_sales.group_sales_user"))
        self.assertFalse(user.has_group("crm_sales.group_sales_manager"))
        self.assertTrue(self.manager.has_group("crm_sales.group_sales_user"))
