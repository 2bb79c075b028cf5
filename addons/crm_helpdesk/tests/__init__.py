# -*- coding: utf-8 -*-
from . import test_ticket_basics
from . import test_sla_deadlines
