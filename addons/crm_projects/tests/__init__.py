# -*- coding: utf-8 -*-
from . import test_timesheet_profitability, test_timesheet_meeting_rights
