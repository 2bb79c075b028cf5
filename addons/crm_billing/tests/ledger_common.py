# -*- coding: utf-8 -*-
"""Helpers of crm_billing's ledger tests: customer invoices of the French demo
company with French VAT."""
from odoo.tests.common import SavepointCase


class BillingLedgerCase(SavepointCase):
    @classmethod
    def setUpClass(cls):
        super(BillingLedgerCase, cls).setUpClass()
        cls.company = cls.env.ref("base.main_company")
        cls.customer = cls.env["res.partner"].create({
            "name": "Boulangerie Martin", "is_company": True, "customer": True,
            "country_id": cls.env.ref("base.fr").id, "siret": "55210055400013"})
        cls.journal = cls.env["account.journal"].search(
            [("type", "=", "sale"), ("company_id", "=", cls.company.id)], limit=1)
        cls.vat20 = cls.env.ref("l10n_fr.%d_tva_normale" % cls.company.id)
        cls.income = cls.env["account.account"].search(
            [("code", "=like", "706%"), ("company_id", "=", cls.company.id)], limit=1)

    @classmethod
    def make_invoice(cls, date="2041-03-10", amount=1000.0, post=True, kind="out_invoice"):
        invoice = cls.env["account.invoice"].create({
            "type": kind,
            "partner_id": cls.customer.id,
            "journal_id": cls.journal.id,
            "date_invoice": date,
            "invoice_line_ids": [(0, 0, {
                "name": "Pose d'une cuisine en chêne", "quantity": 1, "price_unit": amount,
                "account_id": cls.income.id,
                "invoice_line_tax_ids": [(6, 0, cls.vat20.ids)]})],
        })
        invoice.compute_taxes()
        if post:
            invoice.action_invoice_open()
        return invoice

    def refund(self, invoice, mode="refund", date=None):
        """A credit note by Odoo's wizard (mode refund / cancel / modify)."""
        wizard = self.env["account.invoice.refund"].with_context(
            active_model="account.invoice", active_ids=invoice.ids,
            active_id=invoice.id).create({
                "filter_refund": mode, "description": "Erreur de quantité",
                "date_invoice": date or invoice.date_invoice})
        wizard.invoice_refund()
        return self.env["account.invoice"].search(
            [("refund_invoice_id", "=", invoice.id)], order="id desc", limit=1)
