# -*- coding: utf-8 -*-
from . import crm_ticket_stage, crm_ticket_category, crm_ticket_tag
from . import crm_helpdesk_team, crm_helpdesk_sla, crm_ticket
from . import res_partner_helpdesk
from . import crm_ticket_category_skill, crm_helpdesk_team_assignment, crm_ticket_assignment
from . import crm_ticket_merge
from . import crm_helpdesk_nps_survey, crm_helpdesk_nps_response
from . import crm_ticket_rating, crm_helpdesk_team_rating, crm_helpdesk_team_dashboard
from . import res_partner_helpdesk_rating, crm_ticket_demo
from . import crm_helpdesk_team_mail, crm_ticket_mail, crm_ticket_canned_reply
from . import crm_mailbox_helpdesk, mail_thread_helpdesk
from . import (crm_helpdesk_team_channels, crm_helpdesk_form_attempt, crm_ticket_web_form,
               crm_ticket_portal, crm_ticket_livechat, mail_channel_helpdesk)
from . import crm_helpdesk_team_sla, crm_ticket_sla, crm_helpdesk_sla_escalation
from . import crm_ticket_sla_escalation, crm_helpdesk_sla_report
