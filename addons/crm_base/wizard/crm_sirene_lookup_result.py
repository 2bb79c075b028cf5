# -*- coding: utf-8 -*-
"""A company found by the SIRENE lookup (crm_sirene_lookup.py), one line of its results."""
from odoo import _, api, fields, models

from ..logic import headcount as headcount_logic
from ..logic import siren as siren_logic
from ..logic import sirene_client
from ..models.res_partner import LEGAL_FORMS


class CrmSireneLookupResult(models.TransientModel):
    _name = "crm.sirene.lookup.result"
    _description = "SIRENE search result"
    _order = "sequence, id"

    lookup_id = fields.Many2one("crm.sirene.lookup", required=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    name = fields.Char(readonly=True)
    siren = fields.Char(string="SIREN", readonly=True)
    siret = fields.Char(string="SIRET", readonly=True)
    siren_display = fields.Char(string="SIREN / SIRET", compute="_compute_siren_display")
    street = fields.Char(readonly=True)
    street2 = fields.Char(readonly=True)
    zip = fields.Char(readonly=True)
    city = fields.Char(readonly=True)
    foreign_country = fields.Char(readonly=True)
    naf_code = fields.Char(string="NAF/APE code", readonly=True)
    legal_form = fields.Selection(LEGAL_FORMS, string="Legal form", readonly=True)
    headcount_code = fields.Char(string="INSEE headcount band", readonly=True)
    headcount_label = fields.Char(string="Headcount", compute="_compute_headcount_label")
    creation_date = fields.Date(string="Creation date", readonly=True)
    status = fields.Selection([("active", "Active"), ("ceased", "Ceased")], readonly=True)

    @api.depends("siren", "siret")
    def _compute_siren_display(self):
        for result in self:
            result.siren_display = siren_logic.format_siren(result.siret or result.siren or "")

    @api.depends("headcount_code")
    def _compute_headcount_label(self):
        band_field = self.env["res.partner"]._fields.get("headcount_band")
        labels = dict(band_field._description_selection(self.env)) if band_field else {}
        for result in self:
            bounds = sirene_client.headcount_range(result.headcount_code)
            band = headcount_logic.band_from_insee(result.headcount_code)
            if band in labels:
                result.headcount_label = labels[band]
            elif bounds == (0, 0):
                result.headcount_label = _("No employee")
            elif bounds and bounds[1] is None:
                result.headcount_label = _("%s employees or more") % bounds[0]
            elif bounds:
                result.headcount_label = _("%(low)s to %(high)s employees") % {
                    "low": bounds[0], "high": bounds[1]}
            else:
                result.headcount_label = ""

    @api.model
    def _values_from_company(self, lookup, company, sequence):
        return {
            "lookup_id": lookup.id,
            "sequence": sequence,
            "name": company["name"],
            "siren": company["siren"],
            "siret": company["siret"],
            "street": company["street"],
            "street2": company["street2"],
            "zip": company["zip"],
            "city": company["city"],
            "foreign_country": company["foreign_country"],
            "naf_code": company["naf_code"],
            "legal_form": company["legal_form"] or False,
            "headcount_code": company["headcount_code"],
            "creation_date": (company["creation_date"]
                              and fields.Date.to_string(company["creation_date"])),
            "status": "active" if company["active"] else "ceased",
        }

    def action_choose(self):
        self.ensure_one()
        return self.lookup_id._choose(self)
