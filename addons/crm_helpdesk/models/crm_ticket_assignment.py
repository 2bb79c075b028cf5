# -*- coding: utf-8 -*-
from odoo import _, models
from odoo.exceptions import AccessError


class CrmTicket(models.Model):
    """A new ticket goes to a member of its team working now (see
    crm_helpdesk_team_assignment.py); with nobody at work, it waits
    unassigned in the team until a manager assigns it or the cron finds
    someone. The assignee follows the ticket (mail.thread follows the
    tracked ``user_id``)."""
    _inherit = "crm.ticket"

    def _crm_on_create(self, vals):
        result = super(CrmTicket, self)._crm_on_create(vals)
        self.filtered(lambda ticket: not ticket.user_id)._crm_assign()
        return result

    def _crm_assign(self):
        """Give each open ticket without an assignee to the member of its team
        whose turn it is now; the ones nobody can take stay as they are.
        Returns the tickets assigned."""
        assigned = self.browse()
        for ticket in self:
            if ticket.user_id or ticket.is_closed or not ticket.team_id \
                    or ticket.team_id.assign_method == "manual":
                continue
            user = ticket.team_id._crm_assignee_for(ticket.category_id)
            if user:
                ticket.write({"user_id": user.id})
                assigned |= ticket
        return assigned

    def action_crm_assign(self):
        """The "Assign" button of managers: the selected tickets without an
        assignee go to the members working now."""
        if not self.env.user.has_group("crm_helpdesk.group_helpdesk_manager"):
            raise AccessError(_("Only a helpdesk manager can assign tickets automatically."))
        self._crm_assign()
        return True
