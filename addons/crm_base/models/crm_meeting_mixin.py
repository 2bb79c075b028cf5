# -*- coding: utf-8 -*-
"""Meetings about any record: inherit ``crm.meeting.mixin``.

    class CrmTicket(models.Model):
        _name = "crm.ticket"
        _inherit = ["mail.thread", "crm.meeting.mixin"]

        def _crm_meeting_partners(self):          # optional: default partner_id
            return self.partner_id | self.contact_ids

The model then has ``crm_linked_meeting_count`` and two actions for its form:

    <button name="action_crm_linked_meetings" type="object" class="oe_stat_button"
            icon="fa-calendar">
        <field name="crm_linked_meeting_count" widget="statinfo" string="Meetings"/>
    </button>
    <button name="action_crm_schedule_meeting" type="object" string="Schedule a meeting"/>

A meeting is linked through Odoo's own ``res_model``/``res_id`` of
calendar.event (the "Document" button of the meeting), shown as the reference
field "Linked to" of the meeting form, which lists every model of the mixin.
"""
from odoo import _, fields, models


class CrmMeetingMixin(models.AbstractModel):
    _name = "crm.meeting.mixin"
    _description = "Records with meetings"

    crm_linked_meeting_count = fields.Integer(
        string="Meetings", compute="_compute_crm_linked_meeting_count")

    def _crm_meeting_domain(self):
        return [("res_model", "=", self._name), ("res_id", "in", self.ids)]

    def _crm_meeting_partners(self):
        """The contacts invited by default to a meeting about the record."""
        partner_field = self._fields.get("partner_id")
        if partner_field and partner_field.comodel_name == "res.partner":
            return self.mapped("partner_id")
        return self.env["res.partner"]

    def _compute_crm_linked_meeting_count(self):
        records = self.filtered(lambda r: isinstance(r.id, int))
        counts = {}
        if records:
            groups = self.env["calendar.event"].with_context(virtual_id=False).read_group(
                records._crm_meeting_domain(), ["res_id"], ["res_id"])
            counts = {g["res_id"]: g["res_id_count"] for g in groups}
        for record in self:
            record.crm_linked_meeting_count = counts.get(record.id, 0)

    def _crm_meeting_context(self):
        self.ensure_one()
        partners = self._crm_meeting_partners() | self.env.user.partner_id
        return {
            "default_res_model": self._name,
            "default_res_id": self.id,
            "default_partner_ids": [(6, 0, partners.ids)],
            "default_name": self.display_name,
            "virtual_id": True,
        }

    def action_crm_schedule_meeting(self):
        """The calendar, ready to create a meeting about the record."""
        self.ensure_one()
        action = self.env.ref("crm_base.calendar_event_crm_action").read()[0]
        action["name"] = _("Schedule a meeting")
        action["context"] = self._crm_meeting_context()
        action["domain"] = []
        return action

    def action_crm_linked_meetings(self):
        """The meetings about the record (list first)."""
        self.ensure_one()
        action = self.env.ref("crm_base.calendar_event_crm_action").read()[0]
        action.update(
            name=_("Meetings"),
            domain=self._crm_meeting_domain(),
            context=dict(self._crm_meeting_context(), virtual_id=False),
            view_mode="tree,calendar,form",
            views=[(False, "tree"), (False, "calendar"), (False, "form")],
        )
        return action
