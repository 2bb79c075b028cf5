# -*- coding: utf-8 -*-
"""Follow-up emails of the quotes sent and not yet signed (daily job).

A quote in state "sent" gets the email template *Quote: follow-up*
(``crm_sales.mail_template_quote_followup``) N days after it was sent, then
every N days after the previous follow-up, at most ``limit`` times (settings
*Follow up sent quotes after N days*, default 7, and *Follow-ups per quote*,
default 3; 0 follow-ups turns them off). Nothing more is sent once the quote
is signed, refused or cancelled, or when *Stop follow-ups* was used on it.
The rule itself is ``logic.followups.next_followup_date``.

Nothing is sent twice: the job locks the quotes it follows up
(``FOR UPDATE SKIP LOCKED``: a second run at the same time skips them) and
counts the follow-up in the same transaction as the email it creates, so a
run after it finds the quote not due any more.
"""
import logging

from odoo import _, api, fields, models

from ..logic import followups

_logger = logging.getLogger(__name__)

FOLLOWUP_DAYS_PARAM = "crm_sales.quote_followup_days"
FOLLOWUP_LIMIT_PARAM = "crm_sales.quote_followup_limit"


class CrmQuote(models.Model):
    _inherit = "crm.quote"

    followup_count = fields.Integer(
        string="Follow-ups sent", default=0, readonly=True, copy=False,
        help="Follow-up emails sent automatically since the quote was sent.")
    last_followup_date = fields.Date(string="Last follow-up", readonly=True, copy=False)
    next_followup_date = fields.Date(
        string="Next follow-up", compute="_compute_next_followup_date", store=True, index=True,
        help="When the next follow-up email leaves, if the quote is still waiting for its "
             "signature.")
    followup_stopped = fields.Boolean(
        string="Follow-ups stopped", copy=False, track_visibility="onchange",
        help="No more automatic follow-up email for this quote.")

    @api.model
    def _crm_followup_settings(self):
        """(days between follow-ups, follow-ups per quote)."""
        params = self.env["ir.config_parameter"]
        return (params._crm_get_int(FOLLOWUP_DAYS_PARAM, followups.DEFAULT_FOLLOWUP_DAYS,
                                    minimum=1),
                params._crm_get_int(FOLLOWUP_LIMIT_PARAM, followups.DEFAULT_FOLLOWUP_LIMIT,
                                    minimum=0))

    @api.depends("state", "sent_date", "last_followup_date", "followup_count", "followup_stopped")
    def _compute_next_followup_date(self):
        interval, limit = self._crm_followup_settings()
        for quote in self:
            next_date = followups.next_followup_date(
                quote.state, fields.Datetime.from_string(quote.sent_date),
                fields.Date.from_string(quote.last_followup_date), quote.followup_count,
                quote.followup_stopped, interval, limit)
            quote.next_followup_date = fields.Date.to_string(next_date) if next_date else False

    @api.model
    def _crm_followup_recompute(self):
        """After a change of the settings: the next dates of the waiting quotes."""
        quotes = self.sudo().search([("state", "=", "sent")])
        self.env.add_todo(self._fields["next_followup_date"], quotes)
        self.recompute()

    @api.model
    def _crm_sent_values(self, vals):
        """What a quote becoming *sent* with ``vals`` also takes (crm_quote.py's
        create and write call this): its sending date, unless given, and its
        follow-ups started over (a quote sent again is followed up anew)."""
        values = {"followup_count": 0, "last_followup_date": False}
        if not vals.get("sent_date"):
            values["sent_date"] = fields.Datetime.now()
        return values

    def action_stop_followups(self):
        self.write({"followup_stopped": True})
        return True

    def action_resume_followups(self):
        self.write({"followup_stopped": False})
        return True

    # ------------------------------------------------------------ the job
    @api.model
    def _crm_followup_due_ids(self, today):
        """Ids of the quotes due for a follow-up, locked by this transaction;
        those another transaction holds are skipped."""
        _interval, limit = self._crm_followup_settings()
        self.env.cr.execute("""
            SELECT id FROM crm_quote
             WHERE state = 'sent'
               AND followup_stopped IS NOT TRUE
               AND COALESCE(followup_count, 0) < %s
               AND next_followup_date <= %s
             ORDER BY id
               FOR UPDATE SKIP LOCKED
        """, (limit, today))
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _crm_cron_send_followups(self):
        """Daily job: send the follow-up emails that are due; returns the quotes followed up."""
        today = fields.Date.context_today(self)
        template = self.env.ref("crm_sales.mail_template_quote_followup")
        done = self.browse()
        for quote in self.browse(self._crm_followup_due_ids(today)):
            recipient = quote.contact_id or quote.partner_id
            if not recipient.email:
                quote.write({"followup_stopped": True})
                quote.message_post(body=_(
                    "Follow-ups stopped: %s has no email address.") % recipient.display_name)
                continue
            try:
                with self.env.cr.savepoint():
                    template.send_mail(quote.id)
                    quote.write({"followup_count": quote.followup_count + 1,
                                 "last_followup_date": today})
            except Exception:
                # one quote that cannot be rendered must not hold the others back;
                # it stays due and is retried tomorrow
                _logger.exception("follow-up of quote %s (id %d) failed", quote.name, quote.id)
                self.env.cache.invalidate()
                continue
            done |= quote
        _logger.info("quote follow-ups: %d sent", len(done))
        return done
