# -*- coding: utf-8 -*-
from . import test_ticket_basics
from . import test_logic_mail_intake, test_ticket_mail_threading
from . import test_ticket_mail_replies, test_ticket_mail_nothing_lost
from . import test_helpdesk_channels
