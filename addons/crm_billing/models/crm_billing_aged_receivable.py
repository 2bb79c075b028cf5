# -*- coding: utf-8 -*-
"""Report *What customers owe*: the open customer invoices and credit notes,
what is left to pay on each, by customer and by age (SQL view, one row per
invoice).

The age is the number of days since the due date, in the buckets of
``logic.dunning.AGE_BUCKETS`` (not yet due, 1-30, 31-60, 61-90, over 90 days);
each bucket also has its own amount column, so that the list grouped by
customer reads as the usual aged balance. Amounts are in the company's
currency, credit notes negative.
"""
from odoo import fields, models, tools

AGES = [
    ("not_due", "Not yet due"),
    ("1_30", "1-30 days"),
    ("31_60", "31-60 days"),
    ("61_90", "61-90 days"),
    ("over_90", "Over 90 days"),
]


class CrmBillingAgedReceivable(models.Model):
    _name = "crm.billing.aged.receivable"
    _description = "What customers owe"
    _auto = False
    _order = "date_due, id"
    _rec_name = "invoice_id"

    invoice_id = fields.Many2one("account.invoice", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    dunning_level_id = fields.Many2one(
        "crm.dunning.level", string="Reminder level", readonly=True)
    promise_date = fields.Date(string="Payment promised for", readonly=True)
    date_invoice = fields.Date(string="Invoice date", readonly=True)
    date_due = fields.Date(string="Due date", readonly=True)
    days_late = fields.Integer(string="Days late", readonly=True, group_operator="max")
    age = fields.Selection(AGES, readonly=True)
    residual = fields.Monetary(string="Amount due", currency_field="currency_id", readonly=True)
    amount_not_due = fields.Monetary(
        string="Not yet due", currency_field="currency_id", readonly=True)
    amount_1_30 = fields.Monetary(string="1-30 days", currency_field="currency_id",
                                  readonly=True)
    amount_31_60 = fields.Monetary(string="31-60 days", currency_field="currency_id",
                                   readonly=True)
    amount_61_90 = fields.Monetary(string="61-90 days", currency_field="currency_id",
                                   readonly=True)
    amount_over_90 = fields.Monetary(string="Over 90 days", currency_field="currency_id",
                                     readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        # the buckets are those of logic.dunning.age_bucket (a test compares them)
        self.env.cr.execute("""
            CREATE VIEW crm_billing_aged_receivable AS (
                WITH open_invoice AS (
                    SELECT i.id, i.commercial_partner_id, i.user_id, i.company_id,
                           c.currency_id, i.crm_dunning_level_id,
                           GREATEST(i.crm_promise_date, p.crm_promise_date) AS promise_date,
                           i.date_invoice, i.date_due,
                           CURRENT_DATE - COALESCE(i.date_due, i.date_invoice,
                                                   CURRENT_DATE) AS days_late,
                           i.residual_company_signed AS residual
                      FROM account_invoice i
                      JOIN res_company c ON c.id = i.company_id
                      JOIN res_partner p ON p.id = i.commercial_partner_id
                     WHERE i.type IN ('out_invoice', 'out_refund')
                       AND i.state = 'open'
                ), aged AS (
                    SELECT o.*,
                           CASE WHEN o.days_late <= 0 THEN 'not_due'
                                WHEN o.days_late <= 30 THEN '1_30'
                                WHEN o.days_late <= 60 THEN '31_60'
                                WHEN o.days_late <= 90 THEN '61_90'
                                ELSE 'over_90' END AS age
                      FROM open_invoice o
                )
                SELECT a.id AS id, a.id AS invoice_id,
                       a.commercial_partner_id AS partner_id, a.user_id, a.company_id,
                       a.currency_id, a.crm_dunning_level_id AS dunning_level_id,
                       a.promise_date, a.date_invoice, a.date_due,
                       GREATEST(a.days_late, 0) AS days_late, a.age, a.residual,
                       CASE WHEN a.age = 'not_due' THEN a.residual ELSE 0 END
                           AS amount_not_due,
                       CASE WHEN a.age = '1_30' THEN a.residual ELSE 0 END AS amount_1_30,
                       CASE WHEN a.age = '31_60' THEN a.residual ELSE 0 END AS amount_31_60,
                       CASE WHEN a.age = '61_90' THEN a.residual ELSE 0 END AS amount_61_90,
                       CASE WHEN a.age = 'over_90' THEN a.residual ELSE 0 END
                           AS amount_over_90
                  FROM aged a
            )
        """)
