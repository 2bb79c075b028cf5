# -*- coding: utf-8 -*-
from . import support_form, portal, livechat
