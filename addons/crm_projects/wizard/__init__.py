# -*- coding: utf-8 -*-
from . import crm_public_holidays_wizard
