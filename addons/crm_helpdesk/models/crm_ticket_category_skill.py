# -*- coding: utf-8 -*-
from odoo import fields, models


class CrmTicketCategory(models.Model):
    """The skill a category asks for: the members who handle its tickets.
    When one of them works now, only they get a new ticket of the category;
    otherwise any member working now does (see crm_helpdesk_team_assignment)."""
    _inherit = "crm.ticket.category"

    skill_user_ids = fields.Many2many(
        "res.users", "crm_ticket_category_skill_user_rel", "category_id", "user_id",
        string="Handled by", domain=[("share", "=", False)],
        help="The members with the skill for this category: they get its tickets first "
             "when one of them works at that moment. Empty: any member.")
