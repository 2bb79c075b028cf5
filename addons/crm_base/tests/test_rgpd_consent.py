# -*- coding: utf-8 -*-
"""Consents of contacts: a record per change, the current state per purpose
on the contact, the history that cannot be rewritten, who sees them."""
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests.common import SavepointCase


class TestRgpdConsent(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestRgpdConsent, cls).setUpClass()
        Users = cls.env["res.users"].with_context(no_reset_password=True, mail_create_nolog=True)
        cls.user = Users.create({
            "name": "Ulysse Commercial", "login": "ulysse.rgpd@example.com",
            "email": "ulysse.rgpd@example.com",
            "groups_id": [(6, 0, [cls.env.ref("crm_base.group_crm_user").id])]})
        cls.other = Users.create({
            "name": "Olga Commerciale", "login": "olga.rgpd@example.com",
            "email": "olga.rgpd@example.com",
            "groups_id": [(6, 0, [cls.env.ref("crm_base.group_crm_user").id])]})
        cls.partner = cls.env["res.partner"].create(
            {"name": "Camille Martin", "email": "camille@exemple.fr"})
        cls.newsletter = cls.env.ref("crm_base.crm_consent_purpose_newsletter")
        cls.phone = cls.env.ref("crm_base.crm_consent_purpose_phone")
        cls.Consent = cls.env["crm.consent"].sudo(cls.user)

    def record(self, state, date, purpose=None, **values):
        values.update({"partner_id": self.partner.id, "purpose_id": (purpose or self.newsletter).id,
                       "state": state, "date": date})
        return self.Consent.create(values)

    def test_history_and_current_state(self):
        self.assertFalse(self.partner._crm_consent_state("newsletter"))
        granted = self.record("granted", "2024-01-10 10:00:00", source="form",
                              proof="Case cochée sur le formulaire du salon")
        self.assertEqual(self.partner._crm_consent_state("newsletter"), "granted")
        self.assertTrue(self.partner._crm_has_consent("newsletter"))
        self.assertEqual(granted.user_id, self.user)

        withdrawn = self.record("withdrawn", "2024-06-01 08:00:00", source="email")
        regranted = self.record("granted", "2025-02-01 08:00:00", source="phone")
        refused_calls = self.record("refused", "2024-03-01 08:00:00", purpose=self.phone)

        # a record per change, the latest one is the current state
        self.assertEqual(self.partner.crm_consent_ids,
                         granted | withdrawn | regranted | refused_calls)
        self.assertEqual(self.partner.crm_consent_current_ids, regranted | refused_calls)
        self.assertEqual(self.partner._crm_consent_state("phone"), "refused")
        self.assertFalse(self.partner._crm_has_consent("phone"))
        # dates of the history
        self.assertEqual(granted.end_date, "2024-06-01 08:00:00")
        self.assertEqual(granted.withdrawal_date, "2024-06-01 08:00:00")
        self.assertEqual(withdrawn.withdrawal_date, "2024-06-01 08:00:00")
        self.assertEqual(withdrawn.end_date, "2025-02-01 08:00:00")
        self.assertFalse(regranted.end_date)
        self.assertFalse(regranted.withdrawal_date)

        # a proof received later, dated before the withdrawal, does not become current
        late = self.record("granted", "2024-02-01 08:00:00", source="paper")
        self.assertFalse(late.is_current)
        self.assertTrue(regranted.is_current)

        # the contacts who consent today, found by purpose
        Partner = self.env["res.partner"]
        self.assertIn(
            self.partner,
            Partner.search([("crm_consent_granted_purpose_ids", "=", self.newsletter.id)]))
        self.assertNotIn(self.partner,
                         Partner.search([("crm_consent_granted_purpose_ids", "=", self.phone.id)]))
        self.assertIn(self.partner,
                      Partner.search([("crm_consent_granted_purpose_ids", "ilike", "newsletter")]))
        self.assertEqual(self.partner.crm_consent_granted_purpose_ids, self.newsletter)

        # withdrawn again: no longer found
        self.record("withdrawn", "2025-03-01 08:00:00")
        self.assertEqual(self.partner._crm_consent_state("newsletter"), "withdrawn")
        self.assertNotIn(
            self.partner,
            Partner.search([("crm_consent_granted_purpose_ids", "=", self.newsletter.id)]))
        self.assertIn(
            self.partner,
            Partner.search([("crm_consent_granted_purpose_ids", "!=", self.newsletter.id)]))

    def test_the_history_cannot_be_rewritten(self):
        granted = self.record("granted", "2024-01-10 10:00:00")
        for values in ({"state": "refused"}, {"date": "2020-01-01 00:00:00"},
                       {"purpose_id": self.phone.id}, {"is_current": False}):
            with self.assertRaises(UserError):
                granted.write(values)
        # a proof can be added afterwards
        granted.write({"proof": "Email reçu le 10/01/2024"})
        self.assertEqual(granted.proof, "Email reçu le 10/01/2024")
        # users do not delete consents; managers can
        with self.assertRaises(AccessError):
            granted.unlink()

    def test_a_consent_not_granted_cannot_be_withdrawn(self):
        with self.assertRaises(ValidationError):
            self.record("withdrawn", "2024-01-10 10:00:00")
        self.record("refused", "2024-01-10 10:00:00")
        with self.assertRaises(ValidationError):
            self.record("withdrawn", "2024-02-10 10:00:00")

    def test_consents_of_a_private_contact_are_seen_by_its_owner_only(self):
        private = self.env["res.partner"].sudo(self.user).create({
            "name": "Contact privé", "user_id": self.user.id, "crm_private": True})
        consent = self.Consent.create({"partner_id": private.id, "purpose_id": self.newsletter.id})
        self.assertEqual(self.env["crm.consent"].sudo(self.user).search([("id", "=", consent.id)]),
                         consent)
        self.assertFalse(self.env["crm.consent"].sudo(self.other).search([("id", "=", consent.id)]))
        with self.assertRaises(AccessError):
            consent.sudo(self.other).read(["state"])

    def test_button_opens_a_new_consent_for_the_contact(self):
        action = self.partner.action_crm_consent_new()
        self.assertEqual(action["res_model"], "crm.consent")
        self.assertEqual(action["context"]["default_partner_id"], self.partner.id)
        view = self.env.ref("crm_base.res_partner_crm_view_form")
        arch = self.env["res.partner"].fields_view_get(view.id, "form")["arch"]
        self.assertIn('name="crm_consent_current_ids"', arch)
        self.assertIn('name="action_crm_consent_new"', arch)
