# -*- coding: utf-8 -*-
"""Reminders for opportunities left without activity (daily job).

What "without activity for N days" means is defined once, in
``logic/followups.py``: an open opportunity with an (active) owner, no
planned activity, and nothing in the last N days (creation, stage change,
message in its chatter, meeting linked to it, previous reminder). N is the
setting *Reminder after days without activity*
(``crm_sales.idle_reminder_days``, default 14).

The job gives the owner one "To Do" activity due today. The reminder is a
planned activity, so the opportunity is not idle any more while it is open:
there are never two open reminders for one opportunity. Marking it done
posts a message, which starts a new period of N days; a reminder deleted
without being done is not repeated before N days either.
"""
import logging

from odoo import _, api, fields, models

from ..logic import followups

_logger = logging.getLogger(__name__)

IDLE_DAYS_PARAM = "crm_sales.idle_reminder_days"


class CrmOpportunity(models.Model):
    _inherit = "crm.opportunity"

    idle_reminder_date = fields.Datetime(
        string="Last reminder", readonly=True, copy=False,
        help="When the daily job last reminded the owner that nothing was done on this "
             "opportunity.")

    @api.model
    def _crm_idle_days(self):
        return self.env["ir.config_parameter"]._crm_get_int(
            IDLE_DAYS_PARAM, followups.DEFAULT_IDLE_DAYS, minimum=1)

    @api.model
    def _crm_idle_candidates(self):
        """[(id, [moments])] of the open opportunities with an owner and no planned
        activity, with the moments something happened on them (read, not locked)."""
        self.env.cr.execute("""
            SELECT o.id, o.create_date, o.date_stage, o.idle_reminder_date,
                   (SELECT max(m.date) FROM mail_message m
                     WHERE m.model = 'crm.opportunity' AND m.res_id = o.id),
                   (SELECT max(e.stop) FROM calendar_event e
                     WHERE e.res_model = 'crm.opportunity' AND e.res_id = o.id AND e.active)
              FROM crm_opportunity o
              JOIN res_users u ON u.id = o.user_id AND u.active
             WHERE o.active AND o.state = 'open'
               AND NOT EXISTS (SELECT 1 FROM mail_activity a
                                WHERE a.res_model = 'crm.opportunity' AND a.res_id = o.id)
             ORDER BY o.id
        """)
        to_datetime = fields.Datetime.from_string
        return [(row[0], [to_datetime(value) for value in row[1:]])
                for row in self.env.cr.fetchall()]

    @api.model
    def _crm_lock_free(self, ids):
        """The ids among ``ids`` locked by this transaction; the ones another
        transaction holds (a job running at the same time) are skipped."""
        if not ids:
            return []
        self.env.cr.execute(
            "SELECT id FROM crm_opportunity WHERE id IN %s ORDER BY id FOR UPDATE SKIP LOCKED",
            (tuple(ids),))
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _crm_cron_idle_reminders(self):
        """Daily job: remind the owners of the opportunities without activity."""
        days = self._crm_idle_days()
        now = fields.Datetime.from_string(fields.Datetime.now())
        cutoff = followups.idle_cutoff(now, days)
        idle_ids = [opp_id for opp_id, moments in self._crm_idle_candidates()
                    if followups.is_idle(moments, cutoff)]
        opportunities = self.browse(self._crm_lock_free(idle_ids))
        todo = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get(self._name).id
        for opp in opportunities:
            owner = opp.user_id
            self.env["mail.activity"].create({
                "res_model_id": model_id,
                "res_id": opp.id,
                "activity_type_id": todo.id,
                "summary": opp.with_context(lang=owner.lang)._crm_idle_summary(days),
                "date_deadline": fields.Date.context_today(opp.with_context(tz=owner.tz)),
                "user_id": owner.id,
            })
        # the row update makes a job that read the same rows before this one
        # committed fail on the lock instead of reminding twice
        opportunities.write({"idle_reminder_date": fields.Datetime.now()})
        _logger.info("idle opportunity reminders: %d created (no activity for %d days)",
                     len(opportunities), days)
        return opportunities

    def _crm_idle_summary(self, days):
        return _("Follow up: no activity for %d days") % days
