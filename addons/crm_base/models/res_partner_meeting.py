# -*- coding: utf-8 -*-
"""Contacts are the first users of crm.meeting.mixin: "Schedule a meeting"
from a contact invites the contact and the user, and links the meeting to
the contact. (The "Meetings" smart button, counting the meetings the contact
attends, is the 360° record's: res_partner_360.py.)"""
from odoo import models


class ResPartner(models.Model):
    _name = "res.partner"
    _inherit = ["res.partner", "crm.meeting.mixin"]

    def _crm_meeting_partners(self):
        return self
