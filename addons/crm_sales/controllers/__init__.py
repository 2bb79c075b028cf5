# -*- coding: utf-8 -*-
from . import quote_public
