# -*- coding: utf-8 -*-
from . import test_logic_siren, test_partner_legal_identity
from . import test_logic_custom_fields, test_custom_fields
from . import test_logic_sirene, test_sirene_lookup, test_partner_360
from . import (test_logic_mail_filing, test_logic_mail_tracking, test_mail_mailbox,
               test_mail_tracking)
from . import (test_logic_partner_relations, test_logic_headcount, test_contacts_fields,
               test_contacts_relations, test_access_contacts)
from . import (test_logic_ics, test_logic_meeting_time, test_agenda_meetings, test_agenda_access,
               test_agenda_feed, test_agenda_import, test_agenda_meeting_time)
from . import (test_logic_dedup, test_logic_import_reader, test_logic_import_mapping,
               test_import_wizard)
from . import test_import_batch_create
from . import test_demo_data, test_logic_inheritance
from . import (test_logic_rgpd_anonymize, test_logic_rgpd_export, test_rgpd_consent,
               test_rgpd_export, test_rgpd_erase, test_rgpd_retention)
