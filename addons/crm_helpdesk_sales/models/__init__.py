# -*- coding: utf-8 -*-
from . import crm_ticket_opportunity, crm_opportunity_ticket
