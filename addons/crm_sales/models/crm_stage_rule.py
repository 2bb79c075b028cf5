# -*- coding: utf-8 -*-
"""Stage rules: what happens when an opportunity enters a stage, set up by a
sales manager without code (*Configuration > Sales > Stage rules*).

A rule does one thing:

* **Create a quote from a template** (``crm.quote.template._crm_create_quote``);
* **Plan activities**: its lines, each due ``delay_days`` after the entry in
  the stage (0 = the same day), assigned to the opportunity's owner (to the
  user who moved it when it has none);
* **Send an email template** (a ``mail.template`` of the opportunities); the
  email is queued and shows in the opportunity's chatter;
* **Assign an owner**: a fixed user, or *round-robin* among the members of a
  sales team: the members in alphabetical order, each new opportunity going
  to the member after the one who got the previous one (archived users are
  skipped).

Rules of one stage run in their sequence order (an *Assign* rule before an
*Activities* rule gives the activities to the new owner).

The trigger is Odoo's automated actions (``base_automation``): each rule owns
a ``base.automation`` on the opportunities, "on creation and update", whose
*before update* filter is "stage is not X" and whose filter is "stage is X",
and whose server action calls ``records._crm_apply_stage_rule(<rule id>)``.
So a rule fires once per entry in the stage, both when an opportunity moves
into it and when one is created in it, and not again while it stays there.
The automation is created, updated, archived and deleted with its rule, as
superuser (server-action code is for administrators; only sales managers can
edit rules).

A rule that cannot be applied (no active member in the team, no customer
for the quote, an email without any recipient address, ...) raises an error
that names the rule and the opportunity; nothing of it is kept (savepoint),
and the change of stage itself is refused with it (the whole transaction is
rolled back).

Deleting a stage deletes its rules, and their automated actions with them.

Odoo 11 reloads the whole registry (and commits the transaction) whenever an
automated action is created or changed, so that the models it watches get
hooked. The opportunities are hooked once and for all by the permanent,
inert automated action ``crm_sales.base_automation_stage_rule_hook``
(``data/crm_sales_followup_data.xml``), and the automations of the rules are
written with the ``import_file`` context that skips the reload: a new rule
works at once, in every worker (the automations are searched at each write).
Should the hook be missing from the running registry, the standard reload is
used instead.
"""
import logging

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)

ACTION_TYPES = [
    ("quote_template", "Create a quote from a template"),
    ("activities", "Plan activities"),
    ("mail_template", "Send an email template"),
    ("assign", "Assign an owner"),
]
ASSIGN_MODES = [
    ("user", "A given user"),
    ("round_robin", "Round-robin in a sales team"),
]


