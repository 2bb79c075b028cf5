# -*- coding: utf-8 -*-
from . import test_ticket_basics
from . import test_ticket_assignment, test_ticket_merge
from . import test_ticket_rating, test_helpdesk_nps, test_team_dashboard
from . import test_helpdesk_demo
from . import test_ticket_mail_threading
from . import test_ticket_mail_replies, test_ticket_mail_nothing_lost
from . import test_helpdesk_channels
from . import test_sla_deadlines
