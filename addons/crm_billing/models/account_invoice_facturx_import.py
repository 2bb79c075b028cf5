# -*- coding: utf-8 -*-
"""Factur-X in: a supplier's Factur-X PDF becomes a draft vendor bill.

``logic/facturx_import.py`` reads and checks the PDF (embedded XML, XSD,
arithmetic); here the supplier is found by SIREN, else VAT number, else
created; each line gets the company's French purchase tax of its rate; the
bill's totals, computed by Odoo, must equal the XML's to the cent; the PDF is
attached to the bill. Any refusal raises a translated UserError and leaves
nothing behind (the work is done inside a savepoint).

Over XML-RPC: ``account.invoice.crm_import_facturx(pdf_base64, filename)``
returns the id of the new draft bill.
"""
import base64

from odoo import _, api, models
from odoo.exceptions import UserError
from odoo.tools import float_compare

from odoo.addons.crm_base.logic import siren as siren_logic

from ..logic import facturx_import


class AccountInvoice(models.Model):
    _inherit = "account.invoice"

    @api.model
    def crm_import_facturx(self, pdf_base64, filename=None, company_id=None):
        """Create a draft vendor bill from a Factur-X PDF (base64); its id."""
        try:
            pdf = base64.b64decode(pdf_base64 or b"", validate=False)
        except (ValueError, TypeError):
            pdf = b""
        return self._crm_import_facturx_pdf(pdf, filename=filename, company_id=company_id).id

    @api.model
    def _crm_import_facturx_pdf(self, pdf, filename=None, company_id=None):
        company = self.env["res.company"].browse(company_id) if company_id \
            else self.env.user.company_id
        try:
            bill_values, _xml = facturx_import.read_pdf(pdf)
        except facturx_import.FacturxImportError as exc:
            raise UserError(self._crm_facturx_import_message(exc))
        with self.env.cr.savepoint():
            bill = self._crm_create_bill_from_facturx(bill_values, company)
            self.env["ir.attachment"].create({
                "name": filename or "%s.pdf" % bill_values["number"],
                "datas_fname": filename or "%s.pdf" % bill_values["number"],
                "datas": base64.b64encode(pdf),
                "mimetype": "application/pdf",
                "res_model": "account.invoice",
                "res_id": bill.id,
            })
            bill.message_post(body=_("Created from the supplier's Factur-X invoice %s.")
                              % bill_values["number"])
        return bill

    @api.model
    def _crm_facturx_import_message(self, exc):
        details = exc.details or {}
        if exc.code == "corrupt":
            return _("This file is not a readable PDF: no bill was created.")
        if exc.code == "no_xml":
            return _("This PDF holds no Factur-X invoice (no embedded XML): no bill was "
                     "created. Enter the bill by hand.")
        if exc.code == "invalid":
            return _("The Factur-X XML of this PDF is not valid (%s): no bill was created.") \
                % details.get("error", "")
        if exc.code == "totals":
            labels = {"untaxed": _("total excl. VAT"), "tax": _("total VAT"),
                      "total": _("total incl. VAT")}
            problems = "; ".join(
                _("%(label)s: the lines give %(computed)s, the invoice states %(stated)s") % {
                    "label": labels[key], "computed": computed, "stated": stated}
                for key, computed, stated in details.get("problems", []))
            return _("The totals of this Factur-X invoice do not add up (%s): no bill was "
                     "created.") % problems
        return _("This Factur-X has no invoice number or no lines: no bill was created.")

    @api.model
    def _crm_facturx_supplier(self, supplier, company):
        """The supplier of the bill: by SIREN, else VAT number, else a new one."""
        Partner = self.env["res.partner"]
        domain_company = ["|", ("company_id", "=", False), ("company_id", "=", company.id)]
        partner = Partner
        if supplier["siren"]:
            partner = Partner.search([("siren", "=", supplier["siren"]),
                                      ("parent_id", "=", False)] + domain_company, limit=1)
        if not partner and supplier["vat"]:
            partner = Partner.search([("vat", "=ilike", supplier["vat"]),
                                      ("parent_id", "=", False)] + domain_company, limit=1)
        if partner:
            if not partner.supplier:
                partner.supplier = True
            return partner.commercial_partner_id
        country = self.env["res.country"].search(
            [("code", "=", supplier["country_code"] or "FR")], limit=1)
        values = {
            "name": supplier["name"] or supplier["siren"] or supplier["vat"],
            "is_company": True, "supplier": True, "customer": False,
            "street": supplier["street"] or False, "street2": supplier["street2"] or False,
            "zip": supplier["zip"] or False, "city": supplier["city"] or False,
            "country_id": country.id or False, "email": supplier["email"] or False,
        }
        if supplier["siret"] and siren_logic.is_valid_siret(supplier["siret"]):
            values["siret"] = supplier["siret"]
        elif supplier["siren"] and siren_logic.is_valid_siren(supplier["siren"]):
            values["siren"] = supplier["siren"]
        vat = supplier["vat"]
        if vat and len(vat) > 2 and Partner.simple_vat_check(vat[:2].lower(), vat[2:]):
            values["vat"] = vat
        return Partner.create(values)

    @api.model
    def _crm_facturx_purchase_tax(self, rate, company):
        """The company's purchase VAT of ``rate`` % (not included in prices):
        its default purchase tax when it has that rate, else the first one."""
        default_ids = self.env["ir.default"].sudo().get(
            "product.template", "supplier_taxes_id", company_id=company.id) or []
        taxes = self.env["account.tax"].browse(default_ids).exists()
        for tax in taxes:
            if tax.company_id == company and tax.amount_type == "percent" and \
                    not tax.price_include and \
                    float_compare(tax.amount, float(rate), precision_digits=3) == 0:
                return tax
        taxes = self.env["account.tax"].search([
            ("company_id", "=", company.id), ("type_tax_use", "=", "purchase"),
            ("amount_type", "=", "percent"), ("price_include", "=", False)])
        return taxes.filtered(
            lambda tax: float_compare(tax.amount, float(rate), precision_digits=3) == 0)[:1]

    @api.model
    def _crm_create_bill_from_facturx(self, values, company):
        currency = self.env["res.currency"].search([("name", "=", values["currency"])], limit=1)
        if not currency:
            raise UserError(_("The currency %s of this Factur-X invoice is not known: no bill "
                              "was created.") % values["currency"])
        buyer_siren = values["buyer"]["siren"]
        own_siren = company.partner_id.siren or (company.partner_id.siret or "")[:9]
        if buyer_siren and own_siren and buyer_siren != own_siren:
            raise UserError(_("This Factur-X invoice is addressed to the company with SIREN "
                              "%(buyer)s, not to %(company)s: no bill was created.") % {
                                  "buyer": buyer_siren, "company": company.name})
        supplier = self._crm_facturx_supplier(values["supplier"], company)
        bill_type = "in_refund" if values["is_credit_note"] else "in_invoice"
        duplicate = self.search([("partner_id", "=", supplier.id), ("type", "=", bill_type),
                                 ("reference", "=", values["number"]),
                                 ("company_id", "=", company.id)], limit=1)
        if duplicate:
            raise UserError(_("The invoice %(number)s of %(supplier)s is already recorded "
                              "(%(bill)s): no bill was created.") % {
                                  "number": values["number"], "supplier": supplier.name,
                                  "bill": duplicate.display_name})
        journal = self.env["account.journal"].search(
            [("type", "=", "purchase"), ("company_id", "=", company.id)], limit=1)
        if not journal:
            raise UserError(_("The company %s has no purchase journal: no bill was created.")
                            % company.name)
        account = journal.default_debit_account_id or self.env["ir.property"].with_context(
            force_company=company.id).get("property_account_expense_categ_id",
                                          "product.category")
        lines = []
        for line in values["lines"]:
            tax = self.env["account.tax"]
            if line["vat_rate"]:
                tax = self._crm_facturx_purchase_tax(line["vat_rate"], company)
                if not tax:
                    raise UserError(_(
                        "The company %(company)s has no purchase VAT at %(rate)s %%: no bill "
                        "was created.") % {"company": company.name, "rate": line["vat_rate"]})
            quantity, price, name = float(line["quantity"]), float(line["price_unit"]), \
                line["name"]
            if currency.round(quantity * currency.round(price)) != float(line["subtotal"]):
                # a price with more decimals than Odoo keeps: bill the line's amount
                name = "%s (%s x %s)" % (name, line["quantity"], line["price_unit"])
                quantity, price = 1.0, float(line["subtotal"])
            lines.append((0, 0, {
                "name": name, "quantity": quantity, "price_unit": price,
                "account_id": account.id, "invoice_line_tax_ids": [(6, 0, tax.ids)],
            }))
        bill = self.with_context(type=bill_type, journal_id=journal.id).create({
            "type": bill_type, "partner_id": supplier.id, "company_id": company.id,
            "journal_id": journal.id, "currency_id": currency.id,
            "date_invoice": values["date"], "date_due": values["due_date"] or values["date"],
            "reference": values["number"], "account_id": supplier.with_context(
                force_company=company.id).property_account_payable_id.id,
            "invoice_line_ids": lines,
        })
        bill.compute_taxes()
        for field, key, label in (("amount_untaxed", "untaxed", _("total excl. VAT")),
                                  ("amount_tax", "tax", _("total VAT")),
                                  ("amount_total", "total", _("total incl. VAT"))):
            if float_compare(bill[field], float(values[key]),
                             precision_rounding=currency.rounding) != 0:
                raise UserError(_(
                    "With your purchase taxes the bill's %(label)s is %(computed)s, the invoice "
                    "states %(stated)s: no bill was created.") % {
                        "label": label, "computed": bill[field], "stated": values[key]})
        return bill
