# -*- coding: utf-8 -*-
from . import mail_compose_message_helpdesk
from . import crm_ticket_phone_wizard
