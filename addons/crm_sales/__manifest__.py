# -*- coding: utf-8 -*-
{
    "name": "CRM Sales",
    "summary": "Pipeline, opportunities, quotes with e-signature, forecasts and "
               "follow-ups for French SMEs",
    "version": "11.0.1.0.0",
    "category": "Sales",
    "author": "CRM Suite",
    "license": "LGPL-3",
    "depends": ["crm_base", "product", "base_automation"],
    "data": [
        "security/crm_sales_security.xml",
        "security/ir.model.access.csv",
        "security/crm_sales_record_rules.xml",
        "data/crm_opportunity_stage_data.xml",
        "data/crm_lost_reason_data.xml",
        "data/crm_payment_term_data.xml",
        "views/crm_opportunity_views.xml",
        "views/crm_opportunity_stage_views.xml",
        "views/crm_sales_team_views.xml",
        "views/crm_lost_reason_views.xml",
        "views/crm_opportunity_tag_views.xml",
        "views/crm_payment_term_views.xml",
        "wizard/crm_opportunity_lost_views.xml",
        "views/menus.xml",
    ],
    "demo": [
    ],
    "application": True,
    "installable": True,
}
