# -*- coding: utf-8 -*-
# One class a file, named after its model: <model>.py defines the model,
# <model>_<feature>.py extends it for one feature of this addon.
from . import crm_sales_team, crm_opportunity_stage, crm_opportunity_lost_reason
from . import crm_opportunity_tag, crm_payment_term
from . import crm_opportunity, crm_opportunity_quote, crm_opportunity_followup
from . import crm_opportunity_stage_rule, crm_opportunity_forecast
from . import res_partner_opportunity
from . import crm_quote_line_mixin, crm_quote, crm_quote_line, crm_quote_share
from . import crm_quote_followup, crm_quote_visit
from . import crm_quote_template, crm_quote_template_line, res_company_quote
from . import crm_sales_target, crm_sales_target_report, crm_sales_cash_forecast
from . import crm_stage_rule, crm_stage_rule_activity, res_config_settings_sales
