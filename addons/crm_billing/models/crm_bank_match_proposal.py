# -*- coding: utf-8 -*-
"""What the matching engine (logic/bank_matching.py) proposes for a bank
statement line: the open journal items (invoices, credit notes, vendor
bills) it pays, with a score and the reasons.

Sure proposals are reconciled at once with Odoo's own reconciliation
(account.bank.statement.line.process_reconciliation with counterpart move
line dicts, as the 11.0 reconciliation widget sends them) and kept as
"Reconciled automatically"; the others wait for one click: Confirm or
Reject. The engine runs after each import, from the statement's "Match
automatically" button and every day (data/crm_bank_matching_data.xml).
"""
import json
import logging
import time

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, float_is_zero

from ..logic import bank_matching

_logger = logging.getLogger(__name__)

#: The reasons of logic/bank_matching.py, as the user reads them.
REASON_LABELS = {
    "reference": lambda: _("invoice number or reference in the label"),
    "amount": lambda: _("same amount"),
    "grouped": lambda: _("sum of several invoices"),
    "partial": lambda: _("partial payment"),
    "overpaid": lambda: _("paid more than due"),
    "iban": lambda: _("customer's bank account"),
    "name": lambda: _("customer's name"),
    "unique": lambda: _("only open invoice with this amount"),
    "date": lambda: _("date in the expected window"),
    "date_out": lambda: _("date out of the expected window"),
    "other_partner": lambda: _("invoice of another customer"),
    "ambiguous": lambda: _("other candidates as likely"),
    "conflict": lambda: _("another line pays the same invoice"),
}


