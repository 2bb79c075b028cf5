# -*- coding: utf-8 -*-
from odoo import _, api, fields, models

from .crm_ticket_stage import CLOSED_STATES

PRIORITIES = [("0", "Low"), ("1", "Normal"), ("2", "High"), ("3", "Urgent")]
CHANNELS = [("email", "E-mail"), ("web", "Web form"), ("chat", "Live chat"),
            ("phone", "Phone"), ("portal", "Customer portal"), ("manual", "Typed in")]


class CrmTicket(models.Model):
    """A customer's request to the support team.

    Its number (``TK-00042``) is in the subject of every mail about it, so a
    reply threads back into it. The stage's ``state`` says what it means:
    waiting for the customer pauses the SLA clocks, solved or cancelled closes
    the ticket (``closed_date``)."""
    _name = "crm.ticket"
    _description = "Ticket"
    _inherit = ["mail.thread", "mail.activity.mixin", "rating.mixin", "portal.mixin",
                "crm.timeline.mixin"]
    _order = "priority desc, id desc"
    _rec_name = "name"

    number = fields.Char(readonly=True, copy=False, index=True,
                         default=lambda self: _("New"))
    name = fields.Char(string="Subject", required=True, track_visibility="onchange")
    description = fields.Html(sanitize=True)
    active = fields.Boolean(default=True)
    color = fields.Integer()
    team_id = fields.Many2one("crm.helpdesk.team", index=True,
                              track_visibility="onchange",
                              default=lambda self: self._default_team())
    company_id = fields.Many2one("res.company", required=True, index=True,
                                 default=lambda self: self.env.user.company_id)
    stage_id = fields.Many2one(
        "crm.ticket.stage", index=True, track_visibility="onchange",
        group_expand="_read_group_stage_ids", copy=False,
        domain="['|', ('team_ids', '=', False), ('team_ids', '=', team_id)]")
    stage_state = fields.Selection(related="stage_id.state", store=True, readonly=True,
                                   string="Status")
    is_closed = fields.Boolean(compute="_compute_is_closed", store=True)
    user_id = fields.Many2one("res.users", string="Assigned to", index=True,
                              track_visibility="onchange", domain=[("share", "=", False)])
    partner_id = fields.Many2one("res.partner", string="Customer", index=True,
                                 track_visibility="onchange")
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, readonly=True,
        string="Customer company")
    partner_name = fields.Char(string="Customer name")
    partner_email = fields.Char(string="E-mail")
    partner_phone = fields.Char(string="Phone")
    priority = fields.Selection(PRIORITIES, default="1", index=True,
                                track_visibility="onchange")
    category_id = fields.Many2one("crm.ticket.category", index=True)
    tag_ids = fields.Many2many("crm.ticket.tag", string="Tags")
    channel = fields.Selection(CHANNELS, default="manual", required=True,
                               help="How the ticket came in.")
    date_last_stage_update = fields.Datetime(string="Last stage change", readonly=True,
                                             copy=False, default=fields.Datetime.now)
    first_response_date = fields.Datetime(
        string="First response", readonly=True, copy=False,
        help="When the team first wrote to the customer.")
    closed_date = fields.Datetime(string="Closed on", readonly=True, copy=False, index=True)

    _sql_constraints = [("crm_ticket_number_company_unique", "UNIQUE(number, company_id)",
                         "This ticket number already exists.")]

    @api.model
    def _default_team(self):
        team_id = self.env.context.get("default_team_id")
        if team_id:
            return self.env["crm.helpdesk.team"].browse(team_id)
        Team = self.env["crm.helpdesk.team"]
        return Team.search([("member_ids", "in", self.env.uid)], limit=1) or \
            Team.search([], limit=1)

    @api.depends("stage_id.state")
    def _compute_is_closed(self):
        for ticket in self:
            ticket.is_closed = ticket.stage_id.state in CLOSED_STATES

    @api.model
    def _read_group_stage_ids(self, stages, domain, order):
        team_id = self.env.context.get("default_team_id")
        search = [("team_ids", "=", False)]
        if team_id:
            search = ["|", ("team_ids", "=", team_id)] + search
        return stages.search(search, order=order)

    def name_get(self):
        return [(ticket.id, "[%s] %s" % (ticket.number, ticket.name)) for ticket in self]

    @api.model
    def name_search(self, name="", args=None, operator="ilike", limit=100):
        if name:
            tickets = self.search(["|", ("number", "=ilike", name.strip()),
                                   ("name", operator, name)] + (args or []), limit=limit)
            return tickets.name_get()
        return super(CrmTicket, self).name_search(name, args, operator, limit)

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        if self.partner_id:
            self.partner_name = self.partner_id.name
            self.partner_email = self.partner_id.email
            self.partner_phone = self.partner_id.phone or self.partner_id.mobile

    @api.model
    def _crm_customer_for(self, email, name=None, create=True):
        """The contact of a customer who writes in (mail, web form, chat):
        found by e-mail address (any case; a person before a company), else
        created with ``name`` when ``create``; an empty recordset without a
        valid address. Runs as superuser: the public form and the mail
        gateway call it."""
        email = (email or "").strip()
        if "@" not in email or len(email) > 254:
            return self.env["res.partner"]
        Partner = self.env["res.partner"].sudo()
        found = Partner.search([("email", "=ilike", email)], order="is_company, id", limit=1)
        if found or not create:
            return found
        return Partner.create({"name": (name or "").strip() or email, "email": email})

    # ------------------------------------------------------------------ life

    @api.model
    def create(self, vals):
        vals = dict(vals)
        company_id = vals.get("company_id") or self.env.user.company_id.id
        if not vals.get("number") or vals.get("number") == _("New"):
            vals["number"] = self.env["ir.sequence"].with_context(
                force_company=company_id).next_by_code("crm.ticket") or "/"
        if vals.get("team_id") and not vals.get("stage_id"):
            team = self.env["crm.helpdesk.team"].browse(vals["team_id"])
            vals["stage_id"] = team._crm_first_stage().id
        elif not vals.get("stage_id"):
            vals["stage_id"] = self.env["crm.helpdesk.team"]._crm_default_stages()[:1].id
        ticket = super(CrmTicket, self).create(vals)
        ticket._crm_on_create(vals)
        return ticket

    def write(self, vals):
        old_states = {}
        if "stage_id" in vals:
            vals = dict(vals, date_last_stage_update=fields.Datetime.now())
            old_states = {ticket.id: ticket.stage_state for ticket in self}
            state = self.env["crm.ticket.stage"].browse(vals["stage_id"]).state
            if state in CLOSED_STATES:
                vals.setdefault("closed_date", fields.Datetime.now())
            else:
                vals["closed_date"] = False
        result = super(CrmTicket, self).write(vals)
        if old_states:
            self._crm_on_stage_change(old_states)
        return result

    def _crm_on_create(self, vals):
        """Hook after a ticket is created (assignment, SLA deadlines...):
        extensions do their part and call super()."""

    def _crm_on_stage_change(self, old_states):
        """Hook after a stage change; ``old_states``: {ticket id: previous
        stage state}. Extensions (SLA pause, rating request) call super()."""

    # --------------------------------------------------------------- the 360°

    @api.model
    def _crm_timeline_sources(self):
        return [{"key": "tickets", "label": _("Tickets"), "icon": "fa-life-ring",
                 "sequence": 70, "date_field": "create_date",
                 "count_field": "crm_ticket_count"}]

    @api.model
    def _crm_timeline_domain(self, key, partners):
        return [("partner_id", "in", partners.ids)]
