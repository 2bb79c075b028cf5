# -*- coding: utf-8 -*-
"""The figures of a team's card in the helpdesk Overview: open tickets,
unassigned, urgent, at risk and late (the SLA status, when the SLA part is
there); each figure opens its list. One read_group per figure for all the
cards shown."""
from odoo import _, fields, models

# figure: domain of the open tickets it counts
FIGURES = {
    "open": [],
    "unassigned": [("user_id", "=", False)],
    "urgent": [("priority", "=", "3")],
    "at_risk": [("sla_status", "=", "at_risk")],
    "late": [("sla_status", "=", "late")],
}
SLA_FIGURES = ("at_risk", "late")


class CrmHelpdeskTeam(models.Model):
    _inherit = "crm.helpdesk.team"

    crm_open_count = fields.Integer(string="Open tickets", compute="_compute_crm_dashboard")
    crm_unassigned_count = fields.Integer(string="Unassigned",
                                          compute="_compute_crm_dashboard")
    crm_urgent_count = fields.Integer(string="Urgent", compute="_compute_crm_dashboard")
    crm_at_risk_count = fields.Integer(string="At risk", compute="_compute_crm_dashboard")
    crm_late_count = fields.Integer(string="Late", compute="_compute_crm_dashboard")

    def _crm_figure_domain(self, figure):
        return [("team_id", "in", self.ids), ("is_closed", "=", False)] + FIGURES[figure]

    def _compute_crm_dashboard(self):
        Ticket = self.env["crm.ticket"]
        has_sla = "sla_status" in Ticket._fields
        teams = self.filtered(lambda team: isinstance(team.id, int))
        for figure in FIGURES:
            counts = {}
            if teams and (has_sla or figure not in SLA_FIGURES):
                groups = Ticket.read_group(teams._crm_figure_domain(figure), ["team_id"],
                                           ["team_id"])
                counts = {group["team_id"][0]: group["team_id_count"] for group in groups}
            for team in self:
                team["crm_%s_count" % figure] = counts.get(team.id, 0)

    def action_crm_open_figure(self):
        """The tickets behind the figure named by the context key ``crm_figure``."""
        self.ensure_one()
        figure = self.env.context.get("crm_figure") or "open"
        if figure not in FIGURES:
            figure = "open"
        action = self.action_crm_open_tickets()
        action["domain"] = self._crm_figure_domain(figure)
        action["context"] = {"default_team_id": self.id}
        titles = {"open": _("Open tickets of %s"), "unassigned": _("Unassigned tickets of %s"),
                  "urgent": _("Urgent tickets of %s"), "at_risk": _("Tickets at risk of %s"),
                  "late": _("Late tickets of %s")}
        action["display_name"] = action["name"] = titles[figure] % self.name
        return action
