# -*- coding: utf-8 -*-
from . import crm_facturx_import_wizard
