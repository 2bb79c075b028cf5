# -*- coding: utf-8 -*-
"""Retention of prospects (RGPD): the daily ``_crm_rgpd_cron_retention`` flags
(``crm_rgpd_retention_due``) the prospects with nothing done for
``crm_base.rgpd_retention_months`` months (36 by default, as the CNIL
recommends for prospects; set in the RGPD settings,
res_config_settings_rgpd.py), and unflags those that are no longer. A manager
finds them under *Configuration > RGPD > Retention* and erases them with
*Action > Erase personal data (RGPD)* (res_partner_rgpd_erase.py).

Other addons change who is flagged by extending
``_crm_rgpd_retention_candidates()`` with super() (to keep out the people
with an open ticket, say); the messages, activities and meetings of the
contact count already (``last_activity_date``).
"""
import datetime

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

RETENTION_PARAM = "crm_base.rgpd_retention_months"
DEFAULT_RETENTION_MONTHS = 36


class ResPartner(models.Model):
    _inherit = "res.partner"

    crm_rgpd_retention_due = fields.Boolean(
        string="Retention period over", readonly=True, index=True, copy=False,
        help="Set by the daily retention check: a prospect with nothing done for longer than "
             "the retention period of the RGPD settings, to be erased.")

    @api.model
    def _crm_rgpd_retention_months(self):
        return self.env["ir.config_parameter"]._crm_get_int(
            RETENTION_PARAM, DEFAULT_RETENTION_MONTHS, minimum=1)

    @api.model
    def _crm_rgpd_retention_candidates(self):
        """Prospects (people, not companies: the RGPD protects people) that are
        not clients, users or companies of the database, with nothing done -
        no email, note, meeting, activity, consent - for the retention period,
        nor with their company."""
        cutoff = fields.Datetime.to_string(
            datetime.datetime.now() - relativedelta(months=self._crm_rgpd_retention_months()))
        prospect = self.env.ref("crm_base.relationship_type_prospect", raise_if_not_found=False)
        if not prospect:
            return self.browse()
        excluded_types = self.env["crm.relationship.type"].sudo().search(
            [("code", "=", "client")])
        companies = self.env["res.company"].sudo().search([]).mapped("partner_id")
        domain = [
            ("is_company", "=", False),
            ("crm_rgpd_erased", "=", False),
            ("crm_relationship_type_ids", "in", prospect.ids),
            ("user_ids", "=", False),
            ("id", "not in", companies.ids),
            ("create_date", "<", cutoff),
            "|", ("last_activity_date", "=", False), ("last_activity_date", "<", cutoff),
        ]
        if excluded_types:
            domain.append(("crm_relationship_type_ids", "not in", excluded_types.ids))
        candidates = self.sudo().search(domain)
        recent_consents = self.env["crm.consent"].sudo().search([
            ("partner_id", "in", candidates.ids), ("date", ">=", cutoff)]).mapped("partner_id")
        return candidates.filtered(lambda p: p not in recent_consents and not (
            p.parent_id and p.commercial_partner_id.last_activity_date
            and p.commercial_partner_id.last_activity_date >= cutoff))

    @api.model
    def _crm_rgpd_cron_retention(self):
        """Daily: flag the prospects to erase, unflag those that are no longer."""
        due = self._crm_rgpd_retention_candidates()
        flagged = self.sudo().search([("crm_rgpd_retention_due", "=", True)])
        (flagged - due).write({"crm_rgpd_retention_due": False})
        (due - flagged).write({"crm_rgpd_retention_due": True})
        return due
