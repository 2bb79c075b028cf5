# -*- coding: utf-8 -*-
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..logic import siren as siren_logic

LEGAL_FORMS = [
    ("ei", "Entreprise individuelle (EI)"),
    ("micro", "Micro-entreprise"),
    ("eurl", "EURL"),
    ("sarl", "SARL"),
    ("sasu", "SASU"),
    ("sas", "SAS"),
    ("sa", "SA"),
    ("snc", "SNC"),
    ("sci", "SCI"),
    ("scop", "SCOP"),
    ("association", "Association loi 1901"),
    ("public", "Public body"),
    ("other", "Other"),
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    siren = fields.Char(
        string="SIREN", index=True, copy=False, track_visibility="onchange",
        help="9-digit identifier of the company in the French SIRENE register.")
    siret = fields.Char(
        string="SIRET", index=True, copy=False, track_visibility="onchange",
        help="14-digit identifier of the establishment: SIREN + 5-digit NIC.")
    naf_code = fields.Char(
        string="NAF/APE code", size=6,
        help="Main activity code in the French NAF rev. 2 nomenclature, e.g. 62.01Z.")
    legal_form = fields.Selection(LEGAL_FORMS, string="Legal form")
    siren_display = fields.Char(
        string="SIREN (formatted)", compute="_compute_siren_display")

    @api.depends("siren", "siret")
    def _compute_siren_display(self):
        for partner in self:
            partner.siren_display = siren_logic.format_siren(partner.siret or partner.siren or "")

    # No size on siren/siret: people type them with spaces ("552 100 554");
    # they are stored as digits only.
    @api.model
    def _setup_fields(self):
        res = super(ResPartner, self)._setup_fields()
        # l10n_fr (French accounting, loaded after us) redefines siret with
        # size=14: its column would become varchar(14) and "552 100 554 00012"
        # be cut before we normalize it. A definition with size=None cannot
        # undo a size (Odoo drops None attributes), so reset it here; the
        # column goes back to plain varchar at the next update.
        self._fields["siret"].size = None
        return res

    @api.model
    def _normalize_legal_ids(self, vals):
        for key in ("siren", "siret"):
            if vals.get(key):
                vals[key] = siren_logic.normalize(vals[key])
        if vals.get("naf_code"):
            vals["naf_code"] = vals["naf_code"].strip().upper()
        return vals

    # The only create() and write() of res.partner in crm_base: the features
    # of the other files plug in here (the contact import replays
    # _crm_prepare_create_values in its batch path, res_partner_import.py).
    @api.model
    def _crm_prepare_create_values(self, vals):
        """``vals`` as crm_base completes them for a new contact."""
        vals = self._normalize_legal_ids(dict(vals))
        if vals.get("siret") and not vals.get("siren"):
            vals["siren"] = vals["siret"][:9]
        if not vals.get("lang"):
            # res_partner_lang.py; None: Odoo's default
            vals.pop("lang", None)
            lang = self._crm_default_lang(vals)
            if lang:
                vals["lang"] = lang
        return vals

    @api.model
    def create(self, vals):
        return super(ResPartner, self).create(self._crm_prepare_create_values(vals))

    def write(self, vals):
        vals = self._normalize_legal_ids(dict(vals))
        # a private contact given to someone else (res_partner_crm.py)
        handover = self._crm_handover_values(vals)
        rest = {key: value for key, value in vals.items() if key not in handover}
        res = True
        if rest or not handover:
            res = super(ResPartner, self).write(rest)
            if rest.get("siret") and "siren" not in rest:
                # a SIRET gives the SIREN of a company that has none; an existing,
                # different SIREN is left for the constraint to report (before a
                # handover, which may hide the contact from the user)
                self.filtered(lambda p: not p.siren).write({"siren": rest["siret"][:9]})
        if handover:
            super(ResPartner, self.sudo()).write(handover)
        return res

    @api.constrains("siren", "siret")
    def _check_siren_siret(self):
        for partner in self:
            if partner.siren and not siren_logic.is_valid_siren(partner.siren):
                raise ValidationError(_(
                    "The SIREN %(siren)s of %(partner)s is not valid: it must have 9 digits "
                    "and a correct check digit.") % {
                        "siren": partner.siren, "partner": partner.display_name})
            if partner.siret and not siren_logic.is_valid_siret(partner.siret):
                raise ValidationError(_(
                    "The SIRET %(siret)s of %(partner)s is not valid: it must have 14 digits "
                    "and a correct check digit.") % {
                        "siret": partner.siret, "partner": partner.display_name})
            if partner.siren and partner.siret and partner.siret[:9] != partner.siren:
                raise ValidationError(_(
                    "The SIRET %(siret)s of %(partner)s does not belong to its SIREN "
                    "%(siren)s: a SIRET starts with the SIREN.") % {
                        "siret": partner.siret, "partner": partner.display_name,
                        "siren": partner.siren})

    @api.onchange("siret")
    def _onchange_siret(self):
        digits = siren_logic.normalize(self.siret)
        if len(digits) == 14:
            self.siren = digits[:9]

    @api.onchange("siren")
    def _onchange_siren_vat(self):
        """Suggest the intra-EU VAT number of a French company from its SIREN."""
        france = self.env.ref("base.fr", raise_if_not_found=False)
        if self.vat or (self.country_id and self.country_id != france):
            return
        vat = siren_logic.vat_from_siren(self.siren)
        if vat:
            self.vat = vat
