# -*- coding: utf-8 -*-
from . import controllers, models, wizard
from .hooks import post_init_hook  # noqa: F401
from .uninstall import uninstall_hook  # noqa: F401
