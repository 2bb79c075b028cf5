# -*- coding: utf-8 -*-
"""Revisions of a quote: same number, next version, the old one cancelled
and pointing to the new one; only the latest can be sent or signed."""
from odoo.exceptions import UserError
from odoo.tests.common import SavepointCase


class TestQuoteRevisions(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestQuoteRevisions, cls).setUpClass()
        cls.customer = cls.env["res.partner"].create({"name": "Garage Martin", "is_company": True})
        cls.quote = cls.env["crm.quote"].create({
            "partner_id": cls.customer.id,
            "note": "<p>Livraison sous 3 semaines.</p>",
            "line_ids": [
                (0, 0, {"display_type": "line_section", "name": "Matériel"}),
                (0, 0, {"name": "Pont élévateur", "price_unit": 4200.0, "vat_rate": "20"}),
                (0, 0, {"name": "Installation", "quantity": 2, "unit": "day",
                        "price_unit": 450.0, "vat_rate": "20"}),
            ]})
        cls.quote.action_mark_sent()

    def test_new_revision_copies_the_quote(self):
        first = self.quote
        action = first.action_new_revision()
        second = self.env["crm.quote"].browse(action["res_id"])
        self.assertEqual(action["res_model"], "crm.quote")
        self.assertNotEqual(second, first)
        self.assertEqual(second.name, first.name)
        self.assertEqual(second.revision, 2)
        self.assertEqual(second.display_name, "%s v2" % first.name)
        self.assertEqual(second.state, "draft")
        self.assertFalse(second.sent_date)
        self.assertNotEqual(second.access_token, first.access_token)
        self.assertEqual(second.line_ids.mapped("name"),
                         ["Matériel", "Pont élévateur", "Installation"])
        self.assertEqual(second.line_ids.mapped("unit"), first.line_ids.mapped("unit"))
        self.assertEqual(second.amount_total, first.amount_total)
        self.assertEqual(second.amount_total, 6120.0)
        self.assertIn("Livraison sous 3 semaines", second.note)
        # the lines are copies, not shared
        self.assertFalse(second.line_ids & first.line_ids)
        second.line_ids[1].price_unit = 3900.0
        self.assertEqual(first.amount_untaxed, 5100.0)
        self.assertEqual(second.amount_untaxed, 4800.0)
        # the old one is cancelled and points to the new one
        self.assertEqual(first.state, "cancel")
        self.assertEqual(first.superseded_by_id, second)
        self.assertEqual(second.previous_revision_id, first)
        self.assertEqual(second.origin_quote_id, first)

    def test_history_lists_every_version(self):
        second = self.env["crm.quote"].browse(self.quote.action_new_revision()["res_id"])
        second.action_mark_sent()
        third = self.env["crm.quote"].browse(second.action_new_revision()["res_id"])
        self.assertEqual(third.revision, 3)
        self.assertEqual(third.display_name, "%s v3" % self.quote.name)
        self.assertEqual(third.origin_quote_id, self.quote)
        self.assertEqual(third.previous_revision_id, second)
        for version in (self.quote, second, third):
            self.assertEqual(version.revision_ids, third | second | self.quote)
            self.assertEqual(version.revision_ids.mapped("revision"), [3, 2, 1])
            self.assertEqual(version.revision_count, 3)
        self.assertEqual(third.revision_ids.mapped("state"), ["draft", "cancel", "cancel"])
        # "DEV-... v2" is found by its name
        found = self.env["crm.quote"].name_search(second.display_name)
        self.assertEqual([r[0] for r in found], [second.id])

    def test_only_the_latest_revision_is_sent_or_signed(self):
        second = self.env["crm.quote"].browse(self.quote.action_new_revision()["res_id"])
        with self.assertRaisesRegex(UserError, "replaced by a newer revision"):
            self.quote._crm_check_signable()
        with self.assertRaisesRegex(UserError, "replaced by a newer revision"):
            self.quote.action_mark_sent()
        with self.assertRaisesRegex(UserError, "newer revision"):
            self.quote.action_new_revision()
        with self.assertRaisesRegex(UserError, "latest revision"):
            self.quote.action_draft()
        second.action_mark_sent()
        self.assertTrue(second._crm_check_signable())
        self.assertEqual(second.state, "sent")

    def test_a_refused_quote_can_be_revised_not_a_signed_one(self):
        self.quote.write({"state": "refused", "refuse_reason": "Budget trop serré"})
        second = self.env["crm.quote"].browse(self.quote.action_new_revision()["res_id"])
        self.assertEqual(second.revision, 2)
        self.assertEqual(self.quote.state, "cancel")
        second.action_mark_sent()
        second.write({"state": "signed"})
        with self.assertRaisesRegex(UserError, "signed"):
            second.action_new_revision()

    def test_numbers_of_other_quotes_go_on(self):
        second = self.env["crm.quote"].browse(self.quote.action_new_revision()["res_id"])
        other = self.env["crm.quote"].create({"partner_id": self.customer.id})
        prefix, number = self.quote.name.rsplit("-", 1)
        self.assertEqual(other.name, "%s-%04d" % (prefix, int(number) + 1))
        self.assertEqual(other.revision, 1)
        self.assertEqual(other.revision_ids, other)
        self.assertEqual(second.name, self.quote.name)
