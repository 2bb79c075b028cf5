# -*- coding: utf-8 -*-
"""Amounts, dates and VAT rates written for the person who reads them.

Inherit ``crm.format.mixin`` (or call ``self.env["crm.format.mixin"]``) to
write a value in the language of the context, the reader's: the user in the
web client, the customer in a PDF or an email rendered in their language::

    record._crm_format_money(1234.5)            # "1 234,50 €" in French
    record._crm_format_date("2026-12-03")       # "03/12/2026"
    record._crm_format_datetime("2026-12-03 13:05:00")   # "03/12/2026 14:05" in Paris
    record._crm_format_vat_rate(5.5)            # "5,5 %" ("5.5%" in English)

Odoo's own formatting does the work (``formatLang`` with the language's
separators, ``format_date`` and Babel with the language's date format), and
Babel's CLDR data writes the rates; nothing is formatted by hand.
"""
import decimal

import babel
import babel.dates
import babel.numbers

from odoo import api, fields, models
from odoo.tools.misc import formatLang, format_date, posix_to_ldml


class CrmFormatMixin(models.AbstractModel):
    _name = "crm.format.mixin"
    _description = "Values written in the reader's language"

    @api.model
    def _crm_reader_lang(self):
        """The code of the language to write in: the context's, else the
        company's, else English (only an installed language)."""
        Lang = self.env["res.lang"].sudo()
        for code in (self.env.lang, self.env.user.company_id.partner_id.lang):
            if code and Lang._lang_get(code):
                return code
        return "en_US"

    def _crm_format_money(self, amount, currency=None):
        """``amount`` with its currency: the record's ``currency_id`` (one
        record), else the company's."""
        if currency is None:
            if len(self) == 1 and "currency_id" in self._fields and self.currency_id:
                currency = self.currency_id
            else:
                currency = self.env.user.company_id.currency_id
        env = self.with_context(lang=self._crm_reader_lang()).env
        return formatLang(env, amount or 0.0, currency_obj=currency)

    @api.model
    def _crm_format_date(self, value):
        """A date (``date``, or Odoo's "YYYY-MM-DD" text), as the language
        writes it; "" for no date."""
        if not value:
            return ""
        if not isinstance(value, str):
            value = fields.Date.to_string(value)
        return format_date(self.env, value[:10], lang_code=self._crm_reader_lang())

    @api.model
    def _crm_format_datetime(self, value, tz=None):
        """A moment (UTC ``datetime`` or Odoo's text) in the time zone ``tz``
        (else the context's, else the user's), with the language's date and
        time formats, to the minute; "" for none."""
        if not value:
            return ""
        if isinstance(value, str):
            value = fields.Datetime.from_string(value)
        # context_timestamp falls back to the context's time zone, then the user's
        local = fields.Datetime.context_timestamp(self.with_context(tz=tz) if tz else self, value)
        lang = self.env["res.lang"]._lang_get(self._crm_reader_lang())
        locale = babel.Locale.parse(lang.code)
        posix = "%s %s" % (lang.date_format or "%m/%d/%Y",
                           (lang.time_format or "%H:%M").replace(":%S", ""))
        return babel.dates.format_datetime(local, format=posix_to_ldml(posix, locale=locale),
                                           locale=locale)

    @api.model
    def _crm_format_vat_rate(self, rate):
        """A VAT rate given in percent (20, 5.5, Decimal("2.1")) as the language
        writes a percentage, with every significant decimal: "5,5 %", "5.5%"."""
        locale = babel.Locale.parse(self._crm_reader_lang())
        fraction = decimal.Decimal(str(rate or 0)) / 100
        return babel.numbers.format_percent(fraction, locale=locale, decimal_quantization=False)
