# -*- coding: utf-8 -*-
from . import crm_ticket_merge
from . import mail_compose_message_helpdesk
from . import crm_ticket_phone_wizard
