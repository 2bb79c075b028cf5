# -*- coding: utf-8 -*-
from . import models
from .uninstall import uninstall_hook  # noqa: F401
