# -*- coding: utf-8 -*-
"""The 360° contact record: smart buttons and the chronological "Activity" tab.

res.partner is itself the first provider of the timeline (see
crm_timeline_mixin.py): emails, meetings, calls, notes, documents and planned
activities of the contact and, for a company, of its contacts. Other addons
add theirs by inheriting ``crm.timeline.mixin`` on their own models.
"""
from lxml import etree

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..logic.inheritance import models_inheriting
from .crm_timeline_mixin import html_summary, shorten

TIMELINE_PAGE = 40
TIMELINE_MAX = 500


def _human_size(size):
    size = size or 0
    for unit in ("B", "kB", "MB"):
        if size < 1024 or unit == "MB":
            return "%d %s" % (size, unit) if unit == "B" else "%.1f %s" % (size, unit)
        size /= 1024.0


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "crm.timeline.mixin"]

    crm_email_count = fields.Integer(
        string="Emails", compute="_compute_crm_timeline_counts",
        help="Emails received from or sent to the contact (and its contacts for a company).")
    crm_meeting_count = fields.Integer(
        string="Meetings", compute="_compute_crm_timeline_counts")
    crm_call_count = fields.Integer(
        string="Calls", compute="_compute_crm_timeline_counts",
        help="Calls done: planned call activities marked as done.")
    crm_note_count = fields.Integer(
        string="Notes", compute="_compute_crm_timeline_counts")
    crm_document_count = fields.Integer(
        string="Documents", compute="_compute_crm_timeline_counts",
        help="Files attached to the contact and to its messages.")
    crm_planned_count = fields.Integer(
        string="Planned", compute="_compute_crm_timeline_counts",
        help="Activities planned on the contact: calls, meetings, to-dos...")

    # -- the built-in sources ---------------------------------------------------
    @api.model
    def _crm_timeline_sources(self):
        sources = super(ResPartner, self)._crm_timeline_sources()
        return sources + [
            {"key": "emails", "label": _("Emails"), "icon": "fa-envelope-o", "sequence": 10,
             "model": "mail.message", "date_field": "date", "kind": "email",
             "count_field": "crm_email_count"},
            {"key": "meetings", "label": _("Meetings"), "icon": "fa-calendar", "sequence": 20,
             "model": "calendar.event", "date_field": "start", "kind": "meeting",
             "count_field": "crm_meeting_count", "context": {"virtual_id": False}},
            {"key": "calls", "label": _("Calls"), "icon": "fa-phone", "sequence": 30,
             "model": "mail.message", "date_field": "date", "kind": "call",
             "count_field": "crm_call_count"},
            {"key": "notes", "label": _("Notes"), "icon": "fa-sticky-note-o", "sequence": 40,
             "model": "mail.message", "date_field": "date", "kind": "note",
             "count_field": "crm_note_count"},
            {"key": "documents", "label": _("Documents"), "icon": "fa-paperclip", "sequence": 50,
             "model": "ir.attachment", "date_field": "create_date", "kind": "document",
             "count_field": "crm_document_count"},
            {"key": "planned", "label": _("Planned"), "icon": "fa-clock-o", "sequence": 60,
             "model": "mail.activity", "date_field": "date_deadline", "kind": "planned",
             "count_field": "crm_planned_count"},
        ]

    @api.model
    def _crm_timeline_domain(self, key, partners):
        on_partners = [("model", "=", "res.partner"), ("res_id", "in", partners.ids)]
        call_type = self.env.ref("mail.mail_activity_data_call", raise_if_not_found=False)
        if key == "emails":
            comment = self.env.ref("mail.mt_comment")
            # received emails, and messages sent from the chatter ("Send message")
            return on_partners + ["|", ("message_type", "=", "email"),
                                  "&", ("message_type", "=", "comment"),
                                  ("subtype_id", "=", comment.id)]
        if key == "calls":
            return on_partners + [("mail_activity_type_id", "=", call_type.id if call_type else 0)]
        if key == "notes":
            note = self.env.ref("mail.mt_note")
            return on_partners + [("message_type", "=", "comment"), ("subtype_id", "=", note.id),
                                  ("mail_activity_type_id", "=", False)]
        if key == "meetings":
            return [("partner_ids", "in", partners.ids)]
        if key == "documents":
            return [("res_model", "=", "res.partner"), ("res_id", "in", partners.ids)]
        if key == "planned":
            return [("res_model", "=", "res.partner"), ("res_id", "in", partners.ids)]
        return super(ResPartner, self)._crm_timeline_domain(key, partners)

    @api.model
    def _crm_timeline_values_of(self, source, records):
        key = source["key"]
        if key in ("emails", "calls", "notes"):
            return self._crm_timeline_message_values(source, records)
        if key == "meetings":
            return [{
                "date": event.start, "all_day": event.allday,
                "title": event.name,
                "summary": shorten(" · ".join(filter(None, [
                    event.location, event.description]))),
                "author": event.user_id.name or "",
                "model": "calendar.event", "res_id": event.id,
            } for event in records]
        if key == "documents":
            return [{
                "date": doc.create_date, "all_day": False,
                "title": doc.datas_fname or doc.name,
                "summary": " · ".join(filter(None, [doc.mimetype, _human_size(doc.file_size)])),
                "author": doc.create_uid.name or "",
                "model": "ir.attachment", "res_id": doc.id,
                "url": "/web/content/%d?download=true" % doc.id,
            } for doc in records]
        if key == "planned":
            return [{
                "date": "%s 00:00:00" % activity.date_deadline, "all_day": True,
                "title": activity.summary or activity.activity_type_id.name,
                "summary": html_summary(activity.note),
                "author": activity.user_id.name or "",
                "icon": activity.activity_type_id.icon or source["icon"],
                "planned": True,
                "model": "mail.activity", "res_id": activity.id,
            } for activity in records]
        return super(ResPartner, self)._crm_timeline_values_of(source, records)

    @api.model
    def _crm_timeline_message_values(self, source, messages):
        default_titles = {"emails": _("Email"), "calls": _("Call"), "notes": _("Note")}
        items = []
        for message in messages:
            title = message.subject or default_titles[source["key"]]
            if source["key"] == "calls":
                # the subject of a done activity is the automatic "Re: <contact>"
                title = message.mail_activity_type_id.name or title
            items.append({
                "date": message.date, "all_day": False,
                "title": title,
                "summary": html_summary(message.body),
                "author": message.author_id.name or message.email_from or "",
                "model": "mail.message", "res_id": message.id,
            })
        return items

    @api.model
    def _crm_timeline_action(self, source, partners):
        action = super(ResPartner, self)._crm_timeline_action(source, partners)
        one = partners[:1]
        if source["key"] == "meetings":
            action.update(view_mode="calendar,tree,form",
                          views=[(False, "calendar"), (False, "tree"), (False, "form")],
                          context={"default_partner_ids": [(6, 0, [one.id])] if one else [],
                                   "virtual_id": False})
        elif source["key"] == "documents":
            action.update(view_mode="kanban,tree,form",
                          views=[(False, "kanban"), (False, "tree"), (False, "form")],
                          context={"default_res_model": "res.partner",
                                   "default_res_id": one.id})
        return action

    # -- the engine ----------------------------------------------------------------
    @api.model
    def _crm_timeline_providers(self):
        """Names of the models that feed the 360° record: every model inheriting
        crm.timeline.mixin, directly or through another model, nearest first."""
        return models_inheriting(self.env.registry, "crm.timeline.mixin")

    @api.model
    def _crm_timeline_all_sources(self):
        """[(provider, source)] the user may read, in the order of their buttons.
        A key declared twice (a model copying a provider) counts once."""
        result, keys = [], set()
        for name in self._crm_timeline_providers():
            provider = self.env[name]
            for source in provider._crm_timeline_sources():
                model = source.get("model") or name
                if source["key"] in keys or model not in self.env or \
                        not self.env[model].check_access_rights("read", raise_exception=False):
                    continue
                keys.add(source["key"])
                result.append((provider, source))
        result.sort(key=lambda ps: (ps[1].get("sequence", 100), ps[1]["key"]))
        return result

    def _crm_timeline_partners(self):
        """The partner and, for a company, its contacts and addresses (archived too)."""
        return self.with_context(active_test=False).search([("id", "child_of", self.ids)])

    def _compute_crm_timeline_counts(self):
        count_fields = [name for name, field in self._fields.items()
                        if field.compute == "_compute_crm_timeline_counts"]
        sources = [(provider, source) for provider, source in self._crm_timeline_all_sources()
                   if source.get("count_field") in count_fields]
        for partner in self:
            values = dict.fromkeys(count_fields, 0)
            if isinstance(partner.id, int):  # not for a record being created
                partners = partner._crm_timeline_partners()
                for provider, source in sources:
                    provider = provider.with_context(**source.get("context", {}))
                    values[source["count_field"]] = provider._crm_timeline_count(source, partners)
            partner.update(values)

    def action_crm_timeline_open(self):
        """Smart button: the records of the source named in the context."""
        self.ensure_one()
        key = self.env.context.get("crm_timeline_source")
        for provider, source in self._crm_timeline_all_sources():
            if source["key"] == key:
                provider = provider.with_context(**source.get("context", {}))
                return provider._crm_timeline_action(source, self._crm_timeline_partners())
        raise UserError(_("This list is not available to you."))

    def crm_timeline_get(self, limit=TIMELINE_PAGE):
        """The latest ``limit`` items of the contact, newest first (the Activity tab).

        Returns {"items": [...], "has_more": bool}; each source is read with one
        search of at most ``limit + 1`` records.
        """
        self.ensure_one()
        limit = max(1, min(int(limit or TIMELINE_PAGE), TIMELINE_MAX))
        partners = self._crm_timeline_partners()
        items = []
        for provider, source in self._crm_timeline_all_sources():
            provider = provider.with_context(**source.get("context", {}))
            items += provider._crm_timeline_items(source, partners, limit + 1)
        items = [item for item in items if item.get("date")]
        items.sort(key=lambda item: (item["date"], item.get("res_id") or 0), reverse=True)
        for item in items[:limit]:
            item["label"] = self._crm_timeline_date_label(item)
        return {"items": items[:limit], "has_more": len(items) > limit}

    def _crm_timeline_date_label(self, item):
        """The date as the user reads it: in their language and time zone."""
        formats = self.env["crm.format.mixin"]
        if item.get("all_day"):
            return formats._crm_format_date(item["date"])
        return formats._crm_format_datetime(item["date"])

    # -- the smart buttons, one per source -------------------------------------------------
    @api.model
    def _fields_view_get(self, view_id=None, view_type="form", toolbar=False, submenu=False):
        res = super(ResPartner, self)._fields_view_get(
            view_id=view_id, view_type=view_type, toolbar=toolbar, submenu=submenu)
        if view_type == "form" and 'name="crm_timeline"' in res.get("arch", ""):
            res["arch"] = self._crm_timeline_add_buttons(res["arch"])
        return res

    @api.model
    def _crm_timeline_add_buttons(self, arch):
        doc = etree.fromstring(arch)
        boxes = doc.xpath("//div[@name='button_box']")
        if not boxes:
            return arch
        for _provider, source in self._crm_timeline_all_sources():
            if source.get("button") is False:
                continue
            button = etree.SubElement(boxes[0], "button", {
                "name": "action_crm_timeline_open", "type": "object",
                "class": "oe_stat_button", "icon": source.get("icon") or "fa-list",
                "context": repr({"crm_timeline_source": source["key"]}),
            })
            if source.get("count_field") in self._fields:
                etree.SubElement(button, "field", {
                    "name": source["count_field"], "widget": "statinfo",
                    "string": source["label"]})
            else:
                button.set("string", source["label"])
        return etree.tostring(doc, encoding="unicode")

    # -- SIRENE -------------------------------------------------------------------------------
    def action_crm_sirene_lookup(self):
        """Open the SIRENE search, prefilled with the SIRET, SIREN or name."""
        self.ensure_one()
        wizard = self.env["crm.sirene.lookup"].create({
            "partner_id": self.id,
            "query": self.siret or self.siren or self.name or "",
        })
        if wizard.query and len(wizard.query.strip()) >= 3:
            try:
                wizard.action_search()
            except UserError as e:  # shown in the wizard, where the user can retry
                wizard.message = e.name
        return wizard._reopen()
