# -*- coding: utf-8 -*-
{
    "name": "CRM Helpdesk Projects",
    "summary": "Link a ticket to the customer's project and task; time spent on tickets as "
               "the project's timesheets",
    "version": "11.0.1.0.0",
    "category": "Helpdesk",
    "author": "CRM Suite",
    "license": "LGPL-3",
    # the bridge between crm_helpdesk (tickets) and crm_projects (projects,
    # timesheets, profitability): installed by itself when both are
    "depends": [
        "crm_helpdesk",
        "crm_projects",
    ],
    "data": [
        "views/crm_ticket_project_views.xml",
        "views/account_analytic_line_ticket_views.xml",
    ],
    "auto_install": True,
}
