# -*- coding: utf-8 -*-
"""Scheduled follow-ups: the daily reminder of opportunities without activity
(and only them, never twice), the follow-up emails of the quotes sent and not
signed (when due, up to the limit, stopping when signed, refused, cancelled or
stopped by hand), their settings, and nothing sent twice when the job runs
again or two runs overlap."""
import datetime
from contextlib import closing

from odoo import SUPERUSER_ID, api, fields
from odoo.exceptions import ValidationError
from odoo.tests.common import SavepointCase

from .common import sales_user


def days_ago(days, hour=9):
    moment = datetime.datetime.now() - datetime.timedelta(days=days)
    return fields.Datetime.to_string(moment.replace(hour=hour, minute=0, second=0, microsecond=0))


class FollowupCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(FollowupCase, cls).setUpClass()
        cls.env = cls.env(context=dict(
            cls.env.context, no_reset_password=True, mail_create_nolog=True))
        cls.alice = sales_user(cls.env, "Alice Martin", "alice.followups@example.com")
        cls.customer = cls.env["res.partner"].create(
            {"name": "Transports Morel", "is_company": True})
        cls.contact = cls.env["res.partner"].create({
            "name": "Sophie Morel", "parent_id": cls.customer.id, "email": "sophie@morel.example"})
        cls.today = fields.Date.from_string(fields.Date.context_today(cls.env["crm.quote"]))

    def set_param(self, key, value):
        self.env["ir.config_parameter"].sudo().set_param(key, str(value))


class TestIdleReminders(FollowupCase):

    @classmethod
    def setUpClass(cls):
        super(TestIdleReminders, cls).setUpClass()
        cls.todo = cls.env.ref("mail.mail_activity_data_todo")

    def opportunity(self, name, age=30, **vals):
        """An opportunity created ``age`` days ago, untouched since."""
        opp = self.env["crm.opportunity"].sudo(self.alice).create(dict({
            "name": name, "partner_id": self.customer.id, "contact_id": self.contact.id,
            "user_id": self.alice.id, "expected_revenue": 9000.0}, **vals)).sudo()
        self.age(opp, age)
        return opp

    def age(self, opp, days, stage_days=None):
        """Move the creation, the stage change and every message of ``opp`` ``days`` ago."""
        self.env.cr.execute(
            "UPDATE crm_opportunity SET create_date = %s, date_stage = %s WHERE id = %s",
            (days_ago(days), days_ago(days if stage_days is None else stage_days), opp.id))
        self.env.cr.execute(
            "UPDATE mail_message SET date = %s WHERE model = 'crm.opportunity' AND res_id = %s",
            (days_ago(days), opp.id))
        self.env.cache.invalidate()

    def reminders(self, opp):
        return self.env["mail.activity"].search(
            [("res_model", "=", "crm.opportunity"), ("res_id", "=", opp.id)])

    def run_job(self):
        self.env.ref("crm_sales.crm_opportunity_cron_idle_reminders").method_direct_trigger()
        self.env.cache.invalidate()

    def test_only_opportunities_without_activity_get_a_reminder(self):
        idle = self.opportunity("Flotte de camions")
        noted = self.opportunity("Entretien des véhicules")
        noted.message_post(body="Rappelé ce matin, il attend le budget.", message_type="comment",
                           subtype="mail.mt_note")
        planned = self.opportunity("Contrat de maintenance")
        self.env["mail.activity"].create({
            "res_model_id": self.env["ir.model"]._get("crm.opportunity").id,
            "res_id": planned.id,
            "activity_type_id": self.env.ref("mail.mail_activity_data_call").id,
            "date_deadline": fields.Date.to_string(self.today + datetime.timedelta(days=20)),
            "user_id": self.alice.id})
        moved = self.opportunity("Pneus hiver")
        self.age(moved, 30, stage_days=3)
        met = self.opportunity("Télématique")
        self.env["calendar.event"].create({
            "name": "Démonstration",
            "res_model_id": self.env["ir.model"]._get("crm.opportunity").id, "res_id": met.id,
            "start": days_ago(5, hour=9), "stop": days_ago(5, hour=10),
            "partner_ids": [(6, 0, [])]})
        # the meeting counts by itself, without the activity Odoo plans with it
        self.reminders(met).unlink()
        young = self.opportunity("Nouveau dépôt", age=5)
        won = self.opportunity("Location longue durée",
                               stage_id=self.env.ref("crm_sales.crm_opportunity_stage_won").id)
        orphan = self.opportunity("Sans responsable", user_id=False)

        self.run_job()

        [reminder] = self.reminders(idle)
        self.assertEqual(reminder.activity_type_id, self.todo)
        self.assertEqual(reminder.user_id, self.alice)
        self.assertEqual(reminder.summary, "Follow up: no activity for 14 days")
        self.assertEqual(reminder.date_deadline, fields.Date.to_string(self.today))
        self.assertTrue(idle.idle_reminder_date)
        for opp in (noted, young, moved, met, won, orphan):
            self.assertFalse(self.reminders(opp), opp.name)
        self.assertEqual(len(self.reminders(planned)), 1)  # only the planned call

    def test_never_two_open_reminders(self):
        idle = self.opportunity("Flotte de camions")
        self.run_job()
        self.run_job()
        self.assertEqual(len(self.reminders(idle)), 1)
        # still nothing done 20 days later: the open reminder is enough
        self.age(idle, 50)
        self.run_job()
        self.assertEqual(len(self.reminders(idle)), 1)

    def test_done_reminder_starts_a_new_period(self):
        idle = self.opportunity("Flotte de camions")
        self.run_job()
        self.reminders(idle).sudo(self.alice).action_feedback("Laissé un message")
        self.run_job()
        self.assertFalse(self.reminders(idle))
        # deleted without being done: not repeated before the period either
        other = self.opportunity("Entretien")
        self.run_job()
        self.reminders(other).unlink()
        self.run_job()
        self.assertFalse(self.reminders(other))

    def test_the_period_is_a_setting(self):
        idle = self.opportunity("Flotte de camions", age=20)
        self.env["res.config.settings"].create({"crm_sales_idle_days": 30}).execute()
        self.assertEqual(self.env["res.config.settings"].default_get(["crm_sales_idle_days"]).get(
            "crm_sales_idle_days"), 30)
        self.run_job()
        self.assertFalse(self.reminders(idle))
        self.env["res.config.settings"].create({"crm_sales_idle_days": 14}).execute()
        self.run_job()
        self.assertEqual(self.reminders(idle).summary, "Follow up: no activity for 14 days")
        with self.assertRaises(ValidationError):
            self.env["res.config.settings"].create({"crm_sales_idle_days": 0}).execute()


