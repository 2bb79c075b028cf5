# -*- coding: utf-8 -*-
from . import nps
from . import support_form, portal, livechat
