# -*- coding: utf-8 -*-
from . import mail_tracking
from . import crm_calendar_feed
