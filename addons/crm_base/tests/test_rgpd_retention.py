# -*- coding: utf-8 -*-
"""Retention of prospects: the daily check flags the prospects with nothing
done for the retention period, not the clients nor the recent ones; the
setting; the list and its "Erase selected"."""
import datetime

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests.common import SavepointCase


class TestRgpdRetention(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestRgpdRetention, cls).setUpClass()
        Partner = cls.env["res.partner"].with_context(mail_create_nolog=True)
        prospect = cls.env.ref("crm_base.relationship_type_prospect")
        client = cls.env.ref("crm_base.relationship_type_client")

        def types(*records):
            return [(6, 0, [x.id for x in records])]

        cls.old_prospect = Partner.create(
            {"name": "Prospect Oublié", "crm_relationship_type_ids": types(prospect)})
        cls.old_never_touched = Partner.create({"name": "Prospect Jamais Contacté",
                                                "crm_relationship_type_ids": types(prospect)})
        cls.recent_prospect = Partner.create(
            {"name": "Prospect Récent", "crm_relationship_type_ids": types(prospect)})
        cls.old_client = Partner.create(
            {"name": "Client Fidèle", "crm_relationship_type_ids": types(client)})
        cls.old_prospect_client = Partner.create(
            {"name": "Devenu Client", "crm_relationship_type_ids": types(prospect, client)})
        cls.old_company = Partner.create({"name": "Société Prospect", "is_company": True,
                                          "crm_relationship_type_ids": types(prospect)})
        cls.consenting = Partner.create(
            {"name": "Abonné Newsletter", "crm_relationship_type_ids": types(prospect)})
        cls.env["crm.consent"].create({
            "partner_id": cls.consenting.id,
            "purpose_id": cls.env.ref("crm_base.crm_consent_purpose_newsletter").id,
            "state": "granted", "date": cls.ago(months=3)})
        cls.user_partner = cls.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Utilisateur Prospect", "login": "prospect.user@example.com",
            "email": "prospect.user@example.com"}).partner_id
        cls.user_partner.crm_relationship_type_ids = types(prospect)

        # simulate the past: created 5 years ago, last activity 40 months ago
        old = [cls.old_prospect, cls.old_never_touched, cls.old_client, cls.old_prospect_client,
               cls.old_company, cls.consenting, cls.user_partner]
        cls.set_dates(old, created=cls.ago(months=60), activity=cls.ago(months=40))
        cls.set_dates([cls.old_never_touched], created=cls.ago(months=60), activity=None)
        cls.set_dates(
            [cls.recent_prospect], created=cls.ago(months=60), activity=cls.ago(months=10))
        cls.all = cls.recent_prospect | cls.consenting.browse([p.id for p in old])

    @staticmethod
    def ago(**delta):
        return fields.Datetime.to_string(datetime.datetime.now() - relativedelta(**delta))

    @classmethod
    def set_dates(cls, partners, created, activity):
        # last_activity_date is computed from the messages: the past is written in the table
        cls.env.cr.execute(
            "UPDATE res_partner SET create_date = %s, last_activity_date = %s WHERE id IN %s",
            (created, activity, tuple(p.id for p in partners)))
        cls.env.cache.invalidate()

    def run_cron(self):
        self.env.ref("crm_base.crm_rgpd_cron_retention").method_direct_trigger()
        self.env.cache.invalidate()
        return self.all.filtered("crm_rgpd_retention_due")

    def test_the_cron_flags_old_prospects_only(self):
        self.assertEqual(self.run_cron(), self.old_prospect | self.old_never_touched)
        # in the list of CRM > Configuration > RGPD > Retention
        action = self.env.ref("crm_base.res_partner_rgpd_retention_action")
        listed = self.env["res.partner"].search(eval(action.domain))
        self.assertIn(self.old_prospect, listed)
        self.assertNotIn(self.recent_prospect, listed)

    def test_a_new_activity_unflags(self):
        self.run_cron()
        self.old_prospect.message_post(body="Relancé par téléphone", message_type="comment",
                                       subtype="mail.mt_note")
        self.assertEqual(self.run_cron(), self.old_never_touched)

    def test_the_period_is_a_setting(self):
        arch = self.env["res.config.settings"].fields_view_get(view_type="form")["arch"]
        self.assertIn('name="crm_rgpd_retention_months"', arch)
        settings = self.env["res.config.settings"].create({})
        self.assertEqual(settings.crm_rgpd_retention_months, 36)
        settings.crm_rgpd_retention_months = 48
        settings.execute()
        self.assertEqual(
            self.env["ir.config_parameter"].get_param("crm_base.rgpd_retention_months"), "48")
        self.assertEqual(self.env["res.config.settings"].create({}).crm_rgpd_retention_months, 48)
        self.assertEqual(self.run_cron(), self.old_never_touched)   # 40 months < 48
        settings.crm_rgpd_retention_months = 6
        settings.execute()
        self.assertEqual(self.run_cron(),
                         self.old_prospect | self.old_never_touched | self.recent_prospect)
        with self.assertRaises(ValidationError):
            self.env["res.config.settings"].create({"crm_rgpd_retention_months": 0}).execute()

    def test_erase_selected(self):
        due = self.run_cron()
        # Action > Erase personal data (RGPD) on the selection
        action = self.env.ref("crm_base.crm_rgpd_erase_action")
        self.assertEqual(action.binding_model_id.model, "res.partner")
        wizard = self.env["crm.rgpd.erase"].with_context(
            active_model="res.partner", active_ids=due.ids).create({})
        self.assertEqual(wizard.partner_ids, due)
        arch = wizard.fields_view_get(view_type="form")["arch"]
        self.assertIn('name="confirmation"', arch)
        wizard.confirmation = "2"
        wizard.action_erase()
        due = due.with_context(active_test=False)
        self.assertEqual(due.mapped("crm_rgpd_erased"), [True, True])
        self.assertFalse(any(due.mapped("crm_rgpd_retention_due")))
        self.assertFalse(any(due.mapped("active")))
        self.assertFalse(self.run_cron())
