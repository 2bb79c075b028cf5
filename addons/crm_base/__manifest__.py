# -*- coding: utf-8 -*-
{
    "name": "CRM Base",
    "summary": "Companies and people for French SMEs: legal identity (SIREN, SIRET, "
               "NAF, VAT), the base of the CRM suite",
    "version": "11.0.1.0.0",
    "category": "Sales",
    "author": "CRM Suite",
    "license": "LGPL-3",
    "depends": ["base", "mail", "contacts", "calendar"],
    "data": [
        "security/crm_base_security.xml",
        "security/ir.model.access.csv",
        "views/res_partner_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/res_partner_demo.xml",
    ],
    "application": True,
    "installable": True,
}
