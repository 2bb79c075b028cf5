# -*- coding: utf-8 -*-
from . import crm_ticket_merge
