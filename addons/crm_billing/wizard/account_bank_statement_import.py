# -*- coding: utf-8 -*-
"""Bank statement import (Odoo's account.bank.statement.import, with OCA's
OFX and CAMT parsers) completed for French banks:

- CSV statements with a column mapping saved per bank journal
  (logic/bank_csv.py, model crm.bank.csv.mapping);
- every transaction gets a unique_import_id, so that Odoo's own check
  ignores what was already imported: OCA's CAMT parser gives none, and the
  CSV ids come from each row's content (logic/bank_csv.py);
- a file no parser understands, or a CSV that cannot be read, raises a
  translated message naming the problem, before anything is written;
- after the import, the new statements are matched (crm.bank.match.proposal).
"""
import logging

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..logic import bank_csv

_logger = logging.getLogger(__name__)


class AccountBankStatementImport(models.TransientModel):
    _inherit = "account.bank.statement.import"

    crm_journal_id = fields.Many2one(
        "account.journal", string="Bank journal", domain=[("type", "=", "bank")],
        default=lambda self: self._default_crm_journal(),
        help="The journal the statement goes to: needed for a CSV file, which does not say "
             "which account it comes from.")

    @api.model
    def _default_crm_journal(self):
        journal_id = self.env.context.get("journal_id")
        if journal_id:
            return journal_id
        journals = self.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", self.env.user.company_id.id)])
        return journals.id if len(journals) == 1 else False

    def import_file(self):
        self.ensure_one()
        importer = self
        if self.crm_journal_id and not self.env.context.get("journal_id"):
            importer = self.with_context(journal_id=self.crm_journal_id.id)
        action = super(AccountBankStatementImport, importer).import_file()
        statement_ids = (action.get("context") or {}).get("statement_ids")
        Proposal = self.env["crm.bank.match.proposal"]
        # An accountant who is not a billing manager imports from Odoo's dashboard: the
        # statements are imported, the matching waits for the daily run.
        if action.get("type") == "ir.actions.client" and statement_ids \
                and Proposal.check_access_rights("create", raise_exception=False):
            statements = self.env["account.bank.statement"].browse(statement_ids)
            self.env["crm.bank.match.proposal"].match_statement_lines(statements.mapped("line_ids"))
        return action

    def _find_additional_data(self, currency_code, account_number):
        # A French bank's OFX names the account by its domestic number (the 11
        # characters of the IBAN after bank and branch codes): find the journal
        # whose IBAN holds it, instead of offering to create a new journal.
        if account_number and not self.env.context.get("journal_id"):
            journal = self._crm_journal_of_domestic_account(account_number)
            if journal:
                self = self.with_context(journal_id=journal.id)
        return super(AccountBankStatementImport, self)._find_additional_data(
            currency_code, account_number)

    def _crm_journal_of_domestic_account(self, account_number):
        number = (account_number or "").replace(" ", "").upper()
        if len(number) != 11:
            return self.env["account.journal"]
        journals = self.env["account.journal"].search([
            ("type", "=", "bank"), ("company_id", "=", self.env.user.company_id.id),
            ("bank_account_id.sanitized_acc_number", "=like", "FR%" + number + "__")])
        return journals if len(journals) == 1 else self.env["account.journal"]

    def _parse_file(self, data_file):
        if bank_csv.looks_like_csv(data_file):
            return self._crm_parse_csv(data_file)
        try:
            currency, account_number, statements = super(
                AccountBankStatementImport, self)._parse_file(data_file)
        except UserError as error:
            # The end of the chain (account_bank_statement_import) says "Could not make sense
            # of the given file. Did you install the module...?": say what is accepted instead.
            if error.name == _("Could not make sense of the given file.\nDid you install the "
                               "module to support this type of file ?"):
                raise UserError(self._crm_unknown_file_message())
            raise
        except Exception as error:  # pylint: disable=broad-except
            # A parser that chokes on a corrupt file (OCA's OFX one raises AttributeError on
            # Python 3 while reporting its own error): a message, and nothing written.
            _logger.info("Bank statement file not understood: %s", error, exc_info=True)
            raise UserError(self._crm_unknown_file_message())
        if not any(statement.get("transactions") for statement in statements or ()):
            # e.g. a CAMT file cut short: its XML is read, but no entry is left in it.
            raise UserError(self._crm_unknown_file_message())
        for statement in statements:
            bank_csv.fill_unique_import_ids(statement.get("transactions") or [], "stmt")
        return currency, account_number, statements

    def _crm_unknown_file_message(self):
        return _("This file is not a bank statement this database can read. Accepted formats: "
                 "OFX, CAMT.053 (ISO 20022 XML, also in a ZIP) and CSV. Check that the file "
                 "is complete and was exported as one of these.")

    def _crm_csv_journal(self):
        journal = self.env["account.journal"].browse(self.env.context.get("journal_id"))
        if not journal:
            journal = self.crm_journal_id
        if not journal:
            raise UserError(_("A CSV statement does not say which bank account it comes from: "
                              "choose the bank journal, then import the file again."))
        return journal

    def _crm_parse_csv(self, data_file):
        journal = self._crm_csv_journal()
        Mapping = self.env["crm.bank.csv.mapping"]
        mapping = Mapping.search([("journal_id", "=", journal.id)], limit=1)
        try:
            used, transactions = bank_csv.parse(
                data_file, mapping.to_logic() if mapping else None)
        except bank_csv.CsvError as error:
            raise UserError(self._crm_csv_message(error))
        if not mapping:
            values = Mapping.values_from_logic(used)
            values["journal_id"] = journal.id
            Mapping.sudo().create(values)
        dates = sorted(t["date"] for t in transactions)
        statement = {
            "name": _("%(journal)s statement %(date)s") % {
                "journal": journal.name, "date": fields.Date.to_string(dates[-1])},
            "date": fields.Date.to_string(dates[-1]),
            "transactions": [dict(t, date=fields.Date.to_string(t["date"]))
                             for t in transactions],
        }
        return None, None, [statement]

    def _crm_csv_message(self, error):
        values = dict(error.values)
        messages = {
            "encoding": _("The CSV file is neither UTF-8 nor Windows-1252 text."),
            "empty": _("The CSV file is empty."),
            "column": _("The CSV file has no column named \"%(column)s\": correct the CSV "
                        "column mapping of this journal (CRM > Bank > CSV column mappings)."),
            "no_date": _("No date column was found in the CSV file: name it in the CSV column "
                         "mapping of this journal."),
            "no_amount": _("No amount column (or debit and credit columns) was found in the CSV "
                           "file: name it in the CSV column mapping of this journal."),
            "no_label": _("No label column was found in the CSV file: name it in the CSV "
                          "column mapping of this journal."),
            "date": _("Line %(line)s of the CSV file: \"%(value)s\" is not a date."),
            "amount": _("Line %(line)s of the CSV file: \"%(value)s\" is not an amount."),
            "no_transaction": _("The CSV file holds no transaction."),
        }
        values.setdefault("line", "?")
        message = messages.get(error.code, _("The CSV file cannot be read."))
        try:
            return message % values
        except (KeyError, TypeError, ValueError):
            return message
