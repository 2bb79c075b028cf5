# -*- coding: utf-8 -*-
import datetime

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import UserError

PRIORITIES = [("0", "Normal"), ("1", "Good"), ("2", "Very good"), ("3", "Excellent")]
STATES = [("open", "Open"), ("won", "Won"), ("lost", "Lost")]


class CrmOpportunity(models.Model):
    """A deal with a company: what it may bring (budget and probability),
    when (expected close date, then payment), where it stands (stage)."""
    _name = "crm.opportunity"
    _description = "Opportunity"
    _inherit = ["mail.thread", "mail.activity.mixin", "crm.timeline.mixin",
                "crm.custom.field.mixin", "crm.meeting.mixin", "crm.rgpd.mixin",
                "crm.read.group.mixin", "crm.format.mixin"]
    _order = "priority desc, expected_close_date, id desc"
    _crm_custom_field_views = {
        "form": "crm_sales.crm_opportunity_view_form",
        "search": "crm_sales.crm_opportunity_view_search",
        "tree": "crm_sales.crm_opportunity_view_tree",
    }

    name = fields.Char(string="Opportunity", required=True, track_visibility="onchange")
    active = fields.Boolean(default=True)
    partner_id = fields.Many2one(
        "res.partner", string="Customer", index=True, track_visibility="onchange",
        help="The company (or the private customer) the deal is with.")
    contact_id = fields.Many2one(
        "res.partner", index=True,
        domain="[('is_company', '=', False)]",
        help="The person you deal with.")
    contact_email = fields.Char(related="contact_id.email", string="Email", readonly=True)
    contact_phone = fields.Char(related="contact_id.phone", string="Phone", readonly=True)
    user_id = fields.Many2one(
        "res.users", string="Owner", index=True, track_visibility="onchange",
        default=lambda self: self.env.user)
    team_id = fields.Many2one(
        "crm.sales.team", string="Sales team", index=True, track_visibility="onchange",
        default=lambda self: self.env["crm.sales.team"]._crm_default_team())
    company_id = fields.Many2one(
        "res.company", required=True, index=True,
        default=lambda self: self.env.user.company_id)
    currency_id = fields.Many2one(
        "res.currency", related="company_id.currency_id", store=True, readonly=True)
    stage_id = fields.Many2one(
        "crm.opportunity.stage", index=True, track_visibility="onchange",
        ondelete="restrict", group_expand="_read_group_stage_ids",
        default=lambda self: self._default_stage(),
        domain="['|', ('team_id', '=', False), ('team_id', '=', team_id)]")
    state = fields.Selection(
        STATES, string="Status", compute="_compute_state", store=True, index=True,
        help="Won or lost as soon as the opportunity is in a won or lost stage.")
    expected_revenue = fields.Monetary(
        string="Budget", currency_field="currency_id", track_visibility="onchange",
        help="The amount the deal should bring, excluding VAT.")
    probability = fields.Float(
        string="Probability (%)", group_operator="avg", track_visibility="onchange",
        help="Set by the stage; change it to keep your own estimate.")
    probability_manual = fields.Boolean(
        string="Own probability", help="The probability no longer follows the stage.")
    weighted_revenue = fields.Monetary(
        string="Weighted amount", currency_field="currency_id",
        compute="_compute_weighted_revenue", store=True,
        help="Budget x probability.")
    expected_close_date = fields.Date(
        string="Expected close", index=True, track_visibility="onchange")
    payment_term_id = fields.Many2one(
        "crm.payment.term", string="Payment terms",
        default=lambda self: self.env.ref("crm_sales.crm_payment_term_30", False))
    expected_payment_date = fields.Date(
        string="Expected payment", compute="_compute_expected_payment_date", store=True,
        help="Expected close date plus the payment terms: when the cash comes in.")
    priority = fields.Selection(PRIORITIES, default="0", index=True)
    tag_ids = fields.Many2many(
        "crm.opportunity.tag", "crm_opportunity_tag_rel", "opportunity_id", "tag_id",
        string="Tags")
    source_id = fields.Many2one("utm.source")
    campaign_id = fields.Many2one("utm.campaign")
    description = fields.Html(string="Notes", sanitize=True)
    color = fields.Integer()
    lost_reason_id = fields.Many2one(
        "crm.opportunity.lost.reason", string="Lost reason", track_visibility="onchange")
    lost_note = fields.Text(string="Why it was lost")
    date_closed = fields.Datetime(string="Closed on", readonly=True, copy=False)
    date_stage = fields.Datetime(
        string="In this stage since", readonly=True, copy=False,
        default=fields.Datetime.now)

    _sql_constraints = [
        ("probability_range", "CHECK(probability >= 0 AND probability <= 100)",
         "The probability is between 0 and 100 %."),
        ("revenue_positive", "CHECK(expected_revenue >= 0)",
         "The budget cannot be negative."),
    ]

    # ------------------------------------------------------------ defaults
    @api.model
    def _default_stage(self):
        team = self.env["crm.sales.team"].browse(self.env.context.get("default_team_id"))
        if not team:
            team = self.env["crm.sales.team"]._crm_default_team()
        return self.env["crm.opportunity.stage"]._crm_first_stage(team)

    @api.model
    def _read_group_stage_ids(self, stages, domain, order):
        """Every column of the pipeline shown, even empty: the stages of the
        team of the context (shared ones included)."""
        team_id = self.env.context.get("default_team_id")
        search_domain = [("team_id", "=", False)]
        if team_id:
            search_domain = ["|", ("team_id", "=", team_id)] + search_domain
        return stages.search(search_domain, order=order)

    # ------------------------------------------------------------ computes
    @api.depends("stage_id.is_won", "stage_id.is_lost")
    def _compute_state(self):
        for opp in self:
            stage = opp.stage_id
            opp.state = "won" if stage.is_won else "lost" if stage.is_lost else "open"

    @api.depends("expected_revenue", "probability")
    def _compute_weighted_revenue(self):
        for opp in self:
            opp.weighted_revenue = opp.expected_revenue * opp.probability / 100.0

    @api.depends("expected_close_date", "payment_term_id.days", "payment_term_id.end_of_month")
    def _compute_expected_payment_date(self):
        for opp in self:
            close = fields.Date.from_string(opp.expected_close_date)
            if close and opp.payment_term_id:
                opp.expected_payment_date = opp.payment_term_id._crm_due_date(close)
            else:
                opp.expected_payment_date = opp.expected_close_date

    # ------------------------------------------------------------ onchanges
    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        if self.contact_id and self.partner_id and \
                self.contact_id.commercial_partner_id != self.partner_id.commercial_partner_id:
            self.contact_id = False
        if self.partner_id and not self.partner_id.is_company and not self.contact_id:
            self.contact_id = self.partner_id
            if self.partner_id.parent_id:
                self.partner_id = self.partner_id.parent_id

    @api.onchange("contact_id")
    def _onchange_contact_id(self):
        if self.contact_id and self.contact_id.parent_id and not self.partner_id:
            self.partner_id = self.contact_id.parent_id

    @api.onchange("stage_id")
    def _onchange_stage_id(self):
        values = self._stage_values(self.stage_id)
        if self.probability_manual and not (self.stage_id.is_won or self.stage_id.is_lost):
            values.pop("probability", None)
        values.pop("date_closed", None)
        values.pop("date_stage", None)
        self.update(values)

    @api.onchange("team_id")
    def _onchange_team_id(self):
        if self.team_id and self.stage_id.team_id and self.stage_id.team_id != self.team_id:
            self.stage_id = self.env["crm.opportunity.stage"]._crm_first_stage(self.team_id)

    # ------------------------------------------------------------ CRUD
    @api.model
    def _stage_values(self, stage):
        """What entering ``stage`` changes on an opportunity."""
        values = {"date_stage": fields.Datetime.now()}
        if not stage:
            return values
        values["probability"] = stage.probability
        if stage.is_won:
            values.update(probability=100.0, date_closed=fields.Datetime.now(),
                          lost_reason_id=False)
        elif stage.is_lost:
            values.update(probability=0.0, date_closed=fields.Datetime.now())
        else:
            values.update(date_closed=False, lost_reason_id=False)
        return values

    @api.model
    def create(self, vals):
        vals = dict(vals)
        if not vals.get("stage_id") and self.env.context.get("default_stage_id"):
            # the Kanban's quick create in a column passes that column's stage
            vals["stage_id"] = self.env.context["default_stage_id"]
        if "team_id" not in vals and self.env.context.get("default_team_id"):
            # the stage is chosen below from the team: apply the team's default first
            vals["team_id"] = self.env.context["default_team_id"]
        if vals.get("team_id") and not vals.get("stage_id"):
            team = self.env["crm.sales.team"].browse(vals["team_id"])
            vals["stage_id"] = self.env["crm.opportunity.stage"]._crm_first_stage(team).id
        stage = self.env["crm.opportunity.stage"].browse(vals.get("stage_id") or [])
        if not stage:
            stage = self.with_context(default_team_id=vals.get("team_id"))._default_stage()
            vals["stage_id"] = stage.id
        stage_values = self._stage_values(stage)
        if "probability" in vals and not stage.is_won and not stage.is_lost:
            vals.setdefault("probability_manual", vals["probability"] != stage.probability)
            stage_values.pop("probability")
        for key, value in stage_values.items():
            vals.setdefault(key, value)
        return super(CrmOpportunity, self).create(vals)

    def write(self, vals):
        vals = dict(vals)
        if "probability" in vals and "stage_id" not in vals and "probability_manual" not in vals:
            # a probability typed in by hand stops following the stage
            vals["probability_manual"] = any(
                vals["probability"] != opp.stage_id.probability for opp in self)
        if not vals.get("stage_id"):
            return super(CrmOpportunity, self).write(vals)
        stage = self.env["crm.opportunity.stage"].browse(vals["stage_id"])
        for key, value in self._stage_values(stage).items():
            if key != "probability":
                vals.setdefault(key, value)
        if "probability" in vals:
            return super(CrmOpportunity, self).write(vals)
        if stage.is_won or stage.is_lost:
            vals["probability"] = stage.probability
            return super(CrmOpportunity, self).write(vals)
        # an open opportunity with its own probability keeps it from stage to
        # stage; the others (and a reopened one) take the stage's
        own = self.filtered(lambda o: o.probability_manual and o.state == "open")
        result = True
        if own:
            result = super(CrmOpportunity, own).write(vals)
        if self - own:
            vals.update(probability=stage.probability, probability_manual=False)
            result = super(CrmOpportunity, self - own).write(vals)
        return result

    # ------------------------------------------------------------ pipeline
    @api.model
    def read_progress_bar(self, domain, group_by, progress_bar):
        """The activity bars of the pipeline's columns in one grouped query.

        Odoo's read_progress_bar reads activity_state, computed in Python
        opportunity by opportunity, for every opportunity of the domain: 35 to
        53 s for 100,000 opportunities in bench/bench_pipeline.py, at each load
        of the pipeline, filter change or drag and drop. Same rule as
        mail.activity and its mixin: the earliest deadline of the opportunity's
        activities against today in the time zone of each activity's user.
        """
        if progress_bar.get("field") != "activity_state" or group_by != "stage_id":
            return super(CrmOpportunity, self).read_progress_bar(domain, group_by, progress_bar)
        self.check_access_rights("read")
        query = self._where_calc(domain or [])
        self._apply_ir_rules(query, "read")
        from_clause, where_clause, where_params = query.get_sql()
        today_rows, today_params = self._crm_today_by_timezone()
        params = ([fields.Date.to_string(datetime.date.today())] + today_params + [self._name]
                  + where_params)
        self.env.cr.execute("""
            SELECT "crm_opportunity".stage_id,
                   CASE WHEN activity.delta < 0 THEN 'overdue'
                        WHEN activity.delta = 0 THEN 'today'
                        WHEN activity.delta > 0 THEN 'planned' END,
                   count(*)
              FROM %s
              LEFT JOIN (SELECT act.res_id,
                                min(act.date_deadline - COALESCE(today.day, %%s::date)) AS delta
                           FROM mail_activity act
                           LEFT JOIN res_users act_user ON act_user.id = act.user_id
                           LEFT JOIN res_partner act_partner ON act_partner.id = act_user.partner_id
                           LEFT JOIN (VALUES %s) AS today(tz, day) ON today.tz = act_partner.tz
                          WHERE act.res_model = %%s AND act.date_deadline IS NOT NULL
                          GROUP BY act.res_id) activity ON activity.res_id = "crm_opportunity".id
             WHERE %s
          GROUP BY 1, 2""" % (from_clause, today_rows, where_clause or "TRUE"), params)
        rows = self.env.cr.fetchall()
        names = dict(self.env["crm.opportunity.stage"].browse(
            {row[0] for row in rows if row[0]}).name_get())
        data = {}
        for stage_id, state, count in rows:
            counts = data.setdefault(names.get(stage_id, False),
                                     dict.fromkeys(progress_bar["colors"], 0))
            if state in counts:
                counts[state] += count
        return data

    @api.model
    def _crm_today_by_timezone(self):
        """``(VALUES rows, params)``: today's date in each time zone of the
        users (as mail.activity counts an activity's day; a few rows)."""
        self.env.cr.execute("SELECT DISTINCT partner.tz FROM res_users u "
                            "JOIN res_partner partner ON partner.id = u.partner_id "
                            "WHERE partner.tz IS NOT NULL AND partner.tz != ''")
        now = pytz.UTC.localize(datetime.datetime.utcnow())
        params = []
        for (tz,) in self.env.cr.fetchall():
            try:
                day = now.astimezone(pytz.timezone(tz)).date()
            except pytz.UnknownTimeZoneError:
                continue  # mail.activity would fail on it too; count it in server time
            params += [tz, fields.Date.to_string(day)]
        if not params:
            return "(NULL::varchar, NULL::date)", []
        return ", ".join(["(%s, %s::date)"] * (len(params) // 2)), params

    # ------------------------------------------------------------ actions
    def _crm_move_to(self, stage_getter, vals=None):
        for opp in self:
            stage = stage_getter(opp.team_id)
            if not stage:
                raise UserError(_("The pipeline of %s has no such stage: add one in "
                                  "Configuration > Stages.") % opp.display_name)
            opp.write(dict(vals or {}, stage_id=stage.id))
        return True

    def action_set_won(self):
        return self._crm_move_to(self.env["crm.opportunity.stage"]._crm_won_stage)

    def action_set_lost(self, lost_reason_id=False, lost_note=False):
        return self._crm_move_to(self.env["crm.opportunity.stage"]._crm_lost_stage, {
            "lost_reason_id": lost_reason_id, "lost_note": lost_note})

    def action_open_lost_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": _("Mark as lost"),
            "res_model": "crm.opportunity.lost",
            "view_mode": "form",
            "target": "new",
            "context": {"active_ids": self.ids, "active_model": self._name},
        }

    def action_reopen(self):
        return self._crm_move_to(self.env["crm.opportunity.stage"]._crm_first_stage)

    # ------------------------------------------------------------ crm_base hooks
    @api.model
    def _crm_timeline_sources(self):
        sources = super(CrmOpportunity, self)._crm_timeline_sources()
        return sources + [{
            "key": "opportunities", "label": _("Opportunities"), "icon": "fa-star",
            "sequence": 15, "date_field": "create_date",
            "count_field": "crm_opportunity_count",
        }]

    @api.model
    def _crm_timeline_domain(self, key, partners):
        if key == "opportunities":
            return ["|", ("partner_id", "in", partners.ids), ("contact_id", "in", partners.ids)]
        return super(CrmOpportunity, self)._crm_timeline_domain(key, partners)

    def _crm_timeline_values(self, key):
        items = super(CrmOpportunity, self)._crm_timeline_values(key)
        if key == "opportunities":
            for item, opp in zip(items, self):
                item["summary"] = "%s · %s" % (opp.stage_id.name or "", _("%s expected") % (
                    opp._crm_format_money(opp.expected_revenue)))
        return items

    def _crm_meeting_partners(self):
        return self.mapped("contact_id") | self.mapped("partner_id")

    @api.model
    def _crm_rgpd_domain(self, partner):
        return ["|", ("partner_id", "=", partner.id), ("contact_id", "=", partner.id)]

    def _crm_rgpd_erase(self, partner, erasure):
        """A deal with the person's company stays, without the person; a deal
        with the person as the customer goes."""
        as_contact = self.sudo().search([("contact_id", "=", partner.id),
                                         ("partner_id", "!=", partner.id)])
        as_contact.write({"contact_id": False})
        erasure["counts"]["unlinked"] = erasure["counts"].get("unlinked", 0) + len(as_contact)
        return super(CrmOpportunity, self)._crm_rgpd_erase(partner, erasure)
