# -*- coding: utf-8 -*-
from . import crm_ticket_stage, crm_ticket_category, crm_ticket_tag
from . import crm_helpdesk_team, crm_helpdesk_sla, crm_ticket
from . import res_partner_helpdesk
from . import crm_helpdesk_team_sla, crm_ticket_sla, crm_helpdesk_sla_escalation
from . import crm_ticket_sla_escalation, crm_helpdesk_sla_report
