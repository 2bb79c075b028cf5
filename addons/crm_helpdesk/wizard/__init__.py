# -*- coding: utf-8 -*-
from . import mail_compose_message_helpdesk
