# -*- coding: utf-8 -*-
from . import crm_sales_team, crm_opportunity_stage, crm_lost_reason, crm_opportunity_tag, crm_payment_term
from . import crm_opportunity, res_partner_opportunity
from . import crm_quote, crm_quote_line, crm_quote_template, res_company_quote, crm_opportunity_quote
from . import crm_quote_view, crm_quote_share
from . import crm_sales_target, crm_sales_target_report, crm_stage_rule, crm_opportunity_relance, crm_quote_followup, res_config_settings_sales
from . import crm_sales_cash_forecast
