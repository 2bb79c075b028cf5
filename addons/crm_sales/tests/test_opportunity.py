# -*- coding: utf-8 -*-
"""The opportunity as a salesperson works it: the stage sets the probability
(unless typed by hand), the weighted amount and the expected payment follow,
won and lost (also through the wizard), each team's pipeline and defaults,
the contact's 360° record and the RGPD export and erasure."""
from psycopg2 import IntegrityError

from odoo.tests.common import SavepointCase
from odoo.tools import mute_logger


class OpportunityCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(OpportunityCase, cls).setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True,
                                       no_reset_password=True, mail_create_nolog=True))
        ref = cls.env.ref
        cls.Opportunity = cls.env["crm.opportunity"]
        cls.stage_new = ref("crm_sales.crm_opportunity_stage_new")
        cls.stage_qualified = ref("crm_sales.crm_opportunity_stage_qualified")
        cls.stage_proposal = ref("crm_sales.crm_opportunity_stage_proposal")
        cls.stage_negotiation = ref("crm_sales.crm_opportunity_stage_negotiation")
        cls.stage_won = ref("crm_sales.crm_opportunity_stage_won")
        cls.stage_lost = ref("crm_sales.crm_opportunity_stage_lost")
        Users = cls.env["res.users"]
        salesperson = ref("crm_sales.group_sales_user")
        cls.leader_north = Users.create({
            "name": "Nadine Nord", "login": "nadine.nord@example.com",
            "groups_id": [(6, 0, [salesperson.id])]})
        cls.member_north = Users.create({
            "name": "Noé Nord", "login": "noe.nord@example.com",
            "groups_id": [(6, 0, [salesperson.id])]})
        cls.leader_south = Users.create({
            "name": "Simone Sud", "login": "simone.sud@example.com",
            "groups_id": [(6, 0, [salesperson.id])]})
        Team = cls.env["crm.sales.team"]
        cls.team_north = Team.create({
            "name": "Équipe Nord", "leader_id": cls.leader_north.id,
            "member_ids": [(6, 0, [cls.leader_north.id, cls.member_north.id])]})
        cls.team_south = Team.create({
            "name": "Équipe Sud", "leader_id": cls.leader_south.id,
            "member_ids": [(6, 0, [cls.leader_south.id])]})
        Stage = cls.env["crm.opportunity.stage"]
        # the south pipeline starts with a stage of its own, before the shared ones
        cls.stage_south_first = Stage.create({
            "name": "Premier appel", "sequence": 5, "probability": 5, "team_id": cls.team_south.id})
        cls.stage_north_demo = Stage.create({
            "name": "Démonstration", "sequence": 25, "probability": 45,
            "team_id": cls.team_north.id})
        Partner = cls.env["res.partner"]
        cls.company = Partner.create(
            {"name": "Menuiserie Lavigne", "is_company": True, "city": "Tours"})
        cls.contact = Partner.create({"name": "Hélène Lavigne", "parent_id": cls.company.id,
                                      "email": "helene.lavigne@menuiserie-lavigne.example"})

    def new(self, **values):
        values.setdefault("name", "Maintenance du parc informatique")
        values.setdefault("partner_id", self.company.id)
        values.setdefault("contact_id", self.contact.id)
        values.setdefault("team_id", self.team_north.id)
        return self.Opportunity.create(values)


