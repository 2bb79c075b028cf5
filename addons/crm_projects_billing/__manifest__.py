# -*- coding: utf-8 -*-
{
    "name": "CRM Projects Billing",
    "summary": "Invoice a project's time and re-invoiceable expenses through crm_billing",
    "version": "11.0.1.0.0",
    "category": "Project",
    "author": "CRM Suite",
    "license": "LGPL-3",
    # the bridge between crm_projects (timesheets, expenses) and crm_billing
    # (French invoices): installed by itself when both are
    "depends": [
        "crm_projects",
        "crm_billing",
    ],
    "data": [
        "security/ir.model.access.csv",
        "views/project_project_billing_views.xml",
    ],
    "auto_install": True,
}
