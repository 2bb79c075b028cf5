# -*- coding: utf-8 -*-
"""Every customer invoice PDF that Odoo prints is a Factur-X.

Odoo 11 prints invoices with the reports ``account.account_invoices`` (with
payments) and ``account.account_invoices_without_payment``. For one record,
``render_qweb_pdf`` calls ``postprocess_pdf_report`` with the record's PDF
just before saving it as the invoice's attachment (posted invoices), then
rebuilds the output with PyPDF2, which drops embedded files and metadata. So:

- ``postprocess_pdf_report`` turns the record's PDF into the Factur-X before
  Odoo saves it: the attachment of the invoice (what the email of the invoice
  sends) is the Factur-X;
- ``render_qweb_pdf`` of one posted invoice returns the Factur-X (the saved
  attachment when there is one, else the PDF made Factur-X here).

Printing several invoices at once gives one ordinary PDF of all of them (a
Factur-X holds one invoice); each one's own attachment is a Factur-X.
"""
import base64
import io

from odoo import models

INVOICE_REPORTS = ("account.report_invoice_with_payments", "account.report_invoice")


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _crm_facturx_invoices(self, res_ids):
        """The invoices of ``res_ids`` whose PDF is a Factur-X, for an invoice report."""
        if self.model != "account.invoice" or self.report_name not in INVOICE_REPORTS:
            return self.env["account.invoice"]
        invoices = self.env["account.invoice"].browse(res_ids or [])
        return invoices.filtered(lambda invoice: invoice._crm_is_facturx())

    def postprocess_pdf_report(self, record, buffer):
        if self._crm_facturx_invoices(record.ids):
            pdf = record._crm_facturx_embed(buffer.getvalue())
            buffer.seek(0)
            buffer.truncate()
            buffer.write(pdf)
        return super(IrActionsReport, self).postprocess_pdf_report(record, buffer)

    def render_qweb_pdf(self, res_ids=None, data=None):
        result, kind = super(IrActionsReport, self).render_qweb_pdf(res_ids, data=data)
        if kind != "pdf" or not res_ids or len(res_ids) != 1 or \
                not isinstance(result, bytes) or not result.startswith(b"%PDF"):
            return result, kind
        invoice = self._crm_facturx_invoices(res_ids)
        if not invoice:
            return result, kind
        attachment = self.retrieve_attachment(invoice) if self.attachment else None
        if attachment:
            saved = base64.b64decode(attachment.datas)
            if self._crm_pdf_has_facturx(saved):
                return saved, kind
        return invoice._crm_facturx_embed(result), kind

    @staticmethod
    def _crm_pdf_has_facturx(pdf):
        from pypdf import PdfReader
        try:
            return "factur-x.xml" in PdfReader(io.BytesIO(pdf)).attachments
        except Exception:  # an unreadable PDF is not a Factur-X
            return False
