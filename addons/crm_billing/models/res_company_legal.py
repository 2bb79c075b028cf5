# -*- coding: utf-8 -*-
"""What a French company prints on its invoices (Code de commerce L441-9,
L441-10, D441-5; CGI art. 242 nonies A; décret 2024-266 for the e-invoicing
reform), beyond what base, l10n_fr, crm_base and crm_sales already hold:

- the legal form and share capital are the company's partner's (crm_base),
  the SIRET too (crm_base, l10n_fr shows it on the company), the VAT number is
  base's; the registry city (RCS Lyon, or RM for a craftsman) is new here;
- the option for VAT on debits (TVA sur les débits), printed when chosen;
- the late-payment penalty rate: by default the ECB refinancing rate plus
  10 points (L441-10: the ECB rate + 10 points applies unless the terms say
  otherwise, never below three times the legal interest rate), 12.15 %
  with the ECB rate of 2.15 % since June 2025; the company updates it;
- the 40 euro recovery indemnity is crm_sales' ``crm_recovery_fee``.
"""
from odoo import _, api, fields, models

REGISTRY_KINDS = [
    ("rcs", "RCS (trade and companies register)"),
    ("rm", "RM (trades register, craftsmen)"),
]
DEFAULT_PENALTY_RATE = 12.15  # ECB main refinancing rate 2.15 % (June 2025) + 10 points


class ResCompany(models.Model):
    _inherit = "res.company"

    crm_legal_form = fields.Selection(
        related="partner_id.legal_form", string="Legal form", readonly=False)
    crm_share_capital = fields.Monetary(
        related="partner_id.share_capital", string="Share capital", readonly=False,
        currency_field="currency_id")
    crm_registry_kind = fields.Selection(
        REGISTRY_KINDS, string="Register", default="rcs",
        help="Where the company is registered: the RCS for traders and companies, the RM "
             "(répertoire des métiers) for craftsmen.")
    crm_registry_city = fields.Char(
        string="Registry city",
        help="City of the registry office (greffe) or chamber of trades, printed as "
             "\"RCS Lyon 812 345 676\".")
    crm_vat_on_debits = fields.Boolean(
        string="VAT on debits",
        help="The company opted for paying the VAT on services when it invoices (option "
             "pour le paiement de la taxe d'après les débits); invoices then say so.")
    crm_late_penalty_rate = fields.Float(
        string="Late-payment penalty rate (%)", digits=(5, 2), default=DEFAULT_PENALTY_RATE,
        help="Yearly rate of the penalties owed from the day after the due date. By law, the "
             "ECB refinancing rate plus 10 points unless your terms set another, not below "
             "three times the legal interest rate.")

    def _crm_registry_mention(self):
        """"RCS Lyon 812 345 676", else the free company registry text."""
        self.ensure_one()
        siren = self.partner_id.siren or (self.partner_id.siret or "")[:9]
        if self.crm_registry_city and siren:
            kind = dict(REGISTRY_KINDS).get(self.crm_registry_kind or "rcs", "RCS")
            return "%s %s %s" % (kind.split(" ")[0], self.crm_registry_city,
                                 " ".join((siren[0:3], siren[3:6], siren[6:9])))
        return self.company_registry or ""

    def _crm_seller_legal_line(self):
        """The seller's legal identity in one line, in the language of the
        context: "SARL au capital de 50 000,00 € · RCS Lyon 812 345 676"."""
        self.ensure_one()
        partner = self.partner_id
        parts = []
        if partner.legal_form:
            label = dict(partner._fields["legal_form"]._description_selection(self.env)).get(
                partner.legal_form, "")
            if partner.share_capital:
                label = _("%(form)s with a share capital of %(capital)s") % {
                    "form": label, "capital": self.env["crm.format.mixin"]._crm_format_money(
                        partner.share_capital, self.currency_id)}
            parts.append(label)
        registry = self._crm_registry_mention()
        if registry:
            parts.append(registry)
        return " · ".join(parts)

    def _crm_penalty_text(self):
        """The late-payment penalty mention (PMD), with its rate and its basis."""
        self.ensure_one()
        rate = self.env["crm.format.mixin"]._crm_format_vat_rate(self.crm_late_penalty_rate)
        return _("Late-payment penalties: %(rate)s a year (ECB refinancing rate plus 10 points), "
                 "owed from the day after the due date without any reminder "
                 "(French Code de commerce, art. L441-10).") % {"rate": rate}

    def _crm_recovery_fee_text(self):
        """The 40 euro flat recovery indemnity mention (PMT), exact amount."""
        self.ensure_one()
        fee = self.env["crm.format.mixin"]._crm_format_money(
            self.crm_recovery_fee or 40.0, self.currency_id)
        return _("A professional customer who pays late owes a flat indemnity of %(fee)s for "
                 "recovery costs (French Code de commerce, art. L441-10 and D441-5).") % {
                     "fee": fee}

    @api.model
    def _crm_no_discount_text(self):
        """The early-payment discount mention (AAB): none is granted."""
        return _("No discount for early payment.")

    @api.model
    def _crm_vat_on_debits_text(self):
        return _("Option for paying VAT on debits (TVA acquittée sur les débits).")
