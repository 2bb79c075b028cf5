# -*- coding: utf-8 -*-
"""Search SIRENE: fill a company (or create one) from the public register.

The search goes through logic/sirene_client.py to the API Recherche
d'entreprises; its address is the system parameter crm_base.sirene_api_url
and its timeout (seconds) crm_base.sirene_timeout. The result lines
(crm.sirene.lookup.result) belong to this wizard: crm_sirene_lookup_result.py.
"""
import logging

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..logic import headcount as headcount_logic
from ..logic import siren as siren_logic
from ..logic import sirene_client

_logger = logging.getLogger(__name__)

URL_PARAM = "crm_base.sirene_api_url"
TIMEOUT_PARAM = "crm_base.sirene_timeout"
# a shorter timeout cannot reach any server: taken as a typing error
MIN_TIMEOUT = 0.1
RESULTS_PER_PAGE = 10

# partner fields filled from a SIRENE result, in the order they are shown
FILLED_FIELDS = ["name", "siren", "siret", "legal_form", "naf_code", "headcount_band",
                 "company_creation_date", "street", "street2", "zip", "city", "country_id",
                 "vat"]


class CrmSireneLookup(models.TransientModel):
    _name = "crm.sirene.lookup"
    _description = "Search SIRENE"

    partner_id = fields.Many2one("res.partner", string="Company", ondelete="cascade",
                                 help="Company to fill; empty: a new company is created.")
    query = fields.Char(string="SIRET, SIREN or name",
                        help="A SIRET (14 digits), a SIREN (9 digits) or words of the name, "
                             "possibly with the city.")
    result_ids = fields.One2many("crm.sirene.lookup.result", "lookup_id", string="Results")
    state = fields.Selection([("search", "Search"), ("confirm", "Confirm")],
                             default="search", required=True)
    chosen_id = fields.Many2one("crm.sirene.lookup.result", string="Chosen company")
    message = fields.Char(readonly=True)
    change_summary = fields.Text(string="Changes", readonly=True)

    # -- the service ----------------------------------------------------------------
    @api.model
    def _sirene_client(self):
        params = self.env["ir.config_parameter"]
        url = params.sudo().get_param(URL_PARAM) or sirene_client.DEFAULT_BASE_URL
        timeout = params._crm_get_float(TIMEOUT_PARAM, sirene_client.DEFAULT_TIMEOUT,
                                        minimum=MIN_TIMEOUT)
        return sirene_client.SireneClient(url, timeout=timeout)

    @api.model
    def _sirene_search(self, query):
        """Companies matching ``query``, or a UserError saying what went wrong."""
        client = self._sirene_client()
        try:
            return client.search(query, per_page=RESULTS_PER_PAGE)
        except sirene_client.SireneError as e:
            _logger.warning("SIRENE lookup %r at %s failed: %s: %s",
                            query, client.base_url, type(e).__name__, e.detail)
            raise UserError(self._sirene_error_message(e, client))

    @api.model
    def _sirene_error_message(self, error, client):
        if isinstance(error, sirene_client.SireneQueryTooShort):
            return _("Type at least 3 characters of the name, a SIREN (9 digits) or a "
                     "SIRET (14 digits).")
        if isinstance(error, sirene_client.SireneTimeout):
            return _("The SIRENE directory (%(url)s) did not answer within %(seconds)s "
                     "seconds. Try again in a moment.") % {
                "url": client.base_url, "seconds": "%g" % client.timeout}
        if isinstance(error, sirene_client.SireneUnreachable):
            return _("The SIRENE directory cannot be reached at %s. Check the Internet "
                     "access of the server, or the address in the system parameter "
                     "crm_base.sirene_api_url.") % client.base_url
        if isinstance(error, sirene_client.SireneRateLimited):
            return _("The SIRENE directory receives too many searches right now. Wait a "
                     "few seconds and search again.")
        if isinstance(error, sirene_client.SireneServerError):
            return _("The SIRENE directory is out of service for the moment (HTTP error "
                     "%s). Try again later.") % error.status
        if isinstance(error, sirene_client.SireneBadQuery):
            return _("The SIRENE directory refused this search: %s") % (
                error.detail or _("no reason given"))
        return _("The SIRENE directory sent an answer that cannot be read. Try again "
                 "later; if it goes on, check the address in the system parameter "
                 "crm_base.sirene_api_url.")

    # -- steps ----------------------------------------------------------------------------
    def _reopen(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Search SIRENE"),
            "res_model": self._name,
            "res_id": self.id,
            "view_type": "form",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": dict(self.env.context),
        }

    def action_search(self):
        self.ensure_one()
        companies = self._sirene_search(self.query)
        Result = self.env["crm.sirene.lookup.result"]
        self.result_ids.unlink()
        for sequence, company in enumerate(companies):
            Result.create(Result._values_from_company(self, company, sequence))
        self.write({
            "state": "search", "chosen_id": False, "change_summary": False,
            "message": (_("No company of the SIRENE register matches “%s”.") % self.query
                        if not companies else False),
        })
        return self._reopen()

    def action_back(self):
        self.write({"state": "search", "chosen_id": False, "change_summary": False})
        return self._reopen()

    def _choose(self, result):
        """First step after a click on a result: apply, or confirm the changes first."""
        self.ensure_one()
        if not self.partner_id:
            self._check_not_known(result)
            return self._create_company(result)
        changed, filled = self._changes(result)
        if not changed:
            return self._apply(result)
        lines = [_("These values of %s will be replaced:") % self.partner_id.display_name]
        lines += ["  • %s: %s → %s" % change for change in changed]
        if filled:
            lines += ["", _("These empty fields will be filled:")]
            lines += ["  • %s: %s" % (label, new) for label, _old, new in filled]
        self.write({"state": "confirm", "chosen_id": result.id,
                    "change_summary": "\n".join(lines)})
        return self._reopen()

    def action_confirm(self):
        self.ensure_one()
        if not self.chosen_id:
            raise UserError(_("Choose a company in the results first."))
        return self._apply(self.chosen_id)

    # -- what changes on the partner ------------------------------------------------------
    def _partner_values(self, result, partner):
        Partner = self.env["res.partner"]
        france = self.env.ref("base.fr")
        country = france
        if result.foreign_country:
            country = self.env["res.country"].search(
                [("name", "=ilike", result.foreign_country)], limit=1)
        values = {
            "name": result.name,
            "siren": result.siren,
            "siret": result.siret or False,
            "legal_form": result.legal_form or False,
            "naf_code": result.naf_code or False,
            "street": result.street or False,
            "street2": result.street2 or False,
            "zip": result.zip or False,
            "city": result.city or False,
            "country_id": country.id or False,
        }
        # fields of res_partner_crm.py (headcount, creation date), when present
        if "headcount_band" in Partner._fields:
            values["headcount_band"] = headcount_logic.band_from_insee(result.headcount_code)
        if "company_creation_date" in Partner._fields:
            values["company_creation_date"] = result.creation_date or False
        if not (partner and partner.vat) and country == france:
            values["vat"] = siren_logic.vat_from_siren(result.siren)
        # never erase a value with an empty one from the register
        return {key: value for key, value in values.items() if value}

    def _display(self, fname, value):
        field = self.env["res.partner"]._fields[fname]
        if not value:
            return ""
        if field.type == "selection":
            return dict(field._description_selection(self.env)).get(value, value)
        if field.type == "many2one":
            return self.env[field.comodel_name].browse(value).display_name \
                if isinstance(value, int) else value.display_name
        if field.type == "date":
            return self.env["crm.format.mixin"]._crm_format_date(value)
        return value

    def _changes(self, result):
        """([(label, old, new)] values replaced, [(label, '', new)] fields filled)."""
        partner = self.partner_id
        values = self._partner_values(result, partner)
        Partner = self.env["res.partner"]
        changed, filled = [], []
        for fname in FILLED_FIELDS:
            if fname not in values:
                continue
            new, old = values[fname], partner[fname]
            if Partner._fields[fname].type == "many2one":
                old = old.id
            if fname in ("siren", "siret"):
                old = siren_logic.normalize(old)
            if old == new:
                continue
            label = Partner._fields[fname].get_description(self.env)["string"]
            entry = (label, self._display(fname, old), self._display(fname, new))
            (changed if old else filled).append(entry)
        return changed, filled

    def _apply(self, result):
        partner = self.partner_id
        values = self._partner_values(result, partner)
        values["is_company"] = True
        partner.write(values)
        partner.message_post(body=_("Company details updated from the SIRENE register "
                                    "(SIREN %s).") % siren_logic.format_siren(result.siren))
        return {"type": "ir.actions.act_window_close"}

    def _check_not_known(self, result):
        Partner = self.env["res.partner"].with_context(active_test=False)
        domain = [("siret", "=", result.siret)] if result.siret else [("siren", "=", result.siren)]
        known = Partner.search(domain + [("is_company", "=", True)], limit=1)
        if known:
            raise UserError(_("%(number)s is already in your contacts as “%(name)s”: open it "
                              "and use Search SIRENE there to update it.") % {
                "number": siren_logic.format_siren(result.siret or result.siren),
                "name": known.display_name})

    def _create_company(self, result):
        values = self._partner_values(result, None)
        values["is_company"] = True
        partner = self.env["res.partner"].create(values)
        partner.message_post(body=_("Company created from the SIRENE register (SIREN %s).")
                             % siren_logic.format_siren(result.siren))
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "res_id": partner.id,
            "view_type": "form",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
