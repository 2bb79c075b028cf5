# -*- coding: utf-8 -*-
"""Customer invoices, posted, and payments through Odoo's own payment wizard,
for the tests of payments, reminders, what customers owe and the forecast."""
import datetime

from odoo import fields
from odoo.tests.common import SavepointCase


class ReceivablesCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(ReceivablesCase, cls).setUpClass()
        cls.company = cls.env.ref("base.main_company")
        cls.today = fields.Date.from_string(fields.Date.context_today(cls.env.user))
        cls.revenue, cls.vat20 = cls.accounts_of(cls.company)
        cls.bank = cls.env["account.journal"].search([
            ("company_id", "=", cls.company.id), ("type", "=", "bank")], limit=1)
        cls.customer = cls.env["res.partner"].create({
            "name": "Boulangerie des Tests", "is_company": True, "customer": True,
            "email": "compta@boulangerie-tests.example.fr", "lang": "en_US"})

    @classmethod
    def accounts_of(cls, company):
        """The revenue account and the 20 % sale VAT of ``company``'s chart."""
        revenue = cls.env["account.account"].search([
            ("company_id", "=", company.id),
            ("user_type_id", "=", cls.env.ref("account.data_account_type_revenue").id)],
            limit=1)
        vat20 = cls.env["account.tax"].search([
            ("company_id", "=", company.id), ("type_tax_use", "=", "sale"),
            ("amount", "=", 20.0), ("amount_type", "=", "percent"),
            ("price_include", "=", False)], limit=1)
        return revenue, vat20

    @classmethod
    def day(cls, offset):
        return fields.Date.to_string(cls.today + datetime.timedelta(days=offset))

    @classmethod
    def make_invoice(cls, amount_untaxed, due_in=30, partner=None, user=None, company=None,
                     kind="out_invoice", date_offset=None, post=True):
        """A customer invoice of one line at 20 % VAT, dated ``date_offset``
        days from today (due date - 30 by default), due in ``due_in`` days."""
        env = cls.env
        revenue, vat20 = cls.accounts_of(company or cls.company)
        values = {
            "partner_id": (partner or cls.customer).id, "type": kind,
            "date_invoice": cls.day(due_in - 30 if date_offset is None else date_offset),
            "date_due": cls.day(due_in),
            "invoice_line_ids": [(0, 0, {
                "name": "Pose d'un escalier en chêne", "quantity": 1,
                "price_unit": amount_untaxed, "account_id": revenue.id,
                "invoice_line_tax_ids": [(6, 0, vat20.ids)]})],
        }
        if user:
            values["user_id"] = user.id
        if company:
            values["company_id"] = company.id
        Invoice = env["account.invoice"].with_context(type=kind)
        if company:
            Invoice = Invoice.with_context(force_company=company.id, company_id=company.id)
            values["journal_id"] = env["account.journal"].search([
                ("company_id", "=", company.id), ("type", "=", "sale")], limit=1).id
        invoice = Invoice.create(values)
        if post:
            invoice.action_invoice_open()
        return invoice

    @classmethod
    def pay(cls, invoice, amount, date=None):
        """Register a payment as the "Register Payment" button of the
        invoice form does (account.action_account_invoice_payment)."""
        Payment = cls.env["account.payment"].with_context(
            default_invoice_ids=[(4, invoice.id, None)])
        payment = Payment.create({
            "amount": amount, "journal_id": cls.bank.id,
            "payment_method_id": cls.env.ref("account.account_payment_method_manual_in").id,
            "payment_date": date or cls.day(0)})
        payment.action_validate_invoice_payment()
        return payment