class TestProbabilityAndAmounts(OpportunityCase):

    def test_probability_follows_the_stage(self):
        opp = self.new(expected_revenue=12000)
        self.assertEqual(opp.stage_id, self.stage_new)
        self.assertEqual(
            (opp.state, opp.probability, opp.probability_manual), ("open", 10.0, False))
        for stage, expected in ((self.stage_qualified, 30.0), (self.stage_north_demo, 45.0),
                                (self.stage_proposal, 60.0), (self.stage_negotiation, 80.0),
                                (self.stage_qualified, 30.0)):
            opp.write({"stage_id": stage.id})
            self.assertEqual(opp.probability, expected, stage.name)
            self.assertEqual(opp.state, "open")
        # a stage given at creation gives its probability too
        self.assertEqual(self.new(stage_id=self.stage_proposal.id).probability, 60.0)

    def test_probability_typed_by_hand_is_kept(self):
        opp = self.new(expected_revenue=10000)
        opp.write({"probability": 25})
        self.assertTrue(opp.probability_manual)
        for stage in (self.stage_qualified, self.stage_proposal, self.stage_negotiation):
            opp.write({"stage_id": stage.id})
            self.assertEqual(opp.probability, 25.0, stage.name)
        # typed at creation: kept as well
        typed = self.new(stage_id=self.stage_qualified.id, probability=55)
        self.assertEqual((typed.probability, typed.probability_manual), (55.0, True))
        typed.write({"stage_id": self.stage_proposal.id})
        self.assertEqual(typed.probability, 55.0)
        # the stage's own value typed again: follows the stage again
        same = self.new(stage_id=self.stage_qualified.id, probability=30)
        self.assertFalse(same.probability_manual)
        same.write({"stage_id": self.stage_proposal.id})
        self.assertEqual(same.probability, 60.0)

    def test_won_lost_and_reopened_deals(self):
        opp = self.new(expected_revenue=8000, stage_id=self.stage_proposal.id)
        opp.write({"probability": 70})
        opp.action_set_won()
        self.assertEqual((opp.stage_id, opp.state, opp.probability), (self.stage_won, "won", 100.0))
        self.assertTrue(opp.date_closed)
        # reopened: the first stage of its pipeline, with that stage's probability
        opp.action_reopen()
        self.assertEqual((opp.stage_id, opp.state), (self.stage_new, "open"))
        self.assertEqual((opp.probability, opp.probability_manual), (10.0, False))
        self.assertFalse(opp.date_closed)
        opp.write({"stage_id": self.stage_proposal.id})
        self.assertEqual(opp.probability, 60.0)

        opp.action_set_lost(self.env.ref("crm_sales.crm_opportunity_lost_reason_price").id,
                            "Devis 30 % trop cher")
        self.assertEqual((opp.stage_id, opp.state, opp.probability), (self.stage_lost, "lost", 0.0))
        self.assertEqual(opp.lost_reason_id,
                         self.env.ref("crm_sales.crm_opportunity_lost_reason_price"))
        self.assertEqual(opp.lost_note, "Devis 30 % trop cher")
        self.assertTrue(opp.date_closed)
        # a lost deal moved back to an open stage by hand: open again, no reason
        opp.write({"stage_id": self.stage_negotiation.id})
        self.assertEqual((opp.state, opp.probability), ("open", 80.0))
        self.assertFalse(opp.lost_reason_id)
        self.assertFalse(opp.date_closed)

    def test_won_and_lost_stages_of_a_team_pipeline(self):
        """A team with its own won stage closes its deals there, the others in
        the shared won stage."""
        own_won = self.env["crm.opportunity.stage"].create({
            "name": "Signé (Sud)", "sequence": 80, "probability": 100, "is_won": True,
            "team_id": self.team_south.id})
        south = self.new(team_id=self.team_south.id)
        north = self.new()
        (south | north).action_set_won()
        self.assertEqual(south.stage_id, own_won)
        self.assertEqual(north.stage_id, self.stage_won)
        self.assertEqual(set((south | north).mapped("state")), {"won"})

    def test_lost_through_the_wizard(self):
        first = self.new(expected_revenue=5000)
        second = self.new(name="Formation Excel 3 jours", expected_revenue=2400)
        other = self.new(name="Site vitrine")
        action = (first | second).action_open_lost_wizard()
        self.assertEqual((action["res_model"], action["target"]), ("crm.opportunity.lost", "new"))
        wizard = self.env["crm.opportunity.lost"].with_context(**action["context"]).create({
            "lost_reason_id": self.env.ref("crm_sales.crm_opportunity_lost_reason_competitor").id,
            "lost_note": "Ont choisi un prestataire local"})
        wizard.action_confirm()
        for opp in first | second:
            self.assertEqual((opp.state, opp.stage_id, opp.probability),
                             ("lost", self.stage_lost, 0.0))
            self.assertEqual(opp.lost_reason_id,
                             self.env.ref("crm_sales.crm_opportunity_lost_reason_competitor"))
            self.assertEqual(opp.lost_note, "Ont choisi un prestataire local")
            self.assertEqual(opp.weighted_revenue, 0.0)
        self.assertEqual(other.state, "open")
        # the reason is required
        self.assertTrue(self.env["crm.opportunity.lost"]._fields["lost_reason_id"].required)

    def test_weighted_amount(self):
        opp = self.new(expected_revenue=12000, stage_id=self.stage_proposal.id)
        self.assertEqual(opp.weighted_revenue, 7200.0)
        opp.write({"expected_revenue": 15000})
        self.assertEqual(opp.weighted_revenue, 9000.0)
        opp.write({"probability": 25})
        self.assertEqual(opp.weighted_revenue, 3750.0)
        opp.action_set_won()
        self.assertEqual(opp.weighted_revenue, 15000.0)
        # the total of a pipeline is the sum of the weighted amounts
        self.new(expected_revenue=4000, stage_id=self.stage_qualified.id)   # 1 200
        self.new(expected_revenue=2000, stage_id=self.stage_negotiation.id)  # 1 600
        [group] = self.Opportunity.read_group(
            [("team_id", "=", self.team_north.id), ("state", "=", "open")],
            ["weighted_revenue", "expected_revenue"], [])
        self.assertEqual((group["expected_revenue"], group["weighted_revenue"]), (6000.0, 2800.0))

    def test_expected_payment_date_with_each_payment_term(self):
        ref = self.env.ref
        opp = self.new(expected_revenue=9000, expected_close_date="2026-01-20")
        for term, expected in (("crm_sales.crm_payment_term_immediate", "2026-01-20"),
                               ("crm_sales.crm_payment_term_30", "2026-02-19"),
                               ("crm_sales.crm_payment_term_45_eom", "2026-03-31"),
                               ("crm_sales.crm_payment_term_60", "2026-03-21")):
            opp.write({"payment_term_id": ref(term).id})
            self.assertEqual(opp.expected_payment_date, expected, term)
        # the close date moves: the payment too (end of month: of the month reached)
        opp.write({"expected_close_date": "2026-02-14",
                   "payment_term_id": ref("crm_sales.crm_payment_term_45_eom").id})
        self.assertEqual(opp.expected_payment_date, "2026-03-31")
        opp.write({"expected_close_date": "2026-02-16"})
        self.assertEqual(opp.expected_payment_date, "2026-04-30")
        # a payment term changed by a manager moves the payments of its deals
        term = self.env["crm.payment.term"].create({"name": "30 jours fin de mois", "days": 30})
        opp.write({"payment_term_id": term.id, "expected_close_date": "2026-01-20"})
        self.assertEqual(opp.expected_payment_date, "2026-02-19")
        term.write({"end_of_month": True})
        self.assertEqual(opp.expected_payment_date, "2026-02-28")
        term.write({"days": 45})
        self.assertEqual(opp.expected_payment_date, "2026-03-31")
        # no terms: paid on closing; no close date: no payment date
        opp.write({"payment_term_id": False})
        self.assertEqual(opp.expected_payment_date, "2026-01-20")
        opp.write({"expected_close_date": False})
        self.assertFalse(opp.expected_payment_date)
        # the default terms of a new deal are 30 days
        self.assertEqual(self.new().payment_term_id, ref("crm_sales.crm_payment_term_30"))

    def test_the_database_refuses_bad_amounts(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.new(expected_revenue=-100)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.env.cr.savepoint():
            self.new(probability=120)


class TestPipelines(OpportunityCase):

    def stage_columns(self, team=None):
        """The columns of the Kanban pipeline, as the web client reads them."""
        context = {"default_team_id": team.id} if team else {}
        groups = self.Opportunity.with_context(**context).read_group(
            [("id", "=", 0)], ["stage_id"], ["stage_id"])
        return [group["stage_id"][0] for group in groups]

    def test_each_team_sees_its_own_stages_and_the_shared_ones(self):
        shared = self.env["crm.opportunity.stage"].search([("team_id", "=", False)])
        self.assertIn(self.stage_new, shared)
        north = self.stage_columns(self.team_north)
        south = self.stage_columns(self.team_south)
        self.assertIn(self.stage_north_demo.id, north)
        self.assertNotIn(self.stage_south_first.id, north)
        self.assertIn(self.stage_south_first.id, south)
        self.assertNotIn(self.stage_north_demo.id, south)
        for stage in shared:
            self.assertIn(stage.id, north)
            self.assertIn(stage.id, south)
        # every column, even empty, in the order of the stages
        self.assertEqual(north,
                         (shared | self.stage_north_demo).sorted(lambda s: (s.sequence, s.id)).ids)
        # without a team: the shared stages only
        no_team = self.stage_columns()
        self.assertEqual(set(no_team), set(shared.ids))

    def test_default_team_and_stage(self):
        # a member of the north team: their team, its first stage, themselves as owner
        opp = self.Opportunity.sudo(self.member_north).create({"name": "Refonte du site web"})
        self.assertEqual((opp.team_id, opp.stage_id, opp.user_id),
                         (self.team_north, self.stage_new, self.member_north))
        self.assertEqual((opp.probability, opp.state), (10.0, "open"))
        # the leader of the south team: their team, and its own first stage
        opp = self.Opportunity.sudo(self.leader_south).create({"name": "Audit de sécurité"})
        self.assertEqual((opp.team_id, opp.stage_id), (self.team_south, self.stage_south_first))
        self.assertEqual(opp.probability, 5.0)
        # a team given without a stage: the team's first stage
        opp = self.Opportunity.create({"name": "Infogérance", "team_id": self.team_north.id})
        self.assertEqual(opp.stage_id, self.stage_new)
        self.assertEqual(self.env["crm.sales.team"]._crm_default_team(self.leader_north),
                         self.team_north)
        self.assertEqual(self.env["crm.sales.team"]._crm_default_team(self.member_north),
                         self.team_north)

    def test_created_from_a_team_pipeline(self):
        """Created with the context of a team's pipeline (its Create button, or
        an integration passing default_team_id): that team and its first stage."""
        opp = self.Opportunity.with_context(default_team_id=self.team_south.id).create(
            {"name": "Formation"})
        self.assertEqual((opp.team_id, opp.stage_id), (self.team_south, self.stage_south_first))
        self.assertEqual(opp.probability, 5.0)
        # what the form shows before saving agrees
        defaults = self.Opportunity.with_context(default_team_id=self.team_south.id).default_get(
            ["team_id", "stage_id"])
        self.assertEqual((defaults["team_id"], defaults["stage_id"]),
                         (self.team_south.id, self.stage_south_first.id))

    def test_team_pipeline_action_opens_on_the_team(self):
        action = self.team_south.action_open_pipeline()
        self.assertEqual(action["res_model"], "crm.opportunity")
        self.assertEqual(action["context"]["default_team_id"], self.team_south.id)
        self.assertIn("Équipe Sud", action["name"])


class TestContactRecordAndRgpd(OpportunityCase):

    @classmethod
    def setUpClass(cls):
        super(TestContactRecordAndRgpd, cls).setUpClass()
        Partner = cls.env["res.partner"]
        cls.colleague = Partner.create({"name": "Marc Lavigne", "parent_id": cls.company.id})
        cls.other_company = Partner.create({"name": "Garage Paoli", "is_company": True})
        cls.with_contact = cls.Opportunity.create({
            "name": "Maintenance annuelle du parc informatique", "partner_id": cls.company.id,
            "contact_id": cls.contact.id, "team_id": cls.team_north.id, "expected_revenue": 9600})
        cls.with_colleague = cls.Opportunity.create({
            "name": "Formation Excel 3 jours", "partner_id": cls.company.id,
            "contact_id": cls.colleague.id, "team_id": cls.team_north.id, "expected_revenue": 2850})
        # the person as the customer (a private purchase)
        cls.as_customer = cls.Opportunity.create({
            "name": "Ordinateur portable personnel", "partner_id": cls.contact.id,
            "contact_id": cls.contact.id, "team_id": cls.team_north.id, "expected_revenue": 1500})
        cls.elsewhere = cls.Opportunity.create({
            "name": "Téléphonie IP", "partner_id": cls.other_company.id,
            "team_id": cls.team_north.id})
        cls.rgpd_manager = cls.env["res.users"].create({
            "name": "Martine RGPD", "login": "martine.rgpd.sales@example.com",
            "groups_id": [(6, 0, [cls.env.ref("crm_base.group_crm_manager").id])]})

    def test_contact_record_counts_and_lists_opportunities(self):
        self.assertEqual(self.company.crm_opportunity_count, 3)   # its people's included
        self.assertEqual(self.contact.crm_opportunity_count, 2)
        self.assertEqual(self.colleague.crm_opportunity_count, 1)
        self.assertEqual(self.other_company.crm_opportunity_count, 1)
        # the smart button opens them
        contact = self.contact.with_context(crm_timeline_source="opportunities")
        action = contact.action_crm_timeline_open()
        self.assertEqual(action["res_model"], "crm.opportunity")
        self.assertEqual(set(self.Opportunity.search(action["domain"]).ids),
                         {self.with_contact.id, self.as_customer.id})
        # the button is on the contact form
        arch = self.env["res.partner"].fields_view_get(
            view_id=self.env.ref("base.view_partner_form").id, view_type="form")["arch"]
        self.assertIn("crm_opportunity_count", arch)
        # the Activity tab: each deal with its stage and budget
        items = [item for item in self.contact.crm_timeline_get(limit=50)["items"]
                 if item["model"] == "crm.opportunity"]
        self.assertEqual({item["res_id"] for item in items},
                         {self.with_contact.id, self.as_customer.id})
        item = [item for item in items if item["res_id"] == self.with_contact.id][0]
        self.assertEqual(item["title"], "Maintenance annuelle du parc informatique")
        self.assertIn("New", item["summary"])
        self.assertIn("9,600.00", item["summary"])
        # lost deals stay on the record
        self.with_contact.action_set_lost(
            self.env.ref("crm_sales.crm_opportunity_lost_reason_budget").id)
        self.contact.invalidate_cache()
        self.assertEqual(self.contact.crm_opportunity_count, 2)

    def test_export_of_a_person_includes_their_opportunities(self):
        parts = self.contact.sudo(self.rgpd_manager)._crm_rgpd_export_parts()
        self.assertIn("crm_opportunity", parts)
        rows = parts["crm_opportunity"]
        self.assertEqual({row["name"] for row in rows},
                         {"Maintenance annuelle du parc informatique",
                          "Ordinateur portable personnel"})
        row = [row for row in rows if row["id"] == self.with_contact.id][0]
        self.assertEqual(row["partner_id"], "Menuiserie Lavigne")
        self.assertEqual(row["contact_id"], "Menuiserie Lavigne, Hélène Lavigne")
        self.assertEqual(row["stage_id"], "New")
        self.assertEqual(row["expected_revenue"], 9600.0)
        # the colleague's export has their deal only
        parts = self.colleague.sudo(self.rgpd_manager)._crm_rgpd_export_parts()
        self.assertEqual([row["id"] for row in parts["crm_opportunity"]], [self.with_colleague.id])

    def test_erasure_unlinks_the_person_and_deletes_their_own_deals(self):
        wizard = self.env["crm.rgpd.erase"].sudo(self.rgpd_manager).with_context(
            active_model="res.partner", active_ids=self.contact.ids).create({})
        wizard.confirmation = wizard.expected_confirmation
        wizard.action_erase()
        # the company's deal stays, without the person
        self.assertTrue(self.with_contact.exists())
        self.assertFalse(self.with_contact.contact_id)
        self.assertEqual(self.with_contact.partner_id, self.company)
        self.assertEqual(self.with_contact.expected_revenue, 9600.0)
        # the deal where the person was the customer is gone
        self.assertFalse(self.as_customer.exists())
        # the others are untouched
        self.assertEqual(self.with_colleague.contact_id, self.colleague)
        self.assertTrue(self.elsewhere.exists())
        self.assertFalse(self.Opportunity.with_context(active_test=False).search(
            ["|", ("partner_id", "=", self.contact.id), ("contact_id", "=", self.contact.id)]))
        self.assertTrue(self.env["crm.rgpd.log"].search(
            [("partner_ref", "=", self.contact.id), ("operation", "=", "erase")]))
