# -*- coding: utf-8 -*-
"""What a stage rule (crm_stage_rule.py) does to the opportunities that enter
its stage: called by the rule's automated action."""
import logging

import psycopg2

from odoo import _, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import plaintext2html

_logger = logging.getLogger(__name__)


class CrmOpportunity(models.Model):
    _inherit = "crm.opportunity"

    def _crm_apply_stage_rule(self, rule_id):
        """Called by the automated action of the stage rule ``rule_id`` on the
        opportunities that just entered its stage. All or nothing: an error
        undoes what the rule did and is raised, naming the rule and the
        opportunity (the change of stage is then refused with it)."""
        rule = self.env["crm.stage.rule"].sudo().browse(rule_id).exists()
        if not rule or not rule.active:
            return
        for opportunity in self:
            if opportunity.stage_id != rule.stage_id:
                continue
            try:
                with self.env.cr.savepoint():
                    opportunity._crm_stage_rule_do(rule)
            except psycopg2.Error:
                raise  # concurrency errors: the request is retried as a whole
            except (UserError, ValidationError) as error:
                raise UserError(_("The stage rule \"%(rule)s\" could not be applied to "
                                  "\"%(opportunity)s\": %(error)s") % {
                    "rule": rule.name, "opportunity": opportunity.display_name,
                    "error": error.name})
            except Exception as error:
                _logger.exception("stage rule %d on opportunity %d", rule_id, opportunity.id)
                raise UserError(_("The stage rule \"%(rule)s\" could not be applied to "
                                  "\"%(opportunity)s\": %(error)s") % {
                    "rule": rule.name, "opportunity": opportunity.display_name,
                    "error": error})

    def _crm_stage_rule_do(self, rule):
        """What ``rule`` (read as superuser) does for this opportunity, with the
        rights of the user who moved it."""
        self.ensure_one()
        if rule.action_type == "quote_template":
            self.env["crm.quote.template"].browse(rule.quote_template_id.id)._crm_create_quote(self)
        elif rule.action_type == "activities":
            self._crm_plan_rule_activities(rule.activity_line_ids)
        elif rule.action_type == "mail_template":
            self._crm_send_rule_mail(rule.mail_template_id)
        elif rule.action_type == "assign":
            self.write({"user_id": rule._crm_next_owner().id})

    def _crm_plan_rule_activities(self, lines):
        owner = self.user_id or self.env.user
        today = fields.Date.from_string(fields.Date.context_today(
            self.with_context(tz=owner.tz or self.env.user.tz)))
        model_id = self.env["ir.model"]._get(self._name).id
        for line in lines:
            self.env["mail.activity"].create({
                "res_model_id": model_id,
                "res_id": self.id,
                "activity_type_id": line.activity_type_id.id,
                "summary": line.summary or False,
                "note": plaintext2html(line.note) if line.note else False,
                "date_deadline": fields.Date.to_string(line._crm_deadline(today)),
                "user_id": owner.id,
            })

    def _crm_send_rule_mail(self, template):
        template = self.env["mail.template"].browse(template.id)
        mail = self.env["mail.mail"].browse(template.send_mail(self.id))
        if not (mail.email_to or mail.recipient_ids.filtered("email")):
            raise UserError(_("the email \"%s\" has no recipient with an email address "
                              "(check the contact of the opportunity)") % template.name)
