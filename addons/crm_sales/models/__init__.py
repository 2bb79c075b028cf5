# -*- coding: utf-8 -*-
from . import crm_sales_team, crm_opportunity_stage, crm_lost_reason, crm_opportunity_tag, crm_payment_term
from . import crm_opportunity, res_partner_opportunity
from . import crm_quote
