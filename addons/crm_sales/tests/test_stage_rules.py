# -*- coding: utf-8 -*-
"""Stage rules: what a sales manager sets up without code happens when an
opportunity enters the stage (moved there or created there), once per entry:
activities with their due dates for the owner, an owner (fixed or in turn),
an email, a quote from a template; a rule that cannot be applied refuses the
change of stage with a clear message and leaves nothing behind."""
import datetime

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import CrmSalesCase


class TestStageRules(CrmSalesCase):

    @classmethod
    def setUpClass(cls):
        super(TestStageRules, cls).setUpClass()
        cls.alice = cls._sales_user("Alice Martin", "alice.rules@example.com", tz="Europe/Paris")
        cls.bruno = cls._sales_user("Bruno Petit", "bruno.rules@example.com", tz="Europe/Paris")
        cls.chloe = cls._sales_user("Chloé Roux", "chloe.rules@example.com", tz="Europe/Paris")
        cls.manager = cls._sales_user(
            "Marc Directeur", "marc.rules@example.com", manager=True, tz="Europe/Paris")
        cls.team = cls.env["crm.sales.team"].create({
            "name": "Équipe Ouest", "leader_id": cls.manager.id,
            # members listed out of alphabetical order on purpose
            "member_ids": [(6, 0, [cls.chloe.id, cls.alice.id, cls.bruno.id])]})
        cls.customer = cls.env["res.partner"].create(
            {"name": "Menuiserie Lebrun", "is_company": True})
        cls.contact = cls.env["res.partner"].create({
            "name": "Paul Lebrun", "parent_id": cls.customer.id, "email": "paul@lebrun.example"})
        cls.new = cls.env.ref("crm_sales.crm_opportunity_stage_new")
        cls.qualified = cls.env.ref("crm_sales.crm_opportunity_stage_qualified")
        cls.proposal = cls.env.ref("crm_sales.crm_opportunity_stage_proposal")
        cls.call = cls.env.ref("mail.mail_activity_data_call")
        cls.email = cls.env.ref("mail.mail_activity_data_email")
        cls.Rule = cls.env["crm.stage.rule"].sudo(cls.manager)

    def opportunity(self, user=None, stage=None, **vals):
        vals = dict({"name": "Agencement boutique", "partner_id": self.customer.id,
                     "contact_id": self.contact.id, "user_id": (user or self.alice).id,
                     "team_id": self.team.id, "expected_revenue": 12000.0,
                     "stage_id": (stage or self.new).id}, **vals)
        return self.env["crm.opportunity"].sudo(user or self.alice).create(vals)

    def activities_rule(self, stage=None, **vals):
        return self.Rule.create(dict({
            "name": "Qualifiée : appeler puis écrire", "stage_id": (stage or self.qualified).id,
            "action_type": "activities",
            "activity_line_ids": [
                (0, 0, {"activity_type_id": self.call.id, "summary": "Appeler le client",
                        "delay_days": 0, "note": "Demander le budget\net le délai"}),
                (0, 0, {"activity_type_id": self.email.id, "summary": "Envoyer la documentation",
                        "delay_days": 3}),
            ]}, **vals))

    @staticmethod
    def planned(opportunity):
        return opportunity.env["mail.activity"].sudo().search(
            [("res_model", "=", "crm.opportunity"), ("res_id", "=", opportunity.id)],
            order="date_deadline, id")

    def today(self, user):
        return fields.Date.from_string(
            fields.Date.context_today(self.env.user.with_context(tz=user.tz)))

    # ------------------------------------------------------------ the trigger
    def test_each_rule_owns_an_automated_action(self):
        rule = self.activities_rule()
        automation = rule.sudo().automation_id
        self.assertTrue(automation.active)
        self.assertEqual(automation.model_id.model, "crm.opportunity")
        self.assertEqual(automation.trigger, "on_create_or_write")
        self.assertEqual(automation.filter_pre_domain,
                         "[('stage_id', '!=', %d)]" % self.qualified.id)
        self.assertEqual(automation.filter_domain, "[('stage_id', '=', %d)]" % self.qualified.id)
        self.assertEqual(automation.state, "code")
        self.assertEqual(automation.code, "records._crm_apply_stage_rule(%d)" % rule.id)
        # it follows the rule: stage, archive, delete
        rule.write({"stage_id": self.proposal.id})
        self.assertEqual(automation.filter_domain, "[('stage_id', '=', %d)]" % self.proposal.id)
        rule.write({"active": False})
        self.assertFalse(automation.active)
        rule.write({"active": True})
        self.assertTrue(automation.active)
        server_action = automation.action_server_id
        rule.unlink()
        self.assertFalse(automation.exists())
        self.assertFalse(server_action.exists())

    def test_deleting_a_stage_deletes_its_rules(self):
        stage = self.env["crm.opportunity.stage"].create(
            {"name": "Relance salon", "probability": 20})
        rule = self.activities_rule(stage=stage)
        automation = rule.sudo().automation_id
        stage.unlink()
        self.assertFalse(rule.exists())
        self.assertFalse(automation.exists())

    def test_only_managers_set_up_rules(self):
        with self.assertRaises(AccessError), mute_logger("odoo.models"):
            self.env["crm.stage.rule"].sudo(self.alice).create({
                "name": "Règle de vendeur", "stage_id": self.qualified.id, "action_type": "assign",
                "assign_user_id": self.alice.id})
        self.assertEqual(self.env["crm.stage.rule"].sudo(self.alice).check_access_rights(
            "read", raise_exception=False), False)

    def test_a_rule_needs_what_its_action_uses(self):
        for vals, message in [
            ({"action_type": "activities"}, "add at least one activity"),
            ({"action_type": "assign", "assign_mode": "round_robin"}, "choose the team"),
            ({"action_type": "assign", "assign_mode": "user"}, "choose the user"),
            ({"action_type": "mail_template"}, "choose the email template"),
            ({"action_type": "quote_template"}, "choose the quote template"),
        ]:
            with self.assertRaises(ValidationError) as caught:
                self.Rule.create(
                    dict({"name": "Incomplète", "stage_id": self.qualified.id}, **vals))
            self.assertIn(message, caught.exception.name)

    # ------------------------------------------------------------ activities
    def test_activities_planned_for_the_owner_when_the_deal_enters_the_stage(self):
        self.activities_rule()
        opp = self.opportunity()
        self.assertFalse(self.planned(opp))
        # the salesperson drags the card to "Qualified"
        opp.sudo(self.alice).write({"stage_id": self.qualified.id})
        call, email = self.planned(opp)
        today = self.today(self.alice)
        self.assertEqual((call.activity_type_id, call.summary, call.user_id),
                         (self.call, "Appeler le client", self.alice))
        self.assertEqual(call.date_deadline, fields.Date.to_string(today))
        self.assertIn("Demander le budget<br>et le délai", call.note)
        self.assertEqual((email.activity_type_id, email.summary, email.user_id),
                         (self.email, "Envoyer la documentation", self.alice))
        self.assertEqual(email.date_deadline,
                         fields.Date.to_string(today + datetime.timedelta(days=3)))

    def test_once_per_entry_in_the_stage(self):
        self.activities_rule()
        opp = self.opportunity()
        opp.sudo(self.alice).write({"stage_id": self.qualified.id})
        self.assertEqual(len(self.planned(opp)), 2)
        # other changes while it stays in the stage do not fire the rule again
        opp.sudo(self.alice).write({"expected_revenue": 15000.0, "probability": 40.0})
        opp.sudo(self.alice).write({"stage_id": self.qualified.id})
        self.assertEqual(len(self.planned(opp)), 2)
        # leaving and coming back is a new entry
        opp.sudo(self.alice).write({"stage_id": self.proposal.id})
        opp.sudo(self.alice).write({"stage_id": self.qualified.id})
        self.assertEqual(len(self.planned(opp)), 4)

    def test_opportunity_created_in_the_stage(self):
        self.activities_rule()
        opp = self.opportunity(stage=self.qualified)
        self.assertEqual(self.planned(opp).mapped("summary"),
                         ["Appeler le client", "Envoyer la documentation"])
        other = self.opportunity(stage=self.new)
        self.assertFalse(self.planned(other))

    def test_archived_rule_does_nothing(self):
        rule = self.activities_rule()
        rule.write({"active": False})
        opp = self.opportunity()
        opp.sudo(self.alice).write({"stage_id": self.qualified.id})
        self.assertFalse(self.planned(opp))

    def test_no_owner_the_user_who_moved_it_gets_the_activities(self):
        self.activities_rule()
        opp = self.opportunity(user_id=False)
        opp.sudo(self.bruno).write({"stage_id": self.qualified.id})
        self.assertEqual(self.planned(opp).mapped("user_id"), self.bruno)

    # ------------------------------------------------------------ owner
    def test_assign_to_a_given_user(self):
        self.Rule.create({"name": "Proposition : à Bruno", "stage_id": self.proposal.id,
                          "action_type": "assign", "assign_mode": "user",
                          "assign_user_id": self.bruno.id})
        opp = self.opportunity()
        opp.sudo(self.alice).write({"stage_id": self.proposal.id})
        self.assertEqual(opp.user_id, self.bruno)

    def test_round_robin_in_alphabetical_order(self):
        rule = self.Rule.create({"name": "Nouvelle : à tour de rôle", "stage_id": self.qualified.id,
                                 "action_type": "assign", "assign_mode": "round_robin",
                                 "assign_team_id": self.team.id})
        owners = [self.opportunity(user=self.manager, stage=self.qualified,
                                   name="Demande %d" % i).user_id
                  for i in range(4)]
        self.assertEqual(owners, [self.alice, self.bruno, self.chloe, self.alice])
        self.assertEqual(rule.last_assigned_user_id, self.alice)
        # an archived member is skipped
        self.bruno.active = False
        owners = [self.opportunity(user=self.manager, stage=self.qualified,
                                   name="Suite %d" % i).user_id
                  for i in range(2)]
        self.assertEqual(owners, [self.chloe, self.alice])

    def test_rules_of_a_stage_run_in_sequence(self):
        self.Rule.create({"name": "D'abord : à Chloé", "sequence": 1, "stage_id": self.qualified.id,
                          "action_type": "assign", "assign_user_id": self.chloe.id})
        self.activities_rule(sequence=2)
        opp = self.opportunity()
        opp.sudo(self.alice).write({"stage_id": self.qualified.id})
        self.assertEqual(opp.user_id, self.chloe)
        self.assertEqual(self.planned(opp).mapped("user_id"), self.chloe)

    # ------------------------------------------------------------ email
    def test_email_template_sent_to_the_contact(self):
        template = self.env["mail.template"].create({
            "name": "Merci pour votre intérêt",
            "model_id": self.env["ir.model"]._get("crm.opportunity").id,
            "subject": "Votre projet ${object.name}",
            "partner_to": "${object.contact_id.id}",
            "body_html": "<p>Bonjour ${object.contact_id.name}, merci pour votre intérêt.</p>",
        })
        self.Rule.create({"name": "Qualifiée : remercier", "stage_id": self.qualified.id,
                          "action_type": "mail_template", "mail_template_id": template.id})
        opp = self.opportunity()
        opp.sudo(self.alice).write({"stage_id": self.qualified.id})
        mail = self.env["mail.mail"].search(
            [("model", "=", "crm.opportunity"), ("res_id", "=", opp.id)])
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.subject, "Votre projet Agencement boutique")
        self.assertEqual(mail.recipient_ids, self.contact)
        self.assertIn("Bonjour Paul Lebrun", mail.body_html)
        self.assertEqual(mail.state, "outgoing")
        # and it shows in the opportunity's chatter
        self.assertIn(mail.mail_message_id, opp.message_ids)

    def test_email_without_recipient_is_refused(self):
        template = self.env["mail.template"].create({
            "name": "Sans destinataire",
            "model_id": self.env["ir.model"]._get("crm.opportunity").id,
            "subject": "Relance", "partner_to": "${object.contact_id.id or ''}",
            "body_html": "<p>Bonjour</p>"})
        self.Rule.create({"name": "Qualifiée : écrire", "stage_id": self.qualified.id,
                          "action_type": "mail_template", "mail_template_id": template.id})
        opp = self.opportunity(contact_id=False)
        with self.assertRaises(UserError) as caught, self.env.cr.savepoint():
            opp.sudo(self.alice).write({"stage_id": self.qualified.id})
        self.assertIn("has no recipient with an email address", caught.exception.name)
        self.assertFalse(self.env["mail.mail"].search(
            [("model", "=", "crm.opportunity"), ("res_id", "=", opp.id)]))

    # ------------------------------------------------------------ quote
    def test_quote_made_from_a_template(self):
        template = self.env["crm.quote.template"].create({
            "name": "Agencement standard",
            "line_ids": [(0, 0, {"name": "Étude et plans", "quantity": 1, "price_unit": 800.0}),
                         (0, 0, {"name": "Pose (jour)", "quantity": 4, "price_unit": 450.0})],
        })
        self.Rule.create({"name": "Proposition : devis type", "stage_id": self.proposal.id,
                          "action_type": "quote_template", "quote_template_id": template.id})
        opp = self.opportunity()
        opp.sudo(self.alice).write({"stage_id": self.proposal.id})
        quote = self.env["crm.quote"].search([("opportunity_id", "=", opp.id)])
        self.assertEqual(len(quote), 1)
        self.assertEqual(quote.state, "draft")
        self.assertEqual((quote.partner_id, quote.contact_id, quote.user_id),
                         (self.customer, self.contact, self.alice))
        self.assertEqual(quote.line_ids.mapped("name"), ["Étude et plans", "Pose (jour)"])
        self.assertEqual(quote.amount_untaxed, 2600.0)
        # moving on within the pipeline does not make a second quote
        opp.sudo(self.alice).write({"probability": 70.0})
        self.assertEqual(self.env["crm.quote"].search_count([("opportunity_id", "=", opp.id)]), 1)

    # ------------------------------------------------------------ errors
    def test_failing_rule_refuses_the_move_and_keeps_nothing(self):
        empty_team = self.env["crm.sales.team"].create({"name": "Équipe vide"})
        self.activities_rule(sequence=1)
        self.Rule.create({"name": "Qualifiée : répartir", "sequence": 2,
                          "stage_id": self.qualified.id, "action_type": "assign",
                          "assign_mode": "round_robin", "assign_team_id": empty_team.id})
        opp = self.opportunity()
        # what the web client does: one transaction, rolled back on error
        with self.assertRaises(UserError) as caught, self.env.cr.savepoint():
            opp.sudo(self.alice).write({"stage_id": self.qualified.id})
        self.assertEqual(
            caught.exception.name,
            "The stage rule \"Qualifiée : répartir\" could not be applied to "
            "\"Agencement boutique\": the team Équipe vide has no active member")
        opp.invalidate_cache()
        self.assertEqual(opp.stage_id, self.new)
        self.assertFalse(self.planned(opp))
        self.assertEqual(opp.user_id, self.alice)

    def test_quote_rule_on_a_deal_without_customer(self):
        template = self.env["crm.quote.template"].create({"name": "Vide"})
        self.Rule.create({"name": "Proposition : devis", "stage_id": self.proposal.id,
                          "action_type": "quote_template", "quote_template_id": template.id})
        opp = self.opportunity(partner_id=False, contact_id=False)
        with self.assertRaises(UserError) as caught, self.env.cr.savepoint():
            opp.sudo(self.alice).write({"stage_id": self.proposal.id})
        self.assertIn("The stage rule \"Proposition : devis\" could not be applied",
                      caught.exception.name)
        self.assertIn("has no customer", caught.exception.name)
        self.assertFalse(self.env["crm.quote"].search([("opportunity_id", "=", opp.id)]))
