# -*- coding: utf-8 -*-
import datetime
import hmac
import uuid

from odoo import _, api, fields, models

KINDS = [("view", "Page view"), ("download", "PDF download")]

USER_AGENT_MAX = 256
# A page left open in a background tab stops counting, and a ping cannot
# claim more than the time since the page was opened (plus network slack).
MAX_VIEW_SECONDS = 4 * 3600
PING_SLACK_SECONDS = 30


class CrmQuoteVisit(models.Model):
    """One visit of the customer to a quote: an opening of its public page,
    or a download of its PDF (the salesperson's own previews are not
    recorded).

    Created by the public controller (controllers/quote_public.py) under
    sudo, after the share token of the quote was checked; the page pings
    ``/crm/quote/<id>/<token>/ping`` with the id of its page view to update
    ``duration``.

    Named *visit*, not *view*: ``crm.quote.view`` read like the quote's own
    views (``crm_quote_view_form``); renamed in 11.0.1.1.0 (migrations/)."""
    _name = "crm.quote.visit"
    _description = "Quote visit"
    _order = "date desc, id desc"
    _rec_name = "date"

    quote_id = fields.Many2one("crm.quote", required=True, index=True,
                               ondelete="cascade", readonly=True)
    opportunity_id = fields.Many2one(
        "crm.opportunity", related="quote_id.opportunity_id", store=True, readonly=True,
        index=True, string="Opportunity")
    company_id = fields.Many2one("res.company", related="quote_id.company_id", store=True,
                                 readonly=True, string="Company")
    kind = fields.Selection(KINDS, string="Type", required=True, default="view", readonly=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now,
                           readonly=True, index=True)
    duration = fields.Integer(string="Time on page (s)", readonly=True,
                              help="Seconds the page was visible on the customer's screen.")
    duration_display = fields.Char(string="Time on page", compute="_compute_duration_display")
    ip_address = fields.Char(string="IP address", readonly=True)
    user_agent = fields.Char(string="Browser", readonly=True)
    # what the page sends back with its pings: only the page that created this
    # visit can update its duration (groups: never shown, never exported)
    ping_key = fields.Char(string="Ping key", readonly=True, copy=False,
                           groups="base.group_system",
                           default=lambda self: uuid.uuid4().hex)

    @api.depends("duration", "kind")
    def _compute_duration_display(self):
        for visit in self:
            if visit.kind != "view":
                visit.duration_display = ""
                continue
            visit.duration_display = self._crm_format_duration(visit.duration)

    @api.model
    def _crm_format_duration(self, seconds):
        """``1 h 02 min``, ``3 min 05 s``, ``42 s``."""
        seconds = int(seconds or 0)
        hours, rest = divmod(seconds, 3600)
        minutes, secs = divmod(rest, 60)
        if hours:
            return _("%(hours)d h %(minutes)02d min") % {"hours": hours, "minutes": minutes}
        if minutes:
            return _("%(minutes)d min %(seconds)02d s") % {"minutes": minutes, "seconds": secs}
        return _("%d s") % secs

    @api.model
    def _crm_record(self, quote, kind, ip_address=None, user_agent=None):
        """Record a page view or a download of ``quote`` (sudo record of the
        controller); the first page view posts a note on the quote."""
        first_view = kind == "view" and not self.sudo().search_count(
            [("quote_id", "=", quote.id), ("kind", "=", "view")])
        visit = self.sudo().create({
            "quote_id": quote.id,
            "kind": kind,
            "ip_address": (ip_address or "")[:64] or False,
            "user_agent": (user_agent or "")[:USER_AGENT_MAX] or False,
        })
        if first_view:
            quote._crm_post_share_event(quote._crm_staff()._crm_note_opened())
        return visit

    def _crm_ping(self, key, seconds):
        """The page was visible ``seconds`` so far: keep the longest time
        reported, never more than the time since the page was opened."""
        self.ensure_one()
        visit = self.sudo()
        if visit.kind != "view" or not key or not visit.ping_key:
            return False
        if not hmac.compare_digest(visit.ping_key, key):
            return False
        try:
            seconds = int(float(seconds))
        except (TypeError, ValueError):
            return False
        opened = fields.Datetime.from_string(visit.date)
        elapsed = (datetime.datetime.utcnow() - opened).total_seconds() + PING_SLACK_SECONDS
        seconds = max(0, min(seconds, int(elapsed), MAX_VIEW_SECONDS))
        if seconds > visit.duration:
            visit.write({"duration": seconds})
        return True
