# -*- coding: utf-8 -*-
from odoo import fields, models


class CrmHelpdeskSla(models.Model):
    """What happens when a ticket of the policy breaks its deadline: the team
    leader is told (a message and an activity) and, with ``escalate_reassign``,
    gets the ticket."""
    _inherit = "crm.helpdesk.sla"

    escalate_reassign = fields.Boolean(
        string="Reassign to the team leader when late",
        help="When a deadline of the policy is missed, the ticket is assigned to the team "
             "leader (who is notified in any case).")
