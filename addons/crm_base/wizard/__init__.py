# -*- coding: utf-8 -*-
from . import crm_custom_field_remove_wizard
from . import crm_mail_file_wizard
from . import crm_sirene_lookup, crm_sirene_lookup_result
from . import crm_ics_import
from . import crm_rgpd_erase
from . import crm_import_wizard_line, crm_import_wizard_preview, crm_import_wizard
