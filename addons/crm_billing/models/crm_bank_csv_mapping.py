# -*- coding: utf-8 -*-
"""How a bank journal's CSV statements are laid out: separator, decimal
mark, date format and which column holds what. Saved the first time a CSV
is imported into the journal (guessed from its header) and editable in
CRM > Bank > CSV column mappings; read by the statement import
(wizard/account_bank_statement_import.py) and by logic/bank_csv.py.
"""
from odoo import api, fields, models


class CrmBankCsvMapping(models.Model):
    _name = "crm.bank.csv.mapping"
    _description = "CSV column mapping of a bank journal"
    _order = "journal_id"

    journal_id = fields.Many2one(
        "account.journal", string="Bank journal", required=True, ondelete="cascade",
        domain=[("type", "=", "bank")])
    company_id = fields.Many2one(
        "res.company", related="journal_id.company_id", store=True, readonly=True)
    delimiter = fields.Selection(
        [(";", "Semicolon (;)"), (",", "Comma (,)")], string="Separator",
        help="Left empty, the separator is guessed from the first line.")
    decimal = fields.Selection(
        [(",", "Comma (1 234,56)"), (".", "Point (1234.56)")], string="Decimal mark",
        help="Left empty, it is guessed from each amount.")
    date_format = fields.Selection(
        [("%d/%m/%Y", "31/12/2026"), ("%d/%m/%y", "31/12/26"), ("%Y-%m-%d", "2026-12-31"),
         ("%d.%m.%Y", "31.12.2026"), ("%d-%m-%Y", "31-12-2026")], string="Date format",
        help="Left empty, the French formats are tried in turn.")
    encoding = fields.Selection(
        [("utf-8-sig", "UTF-8"), ("cp1252", "Windows-1252 (Latin-1)")],
        help="Left empty, UTF-8 is tried first, then Windows-1252.")
    date_column = fields.Char(string="Date column", required=True, default="Date")
    label_column = fields.Char(string="Label column", required=True, default="Libellé")
    amount_column = fields.Char(
        string="Amount column", help="One signed amount; or use the debit and credit columns.")
    debit_column = fields.Char(string="Debit column")
    credit_column = fields.Char(string="Credit column")
    reference_column = fields.Char(string="Reference column")
    partner_name_column = fields.Char(string="Payer/payee column")
    iban_column = fields.Char(string="IBAN column")

    _sql_constraints = [
        ("journal_unique", "unique (journal_id)", "A bank journal has one CSV mapping."),
    ]

    def to_logic(self):
        """The mapping as logic/bank_csv.py reads it."""
        self.ensure_one()
        return {
            "delimiter": self.delimiter or None, "decimal": self.decimal or None,
            "date_format": self.date_format or None, "encoding": self.encoding or None,
            "date": self.date_column, "label": self.label_column,
            "amount": self.amount_column, "debit": self.debit_column,
            "credit": self.credit_column, "reference": self.reference_column,
            "partner_name": self.partner_name_column, "iban": self.iban_column,
        }

    @api.model
    def values_from_logic(self, mapping):
        """The field values of a mapping guessed by logic/bank_csv.py."""
        return {
            "delimiter": mapping.get("delimiter") or False,
            "date_column": mapping.get("date") or "Date",
            "label_column": mapping.get("label") or "Libellé",
            "amount_column": mapping.get("amount") or False,
            "debit_column": mapping.get("debit") or False,
            "credit_column": mapping.get("credit") or False,
            "reference_column": mapping.get("reference") or False,
            "partner_name_column": mapping.get("partner_name") or False,
            "iban_column": mapping.get("iban") or False,
        }
