# -*- coding: utf-8 -*-
"""The hook of the 360° contact record.

Every model that inherits ``crm.timeline.mixin`` is a *provider*: the contact
form then shows its smart button(s) and its records in the chronological
"Activity" tab of a contact (for a company: of the company and its contacts),
without any change to crm_base. A provider declares one or more *sources*
and, for each, the domain of its records for a set of partners::

    class CrmOpportunity(models.Model):
        _name = "crm.opportunity"
        _inherit = ["mail.thread", "crm.timeline.mixin"]

        @api.model
        def _crm_timeline_sources(self):
            return [{"key": "opportunities", "label": _("Opportunities"),
                     "icon": "fa-star", "sequence": 50,
                     "date_field": "create_date",              # timeline date
                     "count_field": "crm_opportunity_count"}]  # optional

        @api.model
        def _crm_timeline_domain(self, key, partners):
            return [("partner_id", "in", partners.ids)]

        def _crm_timeline_values(self, key):        # optional: richer items
            items = super(CrmOpportunity, self)._crm_timeline_values(key)
            for item, opp in zip(items, self):
                item["summary"] = _("%s € expected") % opp.expected_revenue
            return items

    class ResPartner(models.Model):                 # only for a count on the button
        _inherit = "res.partner"
        crm_opportunity_count = fields.Integer(
            string="Opportunities", compute="_compute_crm_timeline_counts")

A source is a dict: ``key`` (unique), ``label``, ``icon`` (Font Awesome),
``sequence`` (order of the buttons), optionally ``model`` (the model searched,
default: the provider itself), ``date_field`` (default ``create_date``),
``kind`` (default: the key), ``count_field`` (an Integer field of res.partner
computed by ``_compute_crm_timeline_counts``: the button shows it; without it
the button shows the label only), ``button`` (False: timeline only).

An item of the timeline is a dict: ``date`` (UTC, 'YYYY-MM-DD HH:MM:SS'),
``kind``, ``icon``, ``title``, ``summary``, ``author``, ``model``, ``res_id``
and optionally ``url`` (a link instead of opening the record).

Each source costs one search per call, whatever the number of its records.
"""
from odoo import api, models
from odoo.tools import html2plaintext

SUMMARY_LENGTH = 240


def shorten(text, length=SUMMARY_LENGTH):
    text = " ".join((text or "").split())
    return text if len(text) <= length else text[:length - 1].rstrip() + "…"


def html_summary(html, length=SUMMARY_LENGTH):
    """Plain text of an HTML body, links and images removed, shortened."""
    if not html:
        return ""
    text = html2plaintext(html)
    # html2plaintext keeps link targets as footnotes "[1] http://...": drop them
    lines = [line for line in text.splitlines() if not line.strip().startswith("[")]
    return shorten(" ".join(lines).replace("*", ""), length)


class CrmTimelineMixin(models.AbstractModel):
    _name = "crm.timeline.mixin"
    _description = "Provider of the 360° contact record"

    @api.model
    def _crm_timeline_sources(self):
        """The sources this model adds to the contact record (see module doc)."""
        return []

    @api.model
    def _crm_timeline_domain(self, key, partners):
        """Domain of the records of source ``key`` that concern ``partners``."""
        raise NotImplementedError(
            "%s must define _crm_timeline_domain for its source %r" % (self._name, key))

    @api.model
    def _crm_timeline_count(self, source, partners):
        model = self.env[source.get("model") or self._name]
        return model.search_count(self._crm_timeline_domain(source["key"], partners))

    @api.model
    def _crm_timeline_items(self, source, partners, limit):
        """The ``limit`` most recent items of ``source`` for ``partners``."""
        model = self.env[source.get("model") or self._name]
        date_field = source.get("date_field") or "create_date"
        records = model.search(self._crm_timeline_domain(source["key"], partners),
                               order="%s desc, id desc" % date_field, limit=limit)
        items = self._crm_timeline_values_of(source, records)
        for item in items:
            item.setdefault("kind", source.get("kind") or source["key"])
            item.setdefault("icon", source.get("icon") or "fa-circle")
            item.setdefault("source", source["key"])
        return items

    @api.model
    def _crm_timeline_values_of(self, source, records):
        """Items of ``records``: by default ``records._crm_timeline_values``
        when the records are the provider's own, else the generic values."""
        if records._name == self._name:
            return records._crm_timeline_values(source["key"])
        return self._crm_timeline_default_values(source, records)

    def _crm_timeline_values(self, key):
        source = dict(self._crm_timeline_source(key) or {"key": key})
        return self._crm_timeline_default_values(source, self)

    @api.model
    def _crm_timeline_default_values(self, source, records):
        date_field = source.get("date_field") or "create_date"
        is_date = records._fields[date_field].type == "date"
        items = []
        for record in records:  # reads are prefetched for the whole batch
            value = record[date_field] or record.create_date
            if value and is_date:
                value = "%s 00:00:00" % value
            items.append({
                "date": value or False,
                "all_day": is_date,
                "title": record.display_name,
                "summary": "",
                "author": record.create_uid.name or "",
                "model": record._name,
                "res_id": record.id,
            })
        return items

    @api.model
    def _crm_timeline_source(self, key):
        for source in self._crm_timeline_sources():
            if source["key"] == key:
                return source
        return None

    @api.model
    def _crm_timeline_action(self, source, partners):
        """The window action of the smart button of ``source``."""
        model = source.get("model") or self._name
        return {
            "type": "ir.actions.act_window",
            "name": source["label"],
            "res_model": model,
            "view_type": "form",
            "view_mode": "tree,form",
            "views": [(False, "tree"), (False, "form")],
            "domain": self._crm_timeline_domain(source["key"], partners),
            "context": {},
            "target": "current",
        }
