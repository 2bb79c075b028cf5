# -*- coding: utf-8 -*-
"""Helpers of the bank tests: a bank journal with the IBAN of the test
files, posted invoices and statements."""
import base64
import os

from odoo import fields

DATA = os.path.join(os.path.dirname(__file__), "data")
IBAN = "FR48 1790 6000 3200 0123 4567 891"


def data_file(name):
    with open(os.path.join(DATA, name), "rb") as handle:
        return handle.read()


class BankMixin(object):
    """For TransactionCase / SavepointCase classes."""

    def bank_journal(self):
        company = self.env.user.company_id
        journal = self.env["account.journal"].search([
            ("type", "=", "bank"), ("company_id", "=", company.id),
            ("bank_account_id.sanitized_acc_number", "=", IBAN.replace(" ", ""))], limit=1)
        if not journal:
            journal = self.env["account.journal"].create({
                "name": "Crédit Agricole (tests)", "code": "CATST", "type": "bank",
                "company_id": company.id, "bank_acc_number": IBAN})
        return journal

    def import_statement(self, name, journal=None, content=None):
        """Import ``name`` of tests/data (or ``content``) into ``journal``."""
        journal = journal or self.bank_journal()
        wizard = self.env["account.bank.statement.import"].with_context(
            journal_id=journal.id).create({
                "data_file": base64.b64encode(content if content is not None
                                              else data_file(name)),
                "filename": name})
        return wizard.import_file()

    def customer(self, name, iban=None):
        values = {"name": name, "is_company": True, "customer": True}
        if iban:
            values["bank_ids"] = [(0, 0, {"acc_number": iban})]
        return self.env["res.partner"].create(values)

    def invoice(self, partner, amount_untaxed, kind="out_invoice", date=None, reference=None):
        """A posted invoice of ``amount_untaxed`` + 20 % VAT."""
        company = self.env.user.company_id
        tax_use = "sale" if kind.startswith("out") else "purchase"
        tax = self.env["account.tax"].search([
            ("type_tax_use", "=", tax_use), ("amount", "=", 20),
            ("price_include", "=", False), ("company_id", "=", company.id)], limit=1)
        account = self.env["account.account"].search([
            ("code", "=like", "706%" if tax_use == "sale" else "607%"),
            ("company_id", "=", company.id)], limit=1)
        invoice = self.env["account.invoice"].create({
            "partner_id": partner.id, "type": kind, "reference": reference,
            "date_invoice": date or fields.Date.today(),
            "invoice_line_ids": [(0, 0, {
                "name": "Travaux de menuiserie", "quantity": 1, "price_unit": amount_untaxed,
                "account_id": account.id, "invoice_line_tax_ids": [(6, 0, tax.ids)]})],
        })
        invoice.compute_taxes()
        invoice.action_invoice_open()
        return invoice

    def statement(self, lines, journal=None):
        """A statement of ``lines``: dicts of statement line values."""
        journal = journal or self.bank_journal()
        return self.env["account.bank.statement"].create({
            "name": "Relevé de test", "journal_id": journal.id,
            "date": fields.Date.today(),
            "line_ids": [(0, 0, dict({"date": fields.Date.today()}, **line))
                         for line in lines],
        })
