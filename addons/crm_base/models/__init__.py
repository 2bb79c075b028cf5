# -*- coding: utf-8 -*-
from . import ir_config_parameter_typed, crm_format_mixin, crm_round_robin_mixin
from . import res_partner, res_partner_lang
from . import (crm_relationship_type, crm_partner_relation_type, crm_partner_relation,
               crm_partner_relation_side, res_partner_crm)
from . import (crm_custom_field_mixin, res_partner_custom_fields, crm_custom_field,
               crm_custom_field_option)
from . import (crm_mailbox, crm_mail_unfiled, crm_mail_tracking, mail_message, mail_mail_tracking,
               res_company_mail_tracking, res_config_settings_mail_tracking,
               res_partner_mail_tracking)
from . import crm_timeline_mixin, res_partner_360
from . import (crm_meeting_type, crm_meeting_mixin, calendar_event_crm, res_partner_meeting,
               res_users_ics, crm_meeting_time)
from . import crm_consent_purpose, crm_consent, crm_rgpd_log, crm_rgpd_mixin
# res.partner's RGPD fields keep their order (the columns of the export): retention before erase
from . import res_partner_rgpd, res_partner_consent, res_partner_rgpd_retention
from . import res_partner_rgpd_export, res_partner_rgpd_erase, res_config_settings_rgpd
from . import crm_import_run, res_partner_import
from . import crm_read_group_mixin
from . import res_partner_phone_lookup
