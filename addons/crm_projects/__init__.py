# -*- coding: utf-8 -*-
from . import controllers, models
from .uninstall import uninstall_hook  # noqa: F401