class TestQuoteFollowups(FollowupCase):

    def quote(self, sent_days_ago=8, contact=None, **vals):
        quote = self.env["crm.quote"].create(dict({
            "partner_id": self.customer.id, "contact_id": (contact or self.contact).id,
            "user_id": self.alice.id,
            "line_ids": [(0, 0, {
                "name": "Transport Lyon-Paris", "quantity": 2, "price_unit": 750.0})],
        }, **vals))
        if sent_days_ago is not None:
            quote.write({"state": "sent", "sent_date": days_ago(sent_days_ago)})
        return quote

    def mails(self, quote):
        return self.env["mail.mail"].search(
            [("model", "=", "crm.quote"), ("res_id", "=", quote.id)])

    def run_job(self):
        self.env.ref("crm_sales.crm_quote_cron_followups").method_direct_trigger()
        self.env.cache.invalidate()

    def test_follow_up_a_week_after_sending(self):
        quote = self.quote(sent_days_ago=8)
        waiting = self.quote(sent_days_ago=3)
        self.assertEqual(quote.next_followup_date,
                         fields.Date.to_string(self.today - datetime.timedelta(days=1)))
        self.run_job()
        mail = self.mails(quote)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, self.contact)
        self.assertEqual(mail.subject, "Your quote %s: any questions?" % quote.name)
        self.assertIn("Hello Sophie Morel", mail.body_html)
        self.assertIn(quote.get_share_url(), mail.body_html)
        self.assertIn("alice.followups@example.com", mail.email_from)
        self.assertIn(mail.mail_message_id, quote.message_ids)
        self.assertEqual(quote.followup_count, 1)
        self.assertEqual(quote.last_followup_date, fields.Date.to_string(self.today))
        self.assertEqual(quote.next_followup_date,
                         fields.Date.to_string(self.today + datetime.timedelta(days=7)))
        # the quote sent 3 days ago waits
        self.assertFalse(self.mails(waiting))
        self.assertEqual(waiting.next_followup_date,
                         fields.Date.to_string(self.today + datetime.timedelta(days=4)))

    def test_running_the_job_again_sends_nothing(self):
        quote = self.quote()
        self.run_job()
        self.run_job()
        self.assertEqual(len(self.mails(quote)), 1)
        self.assertEqual(quote.followup_count, 1)

    def test_repeated_up_to_the_limit(self):
        quote = self.quote(sent_days_ago=30)
        for expected in (1, 2, 3):
            self.run_job()
            self.assertEqual(quote.followup_count, expected)
            # a week goes by
            quote.write({"last_followup_date": fields.Date.to_string(
                self.today - datetime.timedelta(days=7))})
        self.assertFalse(quote.next_followup_date)
        self.run_job()
        self.assertEqual(len(self.mails(quote)), 3)

    def test_no_follow_up_once_signed_refused_cancelled_or_stopped(self):
        signed, refused, cancelled, stopped = [self.quote() for _i in range(4)]
        signed.write({"state": "signed", "signed_on": fields.Datetime.now()})
        refused.write({"state": "refused"})
        cancelled.action_cancel()
        stopped.action_stop_followups()
        for quote in (signed, refused, cancelled, stopped):
            self.assertFalse(quote.next_followup_date)
        self.run_job()
        for quote in (signed, refused, cancelled, stopped):
            self.assertFalse(self.mails(quote))
            self.assertEqual(quote.followup_count, 0)
        stopped.action_resume_followups()
        self.run_job()
        self.assertEqual(len(self.mails(stopped)), 1)

    def test_a_quote_sent_again_starts_over(self):
        quote = self.quote(sent_days_ago=30)
        self.run_job()
        self.assertEqual(quote.followup_count, 1)
        quote.action_draft()
        quote.action_mark_sent()
        self.assertEqual(quote.followup_count, 0)
        self.assertFalse(quote.last_followup_date)
        self.assertEqual(quote.next_followup_date,
                         fields.Date.to_string(self.today + datetime.timedelta(days=7)))

    def test_customer_without_email(self):
        mute = self.env["res.partner"].create(
            {"name": "Marcel Sans Mail", "parent_id": self.customer.id})
        quote = self.quote(contact=mute)
        self.run_job()
        self.assertFalse(self.mails(quote))
        self.assertTrue(quote.followup_stopped)
        self.assertIn(
            "Follow-ups stopped: Transports Morel, Marcel Sans Mail has no email address.",
            quote.message_ids[0].body)

    def test_settings_change_the_dates(self):
        quote = self.quote(sent_days_ago=3)
        self.run_job()
        self.assertFalse(self.mails(quote))
        self.env["res.config.settings"].create({
            "crm_sales_followup_days": 3, "crm_sales_followup_limit": 1}).execute()
        self.assertEqual(quote.next_followup_date, fields.Date.to_string(self.today))
        self.run_job()
        self.assertEqual(len(self.mails(quote)), 1)
        self.assertFalse(quote.next_followup_date)  # one follow-up at most now
        # 0 follow-ups: none at all
        other = self.quote(sent_days_ago=10)
        self.env["res.config.settings"].create({"crm_sales_followup_limit": 0}).execute()
        self.run_job()
        self.assertFalse(self.mails(other))


