# -*- coding: utf-8 -*-
from . import crm_ticket_stage, crm_ticket_category, crm_ticket_tag
from . import crm_helpdesk_team, crm_helpdesk_sla, crm_ticket
from . import res_partner_helpdesk
