# -*- coding: utf-8 -*-
"""Warnings before an SLA deadline and escalation after it (the cron of
data/crm_helpdesk_sla_cron.xml, every 5 minutes).

Each notice is sent once per ticket and deadline: the ticket keeps the
deadline it warned or escalated for. A deadline that moves (a new priority, a
pause) may be warned about again; the same one never twice."""
import logging

from odoo import _, api, fields, models

_logger = logging.getLogger(__name__)

# kind -> (deadline field, warning field, warned-for field, escalated-for field)
NOTICE_FIELDS = {
    "response": ("sla_response_deadline", "sla_response_warn_date",
                 "sla_response_warned_for", "sla_response_escalated_for"),
    "resolution": ("sla_resolution_deadline", "sla_resolution_warn_date",
                   "sla_resolution_warned_for", "sla_resolution_escalated_for"),
}


class CrmTicket(models.Model):
    _inherit = "crm.ticket"

    sla_response_warned_for = fields.Datetime(readonly=True, copy=False,
                                              string="First response warning sent for")
    sla_response_escalated_for = fields.Datetime(readonly=True, copy=False,
                                                 string="First response escalated for")
    sla_resolution_warned_for = fields.Datetime(readonly=True, copy=False,
                                                string="Resolution warning sent for")
    sla_resolution_escalated_for = fields.Datetime(readonly=True, copy=False,
                                                   string="Resolution escalated for")

    @api.model
    def _crm_cron_sla(self):
        """Refresh the SLA status of open tickets, warn the assignees of the
        tickets at risk and escalate the late ones."""
        tickets = self.search([("is_closed", "=", False), ("sla_id", "!=", False)])
        tickets._crm_sla_refresh_status()
        now = fields.Datetime.now()
        for ticket in tickets.filtered(lambda t: not t.sla_pause_start):
            ticket._crm_sla_notify(now)
        return True

    def _crm_sla_notify(self, now):
        """Send what is due for this ticket at ``now`` (once per deadline)."""
        self.ensure_one()
        for kind, (deadline_f, warn_f, warned_f, escalated_f) in NOTICE_FIELDS.items():
            deadline = self[deadline_f]
            if not deadline or (kind == "response" and self.first_response_date):
                continue
            if now >= deadline:
                if self[escalated_f] != deadline:
                    self.write({escalated_f: deadline, warned_f: deadline})
                    self._crm_sla_escalate(kind, deadline)
            elif self[warn_f] and now >= self[warn_f] and self[warned_f] != deadline:
                self.write({warned_f: deadline})
                self._crm_sla_warn(kind, deadline)

    def _crm_sla_what(self, kind):
        return _("first response") if kind == "response" else _("resolution")

    def _crm_sla_when(self, deadline):
        """The deadline in the reader's time zone, as text."""
        moment = fields.Datetime.context_timestamp(
            self.with_context(tz=self.team_id.sla_tz), fields.Datetime.from_string(deadline))
        return moment.strftime("%d/%m/%Y %H:%M")

    def _crm_sla_warn(self, kind, deadline):
        user = self.user_id or self.team_id.user_id
        body = _("SLA warning: the %(what)s of %(number)s is due on %(when)s.") % {
            "what": self._crm_sla_what(kind), "number": self.number,
            "when": self._crm_sla_when(deadline)}
        self.message_post(body=body, subtype="mail.mt_note", message_type="comment",
                          partner_ids=user.partner_id.ids)

    def _crm_sla_escalate(self, kind, deadline):
        leader = self.team_id.user_id
        body = _("SLA missed: the %(what)s of %(number)s was due on %(when)s; escalated to "
                 "the team leader.") % {"what": self._crm_sla_what(kind), "number": self.number,
                                        "when": self._crm_sla_when(deadline)}
        self.message_post(body=body, subtype="mail.mt_note", message_type="comment",
                          partner_ids=leader.partner_id.ids)
        if not leader:
            _logger.info("ticket %s late, its team has no leader to escalate to", self.number)
            return
        todo = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        self.env["mail.activity"].sudo().create({
            "res_model_id": self.env["ir.model"]._get_id(self._name),
            "res_id": self.id,
            "activity_type_id": todo.id if todo else False,
            "user_id": leader.id,
            "summary": _("Late ticket %s") % self.number,
            "note": body,
            "date_deadline": fields.Date.context_today(self),
        })
        if self.sla_id.escalate_reassign and self.user_id != leader:
            self.write({"user_id": leader.id})