class CrmBankMatchProposal(models.Model):
    _name = "crm.bank.match.proposal"
    _description = "Bank statement matching proposal"
    _order = "state_sequence, score desc, id"
    _rec_name = "statement_line_id"

    statement_line_id = fields.Many2one(
        "account.bank.statement.line", string="Statement line", required=True,
        ondelete="cascade", index=True, readonly=True)
    statement_id = fields.Many2one(
        "account.bank.statement", related="statement_line_id.statement_id", store=True,
        readonly=True, string="Statement")
    company_id = fields.Many2one(
        "res.company", related="statement_line_id.company_id", store=True, readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id", readonly=True)
    date = fields.Date(related="statement_line_id.date", readonly=True)
    label = fields.Char(related="statement_line_id.name", readonly=True)
    amount = fields.Monetary(related="statement_line_id.amount", readonly=True,
                             currency_field="currency_id")
    move_line_ids = fields.Many2many(
        "account.move.line", string="Journal items paid", readonly=True)
    invoice_ids = fields.Many2many(
        "account.invoice", string="Invoices", compute="_compute_invoices")
    invoice_names = fields.Char(string="Invoices paid", readonly=True)
    partner_id = fields.Many2one("res.partner", readonly=True)
    allocations = fields.Text(
        readonly=True, help="Technical: amount applied to each journal item, as JSON.")
    score = fields.Integer(readonly=True, group_operator="avg")
    kind = fields.Selection([
        ("exact", "Exact amount"), ("grouped", "Several invoices"),
        ("partial", "Partial payment"), ("overpaid", "Paid more than due"),
        ("amount_only", "Same amount only")], readonly=True)
    reason = fields.Char(readonly=True)
    state = fields.Selection([
        ("proposed", "To confirm"), ("auto", "Reconciled automatically"),
        ("confirmed", "Confirmed"), ("rejected", "Rejected")],
        default="proposed", required=True, readonly=True, index=True)
    state_sequence = fields.Integer(compute="_compute_state_sequence", store=True)

    @api.depends("state")
    def _compute_state_sequence(self):
        order = {"proposed": 0, "auto": 1, "confirmed": 2, "rejected": 3}
        for proposal in self:
            proposal.state_sequence = order.get(proposal.state, 9)

    @api.depends("move_line_ids")
    def _compute_invoices(self):
        for proposal in self:
            proposal.invoice_ids = proposal.move_line_ids.mapped("invoice_id")

    # ------------------------------------------------------------------
    # Matching
    # ------------------------------------------------------------------
    @api.model
    def _open_items(self, company):
        """The open receivable and payable journal items of ``company`` as
        logic/bank_matching.py reads them, with their records by id."""
        lines = self.env["account.move.line"].search([
            ("company_id", "=", company.id), ("reconciled", "=", False),
            ("account_id.internal_type", "in", ("receivable", "payable")),
            ("move_id.state", "=", "posted"), ("amount_residual", "!=", 0)])
        invoices = {i["id"]: i for i in lines.mapped("invoice_id").read(["number", "reference"])}
        partners = lines.mapped("partner_id.commercial_partner_id")
        ibans = {}
        for bank in self.env["res.partner.bank"].search([("partner_id", "in", partners.ids)]):
            ibans.setdefault(bank.partner_id.id, []).append(bank.acc_number)
        items = []
        for line in lines:
            partner = line.partner_id.commercial_partner_id
            invoice = invoices.get(line.invoice_id.id) or {}
            items.append({
                "id": line.id,
                "number": invoice.get("number") or line.move_id.name,
                "reference": invoice.get("reference") or "",
                "partner_id": partner.id or None,
                "partner_name": partner.name or "",
                "partner_ibans": ibans.get(partner.id, []),
                "residual": line.amount_residual,
                "date": line.date,
                "due_date": line.date_maturity or line.date,
            })
        return items

    @api.model
    def _line_values(self, st_line):
        return {
            "id": st_line.id,
            "amount": st_line.amount,
            "date": st_line.date,
            "label": " ".join(filter(None, [st_line.name, st_line.note])),
            "partner_name": st_line.partner_name or st_line.partner_id.name or "",
            "iban": st_line.bank_account_id.acc_number or "",
            "ref": st_line.ref or "",
        }

    @api.model
    def _reason_text(self, codes):
        return ", ".join(REASON_LABELS[code]() for code in codes if code in REASON_LABELS)

    @api.model
    def match_statement_lines(self, st_lines, reconcile=True):
        """Run the engine on the statement lines not yet reconciled among
        ``st_lines``: reconcile the sure proposals (when ``reconcile``),
        store the others. Returns the proposals made."""
        # Lines reconciled by hand since (Odoo's reconciliation screen): their
        # proposals are moot.
        self.search([("statement_line_id", "in", st_lines.ids), ("state", "=", "proposed"),
                     ("statement_line_id.journal_entry_ids", "!=", False)]).unlink()
        st_lines = st_lines.filtered(
            lambda line: not line.journal_entry_ids and line.statement_id.state == "open"
            and not line.account_id)
        proposals = self.browse()
        for company in st_lines.mapped("company_id"):
            lines = st_lines.filtered(lambda line, c=company: line.company_id == c)
            proposals |= self._match_company_lines(company, lines, reconcile)
        return proposals

    def _match_company_lines(self, company, st_lines, reconcile):
        started = time.time()
        old = self.search([("statement_line_id", "in", st_lines.ids)])
        rejected = {(p.statement_line_id.id, tuple(sorted(p.move_line_ids.ids)))
                    for p in old if p.state == "rejected"}
        old.filtered(lambda p: p.state == "proposed").unlink()
        items = self._open_items(company)
        results = bank_matching.match([self._line_values(line) for line in st_lines], items)
        Line = self.env["account.bank.statement.line"]
        AML = self.env["account.move.line"]
        proposals = self.browse()
        auto = 0
        for result in results:
            if (result["line_id"], tuple(sorted(result["item_ids"]))) in rejected:
                continue
            move_lines = AML.browse(result["item_ids"])
            partners = move_lines.mapped("partner_id.commercial_partner_id")
            allocations = {item_id: float(amount)
                           for item_id, amount in result["allocations"].items()}
            values = {
                "statement_line_id": result["line_id"],
                "move_line_ids": [(6, 0, result["item_ids"])],
                "invoice_names": ", ".join(
                    m.invoice_id.number or m.move_id.name for m in move_lines),
                "partner_id": partners.id if len(partners) == 1 else False,
                "allocations": json.dumps({str(k): str(v) for k, v in allocations.items()}),
                "score": result["score"],
                "kind": result["kind"],
                "reason": self._reason_text(result["reasons"]),
            }
            if reconcile and result["sure"]:
                st_line = Line.browse(result["line_id"])
                try:
                    with self.env.cr.savepoint():
                        # No chatter message nor follower on each payment Odoo creates:
                        # the proposal, "Reconciled automatically", is the trace.
                        self.with_context(
                            tracking_disable=True, mail_create_nolog=True,
                        )._reconcile_statement_line(st_line, move_lines, allocations)
                    values["state"] = "auto"
                    auto += 1
                except UserError as error:
                    _logger.info("Sure match of statement line %s not reconciled: %s",
                                 st_line.name, error.name)
                    self.env["account.move.line"].invalidate_cache()
            # Created once, in its final state (bench/bench_bank_matching.py: a
            # create then a write per line cost a fifth of the matching time).
            proposals |= self.create(values)
        _logger.info("Bank matching: %d lines, %d open items, %d proposals, %d reconciled, "
                     "%.2f s", len(st_lines), len(items), len(proposals), auto,
                     time.time() - started)
        return proposals

    def _reconcile(self):
        """Reconcile the statement line with the proposal's journal items."""
        self.ensure_one()
        allocations = {int(k): float(v) for k, v in json.loads(self.allocations or "{}").items()}
        self._reconcile_statement_line(self.statement_line_id, self.move_line_ids, allocations)

    @api.model
    def _reconcile_statement_line(self, st_line, move_lines, allocations):
        """Reconcile ``st_line`` with ``move_lines`` (``allocations``: the
        amount applied to each, by id) through Odoo's own
        process_reconciliation."""
        # In this method's environment: its context (tracking_disable from
        # _match_company_lines) must reach the payment process_reconciliation
        # creates. bench/bench_bank_matching.py: st_line came from the caller's
        # environment, so each automatic payment still got its follower, its
        # "created" message and its notification, about 45 % of its time.
        st_line, move_lines = st_line.with_env(self.env), move_lines.with_env(self.env)
        if st_line.journal_entry_ids:
            raise UserError(_("The statement line \"%s\" is already reconciled.") % st_line.name)
        counterparts = []
        applied = 0.0
        for move_line in move_lines:
            if move_line.reconciled:
                raise UserError(_("%s is already paid.") % (
                    move_line.invoice_id.number or move_line.move_id.name))
            amount = allocations.get(move_line.id, move_line.amount_residual)
            if abs(amount) > abs(move_line.amount_residual):
                amount = move_line.amount_residual
            applied += amount
            counterparts.append({
                "name": move_line.name if move_line.name and move_line.name != "/"
                else move_line.move_id.name,
                "debit": -amount if amount < 0 else 0.0,
                "credit": amount if amount > 0 else 0.0,
                "move_line": move_line,
            })
        precision = st_line.company_id.currency_id.decimal_places
        left = round(st_line.amount - applied, precision)
        new_lines = []
        if not float_is_zero(left, precision_digits=precision):
            if float_compare(abs(st_line.amount), abs(applied), precision_digits=precision) < 0:
                raise UserError(_("The statement line pays less than the proposal applies."))
            # Paid more than due: what is left stays open on the customer's account.
            new_lines.append({
                "name": _("Overpayment: %s") % st_line.name,
                "debit": -left if left < 0 else 0.0,
                "credit": left if left > 0 else 0.0,
                "account_id": move_lines[0].account_id.id,
            })
        partners = move_lines.mapped("partner_id.commercial_partner_id")
        if len(partners) == 1 and st_line.partner_id != partners:
            st_line.partner_id = partners
        st_line.process_reconciliation(
            counterpart_aml_dicts=counterparts, new_aml_dicts=new_lines)

    # ------------------------------------------------------------------
    # Buttons and cron
    # ------------------------------------------------------------------
    def action_confirm(self):
        """Confirm: reconcile the line with the proposed invoices."""
        for proposal in self:
            if proposal.state != "proposed":
                raise UserError(_("Only a proposal still to confirm can be confirmed."))
            proposal._reconcile()
            proposal.state = "confirmed"
            others = self.search([("statement_line_id", "=", proposal.statement_line_id.id),
                                  ("state", "=", "proposed"), ("id", "!=", proposal.id)])
            others.unlink()
        return True

    def action_reject(self):
        """Reject: the line stays to reconcile by hand; the same proposal is
        not made again."""
        if self.filtered(lambda p: p.state != "proposed"):
            raise UserError(_("Only a proposal still to confirm can be rejected."))
        self.write({"state": "rejected"})
        return True

    @api.model
    def _cron_match_open_statements(self):
        """Daily: match the lines of every open bank statement."""
        statements = self.env["account.bank.statement"].search(
            [("state", "=", "open"), ("journal_id.type", "=", "bank")])
        self.match_statement_lines(statements.mapped("line_ids"))
        return True
