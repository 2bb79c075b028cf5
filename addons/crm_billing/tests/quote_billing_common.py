# -*- coding: utf-8 -*-
"""A signed quote to bill, for the tests of deposits and progress invoices."""
from odoo.tests.common import TransactionCase


class QuoteBillingCase(TransactionCase):
    def setUp(self):
        super(QuoteBillingCase, self).setUp()
        self.customer = self.env["res.partner"].create({
            "name": "Scierie des Vosges", "is_company": True, "city": "Épinal",
            "country_id": self.env.ref("base.fr").id})

    def make_quote(self, lines, sign=True):
        quote = self.env["crm.quote"].create({
            "partner_id": self.customer.id,
            "line_ids": [(0, 0, dict(line, sequence=10 * (index + 1)))
                         for index, line in enumerate(lines)]})
        if sign:
            quote.write({"state": "signed"})
        return quote

    @staticmethod
    def vat_by_rate(invoice):
        """{"20": (base, VAT)} of an invoice, as shown in its taxes tab."""
        result = {}
        for tax_line in invoice.tax_line_ids:
            key = "%g" % tax_line.tax_id.amount
            base, amount = result.get(key, (0.0, 0.0))
            result[key] = (round(base + tax_line.base, 2), round(amount + tax_line.amount_total, 2))
        return result

    def invoices_of(self, quote):
        return self.env["account.invoice"].search([("crm_quote_id", "=", quote.id)],
                                                  order="id")
