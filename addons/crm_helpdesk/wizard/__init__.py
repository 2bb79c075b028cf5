# -*- coding: utf-8 -*-
from . import crm_ticket_merge
from . import crm_ticket_phone_wizard
