# -*- coding: utf-8 -*-
"""The RGPD hook: how every addon adds its part to the export of a person's
data and to their erasure.

A model that holds personal data of contacts inherits ``crm.rgpd.mixin`` and
says which of its records concern a contact::

    class CrmTicket(models.Model):
        _name = "crm.ticket"
        _inherit = ["mail.thread", "crm.rgpd.mixin"]

        @api.model
        def _crm_rgpd_domain(self, partner):
            return [("partner_id", "=", partner.id)]

Then, without any change to crm_base:

- the export of a person has a part ``crm_ticket`` (one row per ticket; the
  part and its rows can be changed by overriding ``_crm_rgpd_export``);
- the erasure of a person deletes their tickets (``_crm_rgpd_erase``;
  override it to anonymize instead of deleting);
- a model the law says to keep (invoices: 10 years, Code de commerce
  L123-22) sets ``_crm_rgpd_retained = True``: its records, their documents
  and their messages' files are kept, with the person's name replaced
  (``_crm_rgpd_anonymize_retained``).

Addons can also extend res.partner directly, with super():
``_crm_rgpd_export_parts()`` (the parts of the archive) and
``_crm_rgpd_export_files()`` (the files joined), see res_partner_rgpd_export.py;
``_crm_rgpd_retained_models()`` (the models whose documents are kept), each
step of the erasure (``_crm_rgpd_erase_retained(erasure)`` ...
``_crm_rgpd_erase_contact(erasure)``) and ``_crm_rgpd_erase_extra(erasure)``,
see res_partner_rgpd_erase.py.
"""
from odoo import api, models
from odoo.tools import html2plaintext

from ..logic import anonymize

# never exported: technical columns and what the person did not give us
NOT_EXPORTED = {"id", "create_uid", "write_uid", "__last_update", "message_main_attachment_id",
                "password", "password_crypt", "signup_token", "access_token"}
TEXT_TYPES = ("char", "text", "html")


def export_values(records, field_names=None):
    """Rows (dicts of plain values) of ``records``: their stored fields but
    one2many, or those of ``field_names`` that exist, as a person reads them:
    names of linked records, labels of choices, text of HTML. Binary fields are
    left out (files are joined apart)."""
    rows = []
    if not records:
        return rows
    fields_map = records._fields
    if field_names is None:
        # one2many: their records are parts of their own
        field_names = [name for name, field in fields_map.items()
                       if field.store and name not in NOT_EXPORTED
                       and field.type not in ("binary", "one2many")
                       and not name.startswith("message_") and not name.startswith("activity_")]
    else:
        # a field of an addon that is not installed (acc_holder_name of account)
        field_names = [name for name in field_names if name in fields_map]
    labels = {}
    for name in field_names:
        if fields_map[name].type == "selection":
            labels[name] = dict(fields_map[name]._description_selection(records.env))
    for record in records:
        row = {"id": record.id}
        for name in field_names:
            field = fields_map[name]
            value = record[name]
            if field.type == "many2one":
                value = value.display_name if value else None
            elif field.type in ("one2many", "many2many"):
                value = value.mapped("display_name")
            elif field.type == "selection":
                value = labels[name].get(value) if value else None
            elif field.type == "html":
                value = html2plaintext(value).strip() if value else None
            elif field.type == "boolean":
                value = bool(value)
            elif value is False:
                value = None
            row[name] = value
        rows.append(row)
    return rows


def anonymize_retained(records, erasure):
    """Replace the erased person's names (``erasure["names"]``) by their
    anonymous name in the text fields of ``records``. Returns how many
    records changed."""
    changed = 0
    text_fields = [name for name, field in records._fields.items()
                   if field.type in TEXT_TYPES and field.store and not field.compute
                   and not field.related and name not in models.MAGIC_COLUMNS]
    for record in records:
        values = {}
        for name in text_fields:
            value = record[name]
            if value and isinstance(value, str):
                new = anonymize.replace_names(value, erasure["names"], erasure["anonymous_name"])
                if new != value:
                    values[name] = new
        if values:
            record.with_context(tracking_disable=True).write(values)
            changed += 1
    return changed


class CrmRgpdMixin(models.AbstractModel):
    _name = "crm.rgpd.mixin"
    _description = "Holder of personal data of contacts (RGPD export and erasure)"

    # True: the law says to keep these records (invoices...): an erasure keeps
    # them, with the person's name replaced
    _crm_rgpd_retained = False

    @api.model
    def _crm_rgpd_domain(self, partner):
        """Domain of the records of this model that concern ``partner``."""
        raise NotImplementedError(
            "%s must define _crm_rgpd_domain to hold personal data" % self._name)

    @api.model
    def _crm_rgpd_records(self, partner):
        return self.sudo().with_context(active_test=False).search(self._crm_rgpd_domain(partner))

    @api.model
    def _crm_rgpd_export(self, partner):
        """{part name: [rows]} of ``partner``'s data held by this model."""
        if self._abstract:
            return {}
        return {self._name.replace(".", "_"): export_values(self._crm_rgpd_records(partner))}

    @api.model
    def _crm_rgpd_retained_model_names(self):
        """The models this provider declares legally retained."""
        return [self._name] if self._crm_rgpd_retained and not self._abstract else []

    @api.model
    def _crm_rgpd_erase(self, partner, erasure):
        """Erase ``partner``'s data held by this model; ``erasure`` is the
        dict of the running erasure (see res.partner._crm_rgpd_erasure):
        add to its counters. Default: delete the records, or for a retained
        model nothing (res.partner anonymizes the retained records)."""
        if self._abstract or self._crm_rgpd_retained:
            return
        records = self._crm_rgpd_records(partner)
        erasure["counts"]["deleted"] = erasure["counts"].get("deleted", 0) + len(records)
        records.unlink()

    def _crm_rgpd_anonymize_retained(self, erasure):
        """Replace the erased person's names in these legally retained records
        (``self`` as superuser). Returns how many records changed."""
        return anonymize_retained(self, erasure)
