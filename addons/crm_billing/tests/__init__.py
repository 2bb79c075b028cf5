# -*- coding: utf-8 -*-
from . import test_quote_deposits, test_quote_progress
