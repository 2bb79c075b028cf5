# -*- coding: utf-8 -*-
{
    "name": "CRM Billing",
    "summary": "Invoices from signed quotes, deposits, progress billing, Factur-X, payments, "
               "dunning, supplier orders and bank matching on French accounting",
    "version": "11.0.1.0.0",
    "category": "Accounting",
    "author": "CRM Suite",
    "license": "LGPL-3",
    # crm_sales: invoices are billed from its signed quotes (crm.quote), and its
    # cash-in forecast gains the open invoices. account + l10n_fr: Odoo's own
    # accounting with the French chart and VAT; l10n_fr_fec: the FEC export;
    # l10n_fr_certification: the inalterability hash of posted entries.
    "depends": [
        "crm_sales",
        "account",
        "l10n_fr",
        "l10n_fr_fec",
        "l10n_fr_certification",
        "account_bank_statement_import",
        "account_bank_statement_import_ofx",
        "account_bank_statement_import_camt_oca",
        "portal",
    ],
    "external_dependencies": {
        "python": ["facturx", "pypdf", "stdnum", "saxonche", "ofxparse"],
    },
    "data": [
        "security/crm_billing_security.xml",
        "security/ir.model.access.csv",
        "security/crm_billing_situation_security.xml",
        "views/crm_quote_billing_views.xml",
        "views/crm_billing_situation_views.xml",
        "views/account_invoice_quote_views.xml",
        "wizard/crm_quote_invoice_wizard_views.xml",
        "report/account_invoice_report_quote.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/res_company_demo.xml",
        "demo/crm_billing_quote_demo.xml",
    ],
    "post_init_hook": "post_init_hook",
    "application": True,
}
