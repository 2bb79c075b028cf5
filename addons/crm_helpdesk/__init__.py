# -*- coding: utf-8 -*-
from . import controllers, models, wizard
