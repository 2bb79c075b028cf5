# -*- coding: utf-8 -*-
from . import crm_ticket_stage, crm_ticket_category, crm_ticket_tag
from . import crm_helpdesk_team, crm_helpdesk_sla, crm_ticket
from . import res_partner_helpdesk
from . import crm_helpdesk_team_mail, crm_ticket_mail, crm_ticket_canned_reply
from . import crm_mailbox_helpdesk, mail_thread_helpdesk
from . import (crm_helpdesk_team_channels, crm_helpdesk_form_attempt, crm_ticket_web_form,
               crm_ticket_portal, crm_ticket_livechat, mail_channel_helpdesk)
