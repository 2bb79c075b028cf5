# -*- coding: utf-8 -*-
from odoo import _, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape

SALES_USER = "crm_sales.group_sales_user"


class CrmTicket(models.Model):
    """A ticket linked to an open opportunity of its customer, or the one
    made from it when the support request is a sales lead."""
    _inherit = "crm.ticket"

    opportunity_id = fields.Many2one(
        "crm.opportunity", index=True, ondelete="set null",
        track_visibility="onchange", groups=SALES_USER,
        domain="[('partner_id', '=', commercial_partner_id), ('state', '=', 'open')]",
        help="The customer's opportunity this request is about.")

    def action_crm_create_opportunity(self):
        """Make an opportunity of the ticket's customer from the ticket (its
        subject and description), link it and open it."""
        self.ensure_one()
        if self.opportunity_id:
            raise UserError(_("This ticket is already linked to the opportunity %s.")
                            % self.opportunity_id.display_name)
        if not self.partner_id:
            raise UserError(_("Set the ticket's customer before making an opportunity."))
        contact = self.partner_id if not self.partner_id.is_company else False
        opportunity = self.env["crm.opportunity"].create({
            "name": self.name,
            "partner_id": self.commercial_partner_id.id or self.partner_id.id,
            "contact_id": contact.id if contact else False,
            "company_id": self.company_id.id,
            "description": self.description,
        })
        self.opportunity_id = opportunity
        link = '<a href="#model=crm.ticket&amp;id=%d">%s</a>' % (
            self.id, html_escape(self.display_name))
        opportunity.message_post(body=_("Made from the ticket %s.") % link,
                                 subtype="mail.mt_note")
        return {"type": "ir.actions.act_window", "res_model": "crm.opportunity",
                "res_id": opportunity.id, "view_mode": "form", "target": "current"}
