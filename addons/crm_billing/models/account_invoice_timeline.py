# -*- coding: utf-8 -*-
"""Customer invoices and credit notes in the 360° record of a contact
(crm_base's ``crm.timeline.mixin``): a smart button with their count and one
item per invoice in the Activity tab, with what is left to pay."""
from odoo import _, api, models

CUSTOMER_TYPES = ("out_invoice", "out_refund")


class AccountInvoice(models.Model):
    _name = "account.invoice"
    _inherit = ["account.invoice", "crm.timeline.mixin"]

    @api.model
    def _crm_timeline_sources(self):
        sources = super(AccountInvoice, self)._crm_timeline_sources()
        return sources + [{
            "key": "invoices", "label": _("Invoices"), "icon": "fa-pencil-square-o",
            "sequence": 17, "date_field": "date_invoice", "kind": "invoice",
            "count_field": "crm_invoice_count",
        }]

    @api.model
    def _crm_timeline_domain(self, key, partners):
        if key == "invoices":
            return [("partner_id", "in", partners.ids), ("type", "in", CUSTOMER_TYPES),
                    ("state", "in", ("open", "paid"))]
        return super(AccountInvoice, self)._crm_timeline_domain(key, partners)

    def _crm_timeline_values(self, key):
        items = super(AccountInvoice, self)._crm_timeline_values(key)
        if key != "invoices":
            return items
        formats = self.env["crm.format.mixin"]
        for item, invoice in zip(items, self):
            kind = _("Credit note") if invoice.type == "out_refund" else _("Invoice")
            item["title"] = "%s %s" % (kind, invoice.number or "")
            total = formats._crm_format_money(invoice.amount_total, invoice.currency_id)
            if invoice.state == "paid":
                item["summary"] = _("%s · paid") % total
            else:
                item["summary"] = _("%(total)s · %(due)s due on %(date)s") % {
                    "total": total,
                    "due": formats._crm_format_money(invoice.residual, invoice.currency_id),
                    "date": formats._crm_format_date(invoice.date_due)}
        return items

    @api.model
    def _crm_timeline_action(self, source, partners):
        action = super(AccountInvoice, self)._crm_timeline_action(source, partners)
        if source["key"] == "invoices":
            tree = self.env.ref("account.invoice_tree")
            form = self.env.ref("account.invoice_form")
            one = partners[:1]
            action.update(views=[(tree.id, "tree"), (form.id, "form")],
                          context={"type": "out_invoice", "default_type": "out_invoice",
                                   "journal_type": "sale",
                                   "default_partner_id": one.id})
        return action