class TestFollowupConcurrency(SavepointCase):
    """Two runs of the job at the same time (two transactions): the second
    skips the quotes the first one holds. The data is committed (each run
    needs its own transaction) and removed at the end."""

    def test_overlapping_runs_send_once(self):
        registry = self.registry
        with closing(registry.cursor()) as cr:
            env = api.Environment(
                cr, SUPERUSER_ID, {"no_reset_password": True, "mail_create_nolog": True})
            customer = env["res.partner"].create({
                "name": "Verrou Concurrence SAS", "is_company": True,
                "email": "contact@verrou.example"})
            quote = env["crm.quote"].create({
                "partner_id": customer.id,
                "line_ids": [(0, 0, {"name": "Audit", "quantity": 1, "price_unit": 1200.0})]})
            quote.write({"state": "sent", "sent_date": days_ago(10)})
            quote_id, customer_id = quote.id, customer.id
            # the two runs below are two transactions: they only see committed data
            cr.commit()  # pylint: disable=invalid-commit
        try:
            with closing(registry.cursor()) as cr_a, closing(registry.cursor()) as cr_b:
                env_a = api.Environment(cr_a, SUPERUSER_ID, {})
                env_b = api.Environment(cr_b, SUPERUSER_ID, {})
                # a second run that waited for the first one's locks would fail here
                # (instead of hanging the test: both runs share this thread)
                cr_b.execute("SET LOCAL lock_timeout = '3s'")
                done_a = env_a["crm.quote"]._crm_cron_send_followups()
                self.assertIn(quote_id, done_a.ids)
                # while the first run holds its quotes, the second finds none of them
                done_b = env_b["crm.quote"]._crm_cron_send_followups()
                self.assertFalse(set(done_a.ids) & set(done_b.ids))
                self.assertNotIn(quote_id, done_b.ids)
                self.assertEqual(env_b["mail.mail"].search_count(
                    [("model", "=", "crm.quote"), ("res_id", "=", quote_id)]), 0)
                # in the first run, the follow-up is counted with its email
                self.assertEqual(env_a["crm.quote"].browse(quote_id).followup_count, 1)
                self.assertEqual(env_a["mail.mail"].search_count(
                    [("model", "=", "crm.quote"), ("res_id", "=", quote_id)]), 1)
                # and running it again in the same transaction finds nothing new
                self.assertNotIn(quote_id, env_a["crm.quote"]._crm_cron_send_followups().ids)
                # neither run is committed: the other quotes (demo data) stay as they were
                cr_b.rollback()
                cr_a.rollback()
        finally:
            with closing(registry.cursor()) as cr:
                env = api.Environment(cr, SUPERUSER_ID, {})
                quote = env["crm.quote"].browse(quote_id)
                quote.write({"state": "cancel"})
                env["mail.message"].search(
                    [("model", "=", "crm.quote"), ("res_id", "=", quote_id)]).unlink()
                quote.unlink()
                env["mail.message"].search(
                    [("model", "=", "res.partner"), ("res_id", "=", customer_id)]).unlink()
                env["res.partner"].browse(customer_id).unlink()
                # the data committed above is removed for good, as it was committed
                cr.commit()  # pylint: disable=invalid-commit
