# -*- coding: utf-8 -*-
"""The bank statement's side of the matching: a "Match automatically"
button and a smart button to the statement's proposals
(crm.bank.match.proposal)."""
from odoo import _, fields, models


class AccountBankStatement(models.Model):
    _inherit = "account.bank.statement"

    crm_proposal_ids = fields.One2many(
        "crm.bank.match.proposal", "statement_id", string="Matching proposals")
    crm_proposal_count = fields.Integer(
        string="Proposals to confirm", compute="_compute_crm_proposal_count")

    def _compute_crm_proposal_count(self):
        groups = self.env["crm.bank.match.proposal"].read_group(
            [("statement_id", "in", self.ids), ("state", "=", "proposed")],
            ["statement_id"], ["statement_id"])
        counts = {g["statement_id"][0]: g["statement_id_count"] for g in groups}
        for statement in self:
            statement.crm_proposal_count = counts.get(statement.id, 0)

    def action_crm_match(self):
        """Match automatically: reconcile the sure matches, propose the rest."""
        self.env["crm.bank.match.proposal"].match_statement_lines(self.mapped("line_ids"))
        return self.action_crm_open_proposals()

    def action_crm_open_proposals(self):
        action = self.env.ref("crm_billing.crm_bank_match_proposal_action").read()[0]
        action["domain"] = [("statement_id", "in", self.ids)]
        action["context"] = {"search_default_to_confirm": 1}
        action["name"] = _("Matching proposals")
        return action
