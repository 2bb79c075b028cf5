# -*- coding: utf-8 -*-
from . import crm_opportunity_lost
