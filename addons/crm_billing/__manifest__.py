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
        # the pay button of the invoice page of the portal (/my/invoices/<id>) and
        # the wire-transfer acquirer that gives the bank details
        "account_payment",
        "payment_transfer",
    ],
    "external_dependencies": {
        "python": ["facturx", "pypdf", "stdnum", "saxonche", "ofxparse"],
    },
    "data": [
        "security/crm_billing_security.xml",
        "security/ir.model.access.csv",
        "views/res_company_legal_views.xml",
        "views/account_invoice_legal_views.xml",
        "report/account_invoice_report.xml",
        "wizard/crm_facturx_import_wizard_views.xml",
        "data/crm_bank_matching_data.xml",
        "views/crm_bank_match_proposal_views.xml",
        "views/crm_bank_csv_mapping_views.xml",
        "security/crm_billing_bank_rules.xml",
        "security/crm_billing_receivables_security.xml",
        "data/crm_dunning_data.xml",
        "views/account_invoice_dunning_views.xml",
        "views/crm_dunning_level_views.xml",
        "views/crm_billing_aged_receivable_views.xml",
        "views/res_partner_receivables_views.xml",
        "views/crm_sales_cash_forecast_invoice_views.xml",
        "security/crm_billing_supplier_security.xml",
        "data/crm_supplier_order_sequence.xml",
        "views/crm_supplier_order_views.xml",
        "views/crm_supplier_receipt_views.xml",
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
        "demo/res_company_legal_demo.xml",
        "demo/crm_billing_bank_demo.xml",
        "demo/crm_billing_receivables_demo.xml",
        "demo/crm_billing_supplier_demo.xml",
        "demo/crm_billing_quote_demo.xml",
        "demo/crm_billing_credit_note_demo.xml",
    ],
    "post_init_hook": "post_init_hook",
    "application": True,
}
