# -*- coding: utf-8 -*-
"""The daily payment reminders: each level once per invoice, none once paid
or while a promise to pay runs; the history on the invoice."""
from unittest.mock import patch

from .receivables_common import ReceivablesCase


class TestDunning(ReceivablesCase):

    @classmethod
    def setUpClass(cls):
        super(TestDunning, cls).setUpClass()
        cls.friendly = cls.env.ref("crm_billing.crm_dunning_level_friendly")
        cls.second = cls.env.ref("crm_billing.crm_dunning_level_second")
        cls.formal = cls.env.ref("crm_billing.crm_dunning_level_formal")
        cls.Invoice = cls.env["account.invoice"]
        cls.mine = cls.customer

    def mails_of(self, invoice):
        return self.env["mail.mail"].search([
            ("model", "=", "account.invoice"), ("res_id", "=", invoice.id)])

    def run_on(self, offset=0):
        """The invoices of this test reminded by the run ``offset`` days from
        today (the demo's invoices are reminded too, and left out)."""
        reminded = self.Invoice._crm_dunning_run(today=self.day(offset))
        return reminded & self.Invoice.search([("partner_id", "in", self.mine.ids)])

    def test_default_levels_are_seven_thirty_and_forty_five_days(self):
        levels = self.friendly | self.second | self.formal
        self.assertEqual([(lvl.days, lvl.name) for lvl in levels],
                         [(7, "Friendly reminder"), (30, "Second reminder"), (45, "Formal notice")])
        cron = self.env.ref("crm_billing.crm_dunning_cron")
        self.assertEqual((cron.interval_number, cron.interval_type, cron.active), (1, "days", True))

    def test_running_twice_sends_one_mail_per_level_and_invoice(self):
        late = self.make_invoice(1000.0, due_in=-8)
        not_late = self.make_invoice(500.0, due_in=-3)
        self.assertEqual(self.run_on(), late)
        self.assertEqual(self.run_on(), self.Invoice)  # the second run sends nothing
        self.assertFalse(self.mails_of(not_late))
        [mail] = self.mails_of(late)
        self.assertEqual(late.crm_dunning_level_id, self.friendly)
        self.assertEqual(late.crm_dunning_date, self.day(0))
        self.assertEqual(mail.recipient_ids, self.customer)
        self.assertIn("Reminder: invoice %s" % late.number, mail.subject)
        self.assertIn("1,200.00", mail.body_html)
        # with the link to the invoice's portal page, where the customer can pay
        self.assertIn("/my/invoices/%d?access_token=%s" % (late.id, late.access_token),
                      mail.body_html)
        # the invoice's report (Odoo renders it as HTML instead of PDF under test)
        [attachment] = mail.attachment_ids
        self.assertTrue(attachment.name.startswith(
            "Invoice_%s." % late.number.replace("/", "_")), attachment.name)
        # the history: the email is in the invoice's chatter
        self.assertIn(mail.mail_message_id, late.message_ids)

        # 30 days after the due date: the second level, once
        # (the other, 25 days late by then, gets its first reminder)
        self.assertEqual(self.run_on(22), late | not_late)
        self.assertEqual(self.run_on(22), self.Invoice)
        self.assertEqual(late.crm_dunning_level_id, self.second)
        # 45 days: the formal notice with the penalties and the 40 € indemnity
        self.run_on(37)
        self.run_on(37)
        mails = self.mails_of(late)
        self.assertEqual(len(mails), 3)
        formal = mails.filtered(lambda m: "Formal notice" in m.subject)
        self.assertIn("40 €", formal.body_html)
        self.assertIn("late-payment penalties", formal.body_html)
        self.assertEqual(late.crm_dunning_level_id, self.formal)
        self.assertNotIn(late, self.run_on(100))

    def test_an_invoice_found_very_late_gets_the_formal_notice_only(self):
        late = self.make_invoice(100.0, due_in=-50)
        self.run_on()
        self.assertEqual(len(self.mails_of(late)), 1)
        self.assertEqual(late.crm_dunning_level_id, self.formal)

    def test_a_paid_invoice_gets_no_more_reminders_a_partly_paid_one_does(self):
        paid = self.make_invoice(1000.0, due_in=-10)
        partly = self.make_invoice(1000.0, due_in=-10)
        self.pay(paid, 1200.0)
        self.pay(partly, 200.0)
        self.assertEqual(self.run_on(), partly)
        self.assertIn("1,000.00", self.mails_of(partly).body_html)

    def test_a_promise_to_pay_holds_reminders_until_its_date_has_passed(self):
        on_invoice = self.make_invoice(300.0, due_in=-10)
        on_invoice.crm_promise_date = self.day(5)
        other = self.env["res.partner"].create({"name": "Garage Promesse", "is_company": True,
                                                "email": "garage@example.fr"})
        on_customer = self.make_invoice(300.0, due_in=-10, partner=other)
        self.mine |= other
        other.crm_promise_date = self.day(5)
        self.assertEqual(self.run_on(), self.Invoice)
        self.assertEqual(self.run_on(5), self.Invoice)       # the promised day itself
        self.assertEqual(self.run_on(6), on_invoice | on_customer)

    def test_reminders_are_written_in_the_customers_language(self):
        self.env.ref("base.lang_fr").active = True
        french = self.env["res.partner"].create({
            "name": "Menuiserie Lefèvre", "is_company": True, "lang": "fr_FR",
            "email": "compta@lefevre.example.fr"})
        invoice = self.make_invoice(1000.0, due_in=-8, partner=french)
        self.mine |= french
        self.run_on()
        body = self.mails_of(invoice).body_html.replace("&nbsp;", "\xa0")
        french_formats = self.env["crm.format.mixin"].with_context(lang="fr_FR")
        amount = french_formats._crm_format_money(1200.0, invoice.currency_id)
        self.assertIn("200,00", amount)
        self.assertIn(amount, body)
        self.assertIn(french_formats._crm_format_date(invoice.date_due), body)

    def test_the_levels_of_another_company_do_not_apply(self):
        other_company = self.env["res.company"].create({"name": "Autre Société"})
        self.assertFalse(self.env["crm.dunning.level"].search(
            [("company_id", "=", other_company.id)]))
        late = self.make_invoice(100.0, due_in=-10)
        self.friendly.company_id = other_company
        self.run_on()
        self.assertEqual(late.crm_dunning_level_id, self.env["crm.dunning.level"])

    def test_an_invoice_whose_email_fails_does_not_stop_the_others(self):
        failing = self.make_invoice(100.0, due_in=-8)
        fine = self.make_invoice(200.0, due_in=-8)
        Class = type(self.Invoice)
        send = Class._crm_dunning_send

        def send_or_fail(invoice, level, today):
            send(invoice, level, today)
            if invoice == failing:
                raise RuntimeError("The PDF of this invoice cannot be made.")

        with patch.object(Class, "_crm_dunning_send", send_or_fail):
            self.assertEqual(self.run_on(), fine)
        # nothing half-written for the failing one: the next run tries it again
        self.assertFalse(failing.crm_dunning_level_id)
        self.assertFalse(self.mails_of(failing))
        self.assertEqual(len(self.mails_of(fine)), 1)
        self.assertEqual(self.run_on(), failing)
