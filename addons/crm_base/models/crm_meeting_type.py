# -*- coding: utf-8 -*-
"""Meeting types: "Rendez-vous client" 1 h, "Appel découverte" 30 min...

Choosing a type on a meeting sets its duration (see calendar_event_crm.py).
A type is not one of Odoo's meeting *tags* (calendar.event.type, many per
meeting): a meeting has one type, which says how long it usually lasts.
"""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class CrmMeetingType(models.Model):
    _name = "crm.meeting.type"
    _description = "Meeting type"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    default_duration = fields.Float(
        string="Default duration", required=True, default=1.0,
        help="Duration (in hours) given to a meeting when this type is chosen.")
    color = fields.Integer(string="Color index")
    categ_ids = fields.Many2many(
        "calendar.event.type", "crm_meeting_type_categ_rel", "type_id", "categ_id",
        string="Tags", help="Tags added to a meeting when this type is chosen.")
    meeting_count = fields.Integer(string="Meetings", compute="_compute_meeting_count")

    _sql_constraints = [
        ("name_uniq", "unique (name)", "A meeting type with this name already exists."),
    ]

    @api.constrains("default_duration")
    def _check_default_duration(self):
        for meeting_type in self:
            if meeting_type.default_duration <= 0 or meeting_type.default_duration > 24:
                raise ValidationError(_("The default duration of a meeting type must be "
                                        "between 1 minute and 24 hours."))

    def _compute_meeting_count(self):
        groups = self.env["calendar.event"].with_context(virtual_id=False).read_group(
            [("crm_meeting_type_id", "in", self.ids)], ["crm_meeting_type_id"],
            ["crm_meeting_type_id"])
        counts = {g["crm_meeting_type_id"][0]: g["crm_meeting_type_id_count"] for g in groups}
        for meeting_type in self:
            meeting_type.meeting_count = counts.get(meeting_type.id, 0)