class CrmStageRule(models.Model):
    _name = "crm.stage.rule"
    _inherit = ["crm.round.robin.mixin"]
    _description = "Stage rule"
    _order = "sequence, id"

    name = fields.Char(string="Rule", required=True)
    active = fields.Boolean(default=True)
    sequence = fields.Integer(default=10, help="Rules of one stage run in this order.")
    stage_id = fields.Many2one(
        "crm.opportunity.stage", string="When an opportunity enters", required=True,
        ondelete="cascade", index=True)
    action_type = fields.Selection(ACTION_TYPES, string="Then", required=True,
                                   default="activities")
    quote_template_id = fields.Many2one(
        "crm.quote.template", string="Quote template", ondelete="restrict",
        help="A draft quote is made from this template for the opportunity's customer.")
    activity_line_ids = fields.One2many(
        "crm.stage.rule.activity", "rule_id", string="Activities", copy=True)
    mail_template_id = fields.Many2one(
        "mail.template", string="Email template", ondelete="restrict",
        domain="[('model', '=', 'crm.opportunity')]",
        help="Sent to the recipients the template names (usually the opportunity's contact).")
    assign_mode = fields.Selection(ASSIGN_MODES, string="Assign to", default="user")
    assign_user_id = fields.Many2one("res.users", string="Owner", ondelete="restrict")
    assign_team_id = fields.Many2one(
        "crm.sales.team", string="Team", ondelete="restrict",
        help="The opportunities go to the members of this team in turn, in alphabetical "
             "order.")
    automation_id = fields.Many2one(
        "base.automation", string="Automated action", readonly=True, copy=False,
        ondelete="set null")
    description = fields.Char(string="Summary", compute="_compute_description")

    # ------------------------------------------------------------ display
    @api.depends("action_type", "quote_template_id", "activity_line_ids", "mail_template_id",
                 "assign_mode", "assign_user_id", "assign_team_id")
    def _compute_description(self):
        for rule in self:
            if rule.action_type == "quote_template":
                text = _("Quote from \"%s\"") % (rule.quote_template_id.name or "")
            elif rule.action_type == "activities":
                text = ", ".join(
                    _("%(summary)s (day %(day)d)") % {
                        "summary": line.summary or line.activity_type_id.name or "",
                        "day": line.delay_days}
                    for line in rule.activity_line_ids)
            elif rule.action_type == "mail_template":
                text = _("Email \"%s\"") % (rule.mail_template_id.name or "")
            elif rule.assign_mode == "round_robin":
                text = _("Round-robin in %s") % (rule.assign_team_id.name or "")
            else:
                text = _("Assign to %s") % (rule.assign_user_id.name or "")
            rule.description = text

    # ------------------------------------------------------------ checks
    @api.constrains("action_type", "quote_template_id", "activity_line_ids", "mail_template_id",
                    "assign_mode", "assign_user_id", "assign_team_id")
    def _check_action(self):
        for rule in self:
            if rule.action_type == "quote_template" and not rule.quote_template_id:
                raise ValidationError(_("Rule \"%s\": choose the quote template to use.")
                                      % rule.name)
            if rule.action_type == "activities" and not rule.activity_line_ids:
                raise ValidationError(_("Rule \"%s\": add at least one activity to plan.")
                                      % rule.name)
            if rule.action_type == "mail_template":
                if not rule.mail_template_id:
                    raise ValidationError(_("Rule \"%s\": choose the email template to send.")
                                          % rule.name)
                if rule.mail_template_id.model != "crm.opportunity":
                    raise ValidationError(_("Rule \"%s\": the email template must be one of "
                                            "the opportunities.") % rule.name)
            if rule.action_type == "assign":
                if rule.assign_mode == "round_robin" and not rule.assign_team_id:
                    raise ValidationError(_("Rule \"%s\": choose the team whose members get "
                                            "the opportunities in turn.") % rule.name)
                if rule.assign_mode != "round_robin" and not rule.assign_user_id:
                    raise ValidationError(_("Rule \"%s\": choose the user who gets the "
                                            "opportunities.") % rule.name)

    # ------------------------------------------------------------ CRUD
    @api.model
    def create(self, vals):
        rule = super(CrmStageRule, self).create(vals)
        rule._crm_sync_automation()
        return rule

    def write(self, vals):
        result = super(CrmStageRule, self).write(vals)
        if {"name", "active", "sequence", "stage_id"}.intersection(vals):
            self._crm_sync_automation()
        return result

    def unlink(self):
        automations = self.sudo().mapped("automation_id")
        server_actions = automations.mapped("action_server_id")
        result = super(CrmStageRule, self).unlink()
        automations = automations.exists()
        if automations:
            automations.with_context(import_file=True).unlink()
        server_actions.exists().unlink()
        self._crm_check_hooked()
        return result

    # ------------------------------------------------------------ the trigger
    def _crm_automation_values(self):
        self.ensure_one()
        return {
            "name": _("Stage rule: %s") % self.name,
            "model_id": self.env["ir.model"]._get("crm.opportunity").id,
            "trigger": "on_create_or_write",
            "filter_pre_domain": repr([("stage_id", "!=", self.stage_id.id)]),
            "filter_domain": repr([("stage_id", "=", self.stage_id.id)]),
            "state": "code",
            "code": "records._crm_apply_stage_rule(%d)" % self.id,
            "active": self.active,
            "sequence": self.sequence,
        }

    # not an override: pylint-odoo counts the super().write below as this method's super()
    # call; the method has nothing to return
    # pylint: disable-next=missing-return
    def _crm_sync_automation(self):
        """Create or update the automated action of each rule (as superuser)."""
        Automation = self.env["base.automation"].sudo().with_context(import_file=True)
        for rule in self:
            values = rule._crm_automation_values()
            automation = rule.sudo().automation_id
            if automation:
                automation.with_context(import_file=True).write(values)
            else:
                automation = Automation.create(values)
                # the link only, below our write(): this runs from inside create() and write()
                # pylint: disable-next=super-method-mismatch
                super(CrmStageRule, rule.sudo()).write({"automation_id": automation.id})
        self._crm_check_hooked()

    @api.model
    def _crm_hooked(self):
        """True when base_automation hooked crm.opportunity's create and _write
        in this registry (it does so for models having automated actions on
        creation and update when the registry loads)."""
        cls = type(self.env["crm.opportunity"])
        return all(getattr(getattr(cls, name), "origin", None) is not None
                   for name in ("create", "_write"))

    @api.model
    def _crm_check_hooked(self):
        if not self._crm_hooked():
            _logger.warning("crm.opportunity is not hooked by base_automation (the automated "
                            "action crm_sales.base_automation_stage_rule_hook is missing): "
                            "reloading the registry")
            self.env["base.automation"].sudo()._update_registry()

    # ------------------------------------------------------------ applying
    def _crm_next_owner(self):
        """The user an *Assign* rule gives the opportunity to; round-robin
        moves its turn on (crm_base's ``crm.round.robin.mixin``: an opportunity
        entering the stage at the same moment waits for this transaction, then
        gets the next member). Called on the rule as superuser."""
        self.ensure_one()
        if self.assign_mode != "round_robin":
            if not self.assign_user_id.active:
                raise UserError(_("the user %s is archived") % self.assign_user_id.name)
            return self.assign_user_id
        members = self.assign_team_id.member_ids.filtered("active")
        if not members:
            raise UserError(_("the team %s has no active member") % self.assign_team_id.name)
        return self._crm_round_robin_next(members)
