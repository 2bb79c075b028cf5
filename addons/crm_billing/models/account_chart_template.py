# -*- coding: utf-8 -*-
from odoo import models


class AccountChartTemplate(models.Model):
    _inherit = "account.chart.template"

    def generate_journals(self, acc_template_ref, company, journals_dict=None):
        """A new company's chart: its sale journals number the French way
        (account_journal_numbering.py) when the company is French."""
        result = super(AccountChartTemplate, self).generate_journals(
            acc_template_ref, company, journals_dict=journals_dict)
        company._crm_billing_set_invoice_numbering()
        return result
