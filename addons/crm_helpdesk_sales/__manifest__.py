# -*- coding: utf-8 -*-
{
    "name": "CRM Helpdesk Sales",
    "summary": "Link a ticket to the customer's opportunity; a support request that is a "
               "sales lead becomes an opportunity",
    "version": "11.0.1.0.0",
    "category": "Helpdesk",
    "author": "CRM Suite",
    "license": "LGPL-3",
    # the bridge between crm_helpdesk (tickets) and crm_sales (opportunities):
    # installed by itself when both are
    "depends": [
        "crm_helpdesk",
        "crm_sales",
    ],
    "data": [
        "views/crm_ticket_opportunity_views.xml",
        "views/crm_opportunity_ticket_views.xml",
    ],
    "auto_install": True,
}
