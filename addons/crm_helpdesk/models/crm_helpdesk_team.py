# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.tools.safe_eval import safe_eval


class CrmHelpdeskTeam(models.Model):
    """A support team: its members, its e-mail alias (every mail to it opens
    or threads into a ticket of the team), its working hours (the SLA clock
    counts only these, minus the public holidays of its region), its stages,
    its SLA policies and how new tickets are assigned."""
    _name = "crm.helpdesk.team"
    _description = "Helpdesk team"
    _inherit = ["mail.alias.mixin", "mail.thread", "crm.round.robin.mixin"]
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True, track_visibility="onchange")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    company_id = fields.Many2one("res.company", required=True, index=True,
                                 default=lambda self: self.env.user.company_id)
    user_id = fields.Many2one("res.users", string="Team leader", track_visibility="onchange",
                              help="Escalations are sent to the team leader.")
    member_ids = fields.Many2many(
        "res.users", "crm_helpdesk_team_member_rel", "team_id", "user_id",
        string="Members", domain=[("share", "=", False)])
    alias_id = fields.Many2one(
        "mail.alias", ondelete="restrict", required=True,
        help="The e-mail address of the team: a mail sent to it opens a ticket of the team, "
             "or is added to the ticket it answers.")
    resource_calendar_id = fields.Many2one(
        "resource.calendar", string="Working hours", required=True,
        default=lambda self: self.env.user.company_id.resource_calendar_id,
        help="The SLA clock of the team's tickets counts only these hours, minus the "
             "calendar's closures and the public holidays below.")
    holidays_region = fields.Selection(
        [("none", "None"), ("fr", "France"),
         ("fr_alsace_moselle", "France, Alsace-Moselle (with Good Friday and 26 December)")],
        string="Public holidays", required=True, default="fr",
        help="Public holidays the SLA clock skips, on top of the calendar's closures.")
    stage_ids = fields.Many2many(
        "crm.ticket.stage", "crm_helpdesk_team_stage_rel", "team_id", "stage_id",
        string="Stages")
    assign_method = fields.Selection(
        [("manual", "Manually"), ("round_robin", "Each member in turn"),
         ("least_open", "The member with the fewest open tickets")],
        string="Assignment", required=True, default="round_robin",
        help="Who gets a new ticket: only members working at that moment (working hours, "
             "leaves), and, when the category has members with that skill, one of them.")
    ticket_ids = fields.One2many("crm.ticket", "team_id", string="Tickets")
    sla_ids = fields.One2many("crm.helpdesk.sla", "team_id", string="SLA policies")

    def get_alias_model_name(self, vals):
        return "crm.ticket"

    def get_alias_values(self):
        values = super(CrmHelpdeskTeam, self).get_alias_values()
        defaults = safe_eval(self.alias_defaults or "{}")
        defaults["team_id"] = self.id
        values["alias_defaults"] = defaults
        return values

    @api.model
    def _crm_default_stages(self):
        """The stages shared by every team (no team set on them)."""
        return self.env["crm.ticket.stage"].search([("team_ids", "=", False)])

    def _crm_first_stage(self):
        """Where a new ticket of this team starts."""
        self.ensure_one()
        stages = self.stage_ids or self._crm_default_stages()
        return stages.filtered(lambda s: s.state == "new")[:1] or stages[:1]

    def action_crm_open_tickets(self):
        self.ensure_one()
        action = self.env.ref("crm_helpdesk.crm_ticket_action").read()[0]
        action["domain"] = [("team_id", "=", self.id)]
        action["context"] = {"default_team_id": self.id, "search_default_open": 1}
        action["display_name"] = _("Tickets of %s") % self.name
        return action
