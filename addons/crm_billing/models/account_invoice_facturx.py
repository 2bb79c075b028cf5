# -*- coding: utf-8 -*-
"""Factur-X out: the CII XML (EN 16931) of a customer invoice or credit note,
and the printed PDF turned into a Factur-X PDF/A-3.

The invoice is turned into the plain dict of ``logic/facturx_cii.py``, which
writes the XML; ``logic/facturx_pdf.py`` makes the PDF/A-3 with ghostscript
and embeds the XML. ``ir.actions.report`` (ir_actions_report_facturx.py) calls
:meth:`_crm_facturx_embed` on every PDF of a posted customer invoice or
credit note that Odoo prints with its invoice reports.
"""
import logging

from stdnum import iban as stdnum_iban

from odoo import _, models
from odoo.exceptions import UserError

from ..logic import facturx_cii, facturx_pdf

_logger = logging.getLogger(__name__)


class AccountInvoice(models.Model):
    _inherit = "account.invoice"

    def _crm_is_facturx(self):
        """Whether this invoice's PDF is a Factur-X: a posted customer invoice
        or credit note (a draft has no number yet)."""
        self.ensure_one()
        return self.type in ("out_invoice", "out_refund") and \
            self.state in ("open", "paid") and bool(self.number)

    @staticmethod
    def _crm_line_vat_rate(line):
        """The VAT rate (%) of an invoice line: its percent taxes."""
        return sum(tax.amount for tax in line.invoice_line_tax_ids
                   if tax.amount_type == "percent")

    def _crm_facturx_amount_values(self):
        """The lines, VAT and deposit deductions of the invoice, as plain values
        (the part of the Factur-X dict that the printed totals share)."""
        self.ensure_one()
        lines, deposits = [], []
        for line in self.invoice_line_ids:
            rate = self._crm_line_vat_rate(line)
            if line.crm_deposit_invoice_id:
                taxes = line.invoice_line_tax_ids.compute_all(
                    line.price_unit * (1 - (line.discount or 0.0) / 100.0), self.currency_id,
                    line.quantity, product=line.product_id, partner=self.partner_id)
                deposit = line.crm_deposit_invoice_id
                deposits.append({
                    "rate": rate, "number": deposit.number or deposit.display_name,
                    "date": deposit.date_invoice,
                    "untaxed": -line.price_subtotal,
                    "tax": -(taxes["total_included"] - taxes["total_excluded"]),
                })
                continue
            lines.append({
                "name": line.name or "", "quantity": line.quantity,
                "price_unit": line.price_unit, "subtotal": line.price_subtotal,
                "vat_rate": rate,
            })
        taxes = [{"rate": tax_line.tax_id.amount, "base": tax_line.base,
                  "amount": tax_line.amount} for tax_line in self.tax_line_ids]
        return {"lines": lines, "taxes": taxes, "deposits": deposits}

    @staticmethod
    def _crm_facturx_party(partner, company=None):
        partner = partner.sudo()
        values = {
            "name": partner.name or "", "street": partner.street, "street2": partner.street2,
            "zip": partner.zip, "city": partner.city,
            "country_code": partner.country_id.code or "FR",
            "vat": partner.vat, "siren": partner.siren, "siret": partner.siret,
            "email": partner.email,
        }
        if company:
            values["legal_info"] = company._crm_seller_legal_line()
        return values

    def _crm_facturx_values(self):
        """The plain invoice of ``logic/facturx_cii.cii_data``."""
        self.ensure_one()
        company = self.company_id.sudo()
        values = self._crm_facturx_amount_values()
        delivery = self._crm_delivery_partner()
        bank = self.partner_bank_id or company.partner_id.bank_ids[:1]
        preceding = []
        if self.type == "out_refund" and self.refund_invoice_id:
            preceding.append({"number": self.refund_invoice_id.number,
                              "date": self.refund_invoice_id.date_invoice})
        for deposit in values["deposits"]:
            preceding.append({"number": deposit["number"], "date": deposit["date"]})
        terms = self.payment_term_id
        values.update({
            "number": self.number,
            "issue_date": self.date_invoice,
            "due_date": self.date_due,
            "currency": self.currency_id.name,
            "is_credit_note": self.type == "out_refund",
            "kind": self.crm_billing_kind,
            "operation_category": self.crm_operation_category,
            "vat_on_debits": company.crm_vat_on_debits,
            "payment_terms": (terms.note or terms.name) if terms else None,
            "notes": {
                "PMT": company._crm_recovery_fee_text(),
                "PMD": company._crm_penalty_text(),
                "AAB": company._crm_no_discount_text(),
            },
            "buyer_reference": self.name or None,
            "order_reference": self.crm_quote_id.display_name if self.crm_quote_id else None,
            "seller": self._crm_facturx_party(company.partner_id, company),
            "buyer": self._crm_facturx_party(self.partner_id.commercial_partner_id),
            "delivery": self._crm_facturx_party(delivery) if delivery else None,
            "preceding": preceding,
            # any account number that is a valid IBAN (acc_type needs base_iban data)
            "iban": bank.acc_number if bank and stdnum_iban.is_valid(bank.acc_number or "")
            else None,
            "bic": bank.bank_bic if bank else None,
        })
        return values

    def _crm_facturx_xml(self):
        """The CII XML (bytes) of this invoice, checked against the XSD."""
        self.ensure_one()
        lang = self.partner_id.lang or self.env.lang
        values = self.with_context(lang=lang)._crm_facturx_values()
        try:
            return facturx_cii.generate_cii_xml(values)
        except Exception as exc:
            _logger.exception("Factur-X XML of %s refused by the XSD", self.number)
            raise UserError(_("The Factur-X data of invoice %(number)s is not valid: "
                              "%(error)s") % {"number": self.number, "error": exc})

    def _crm_facturx_embed(self, pdf):
        """``pdf`` (bytes, the printed invoice) as a Factur-X PDF/A-3."""
        self.ensure_one()
        xml = self._crm_facturx_xml()
        title = "%s %s" % (self.company_id.name, self.number)
        try:
            return facturx_pdf.make_facturx(pdf, xml, title=title)
        except facturx_pdf.FacturxPdfError as exc:
            raise UserError(_("The Factur-X PDF of invoice %(number)s could not be made: "
                              "%(error)s") % {"number": self.number, "error": exc})
