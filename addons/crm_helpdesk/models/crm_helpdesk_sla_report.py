# -*- coding: utf-8 -*-
from odoo import fields, models, tools


class CrmHelpdeskSlaReport(models.Model):
    """SLA success per team and period: one row per ticket with an SLA policy
    (cancelled tickets left out), read as a pivot or a graph. The success rate
    is the average of ``success`` (100 when met, 0 when failed or late, empty
    while the ticket is still on track or at risk, so that the average counts
    only tickets whose outcome is known)."""
    _name = "crm.helpdesk.sla.report"
    _description = "SLA success per team and period"
    _auto = False
    _order = "date desc"
    _rec_name = "ticket_id"

    ticket_id = fields.Many2one("crm.ticket", readonly=True)
    team_id = fields.Many2one("crm.helpdesk.team", readonly=True)
    sla_id = fields.Many2one("crm.helpdesk.sla", string="SLA policy", readonly=True)
    user_id = fields.Many2one("res.users", string="Assigned to", readonly=True)
    category_id = fields.Many2one("crm.ticket.category", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    priority = fields.Selection([("0", "Low"), ("1", "Normal"), ("2", "High"),
                                 ("3", "Urgent")], readonly=True)
    date = fields.Datetime(string="Opened on", readonly=True)
    sla_status = fields.Selection(
        [("on_track", "On track"), ("at_risk", "At risk"), ("late", "Late"), ("met", "Met"),
         ("failed", "Failed")], string="SLA", readonly=True)
    ticket_count = fields.Integer(string="Tickets with an SLA", readonly=True)
    met_count = fields.Integer(string="Met", readonly=True)
    failed_count = fields.Integer(string="Failed", readonly=True,
                                  help="Closed after a deadline, or still open and late.")
    success = fields.Float(string="Success rate (%)", readonly=True, group_operator="avg")
    response_hours = fields.Float(string="First response (business hours, average)",
                                  readonly=True, group_operator="avg")
    resolution_hours = fields.Float(string="Resolution (business hours, average)",
                                    readonly=True, group_operator="avg")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute("""
            CREATE VIEW %s AS (
                SELECT t.id AS id, t.id AS ticket_id, t.team_id, t.sla_id, t.user_id,
                       t.category_id, t.company_id, t.priority,
                       COALESCE(t.sla_start_date, t.create_date) AS date, t.sla_status,
                       1 AS ticket_count,
                       CASE WHEN t.sla_status = 'met' THEN 1 ELSE 0 END AS met_count,
                       CASE WHEN t.sla_status IN ('failed', 'late') THEN 1 ELSE 0 END
                           AS failed_count,
                       CASE WHEN t.sla_status = 'met' THEN 100.0
                            WHEN t.sla_status IN ('failed', 'late') THEN 0.0 END AS success,
                       CASE WHEN t.first_response_date IS NOT NULL
                            THEN t.sla_response_hours END AS response_hours,
                       CASE WHEN t.sla_status IN ('met', 'failed')
                            THEN t.sla_resolution_hours END AS resolution_hours
                  FROM crm_ticket t
                 WHERE t.sla_id IS NOT NULL AND t.active
                   AND COALESCE(t.stage_state, '') != 'cancelled'
                   AND t.sla_status != 'none'
            )""" % self._table)
