# -*- coding: utf-8 -*-
"""Amounts of the invoices billed from a signed quote, in exact decimals.

A signed quote is billed either by deposits (acomptes) then a final invoice,
or by progress invoices (situations de travaux) and, when needed, a final
invoice. Every function takes and returns plain values (Decimals); the models
of crm_billing turn records into these values and store what comes back.

The quote's VAT is computed once per rate on the sum of the bases of that
rate (crm_sales' ``logic/quote_totals.py``). To keep the invoices of a quote
equal to the quote to the cent, the invoice that completes the quote takes
the rounding remainder of each rate: its VAT is the quote's VAT of the rate
minus the VAT already invoiced at that rate; progress invoices do the same
with the cumulative amounts (the VAT of a situation is the VAT of the
cumulative base minus the VAT of the previous situations).

Errors are raised as :class:`BillingError` with a code and parameters; the
models turn them into translated messages.
"""
from collections import OrderedDict
from decimal import Decimal

# The quote's own amounts and rounding: billing rounds as the quote did.
from odoo.addons.crm_sales.logic.quote_totals import (  # noqa: F401 (to_decimal: models)
    CENT, HUNDRED, ZERO, round_cent as cent, to_decimal)

#: French law caps the guarantee retention at 5 % (loi du 16 juillet 1971).
MAX_RETENTION_PERCENT = Decimal(5)


class BillingError(ValueError):
    """A quote cannot be billed as asked. ``code`` says why, ``params`` the
    amounts (Decimals) the message shows."""

    def __init__(self, code, **params):
        super(BillingError, self).__init__(code, params)
        self.code = code
        self.params = params


def rate_key(rate):
    """A VAT rate as a normalized Decimal: 5.5, "5.50" and "5,5" are one rate."""
    return to_decimal(rate).normalize() + ZERO


def vat_of(base, rate):
    return cent(to_decimal(base) * rate_key(rate) / HUNDRED)


def _by_rate(rows, key):
    """{rate: sum of row[key]} over ``rows`` (mappings with ``rate``)."""
    result = OrderedDict()
    for row in rows:
        rate = rate_key(row["rate"])
        result[rate] = result.get(rate, ZERO) + to_decimal(row.get(key))
    return result


# ---------------------------------------------------------------- deposits
def deposit_total(quote_total, left_total, percent=None, amount=None):
    """The amount incl. VAT of a new deposit: ``percent`` of the quote's
    total incl. VAT, or ``amount`` (incl. VAT, as French law wants for
    acomptes). Refused when not positive, over the quote, or over what is
    left to invoice."""
    quote_total = to_decimal(quote_total)
    left_total = to_decimal(left_total)
    if percent is not None:
        percent = to_decimal(percent)
        if percent <= ZERO:
            raise BillingError("deposit_not_positive")
        if percent > HUNDRED:
            raise BillingError("deposit_over_quote", amount=cent(quote_total * percent / HUNDRED),
                               quote_total=quote_total)
        total = cent(quote_total * percent / HUNDRED)
    else:
        total = cent(amount)
    if total <= ZERO:
        raise BillingError("deposit_not_positive")
    if total > quote_total:
        raise BillingError("deposit_over_quote", amount=total, quote_total=quote_total)
    if total > left_total:
        raise BillingError("deposit_over_left", amount=total, left_total=left_total)
    return total


def _base_for_total(total, rate):
    """The base excl. VAT whose base + VAT (rounded) makes ``total``; when no
    base makes it to the cent, the closest one (never above ``total``)."""
    rate = rate_key(rate)
    if rate == ZERO:
        return total
    guess = cent(total * HUNDRED / (HUNDRED + rate))
    best = None
    for base in (guess, guess - CENT, guess + CENT):
        gap = total - (base + vat_of(base, rate))
        if gap < ZERO:
            continue
        if best is None or gap < best[0]:
            best = (gap, base)
    return best[1] if best else guess - CENT


def split_deposit(quote_taxes, total):
    """A deposit of ``total`` incl. VAT split over the quote's VAT rates in
    proportion of each rate's total incl. VAT.

    ``quote_taxes``: [{"rate", "base", "amount"}] (the quote's VAT per rate).
    Returns [{"rate", "base", "tax", "total"}], one per rate of the quote
    (highest rate first, as given), whose totals add up to ``total`` (to the
    cent when the last rate allows it, else a cent below: at 20 %, one total
    in six cannot be made of a base and its rounded VAT)."""
    total = cent(total)
    rows = [(rate_key(t["rate"]), to_decimal(t["base"]) + to_decimal(t["amount"]))
            for t in quote_taxes if to_decimal(t["base"])]
    quote_total = sum((ttc for _rate, ttc in rows), ZERO)
    if not rows or quote_total <= ZERO:
        raise BillingError("quote_empty")
    result, allotted = [], ZERO
    for index, (rate, ttc) in enumerate(rows):
        if index == len(rows) - 1:
            part = total - allotted
        else:
            part = cent(total * ttc / quote_total)
        base = _base_for_total(part, rate)
        tax = vat_of(base, rate)
        # a cent a rate cannot reach goes to the next rate
        allotted += base + tax
        result.append({"rate": rate, "base": base, "tax": tax, "total": base + tax})
    return result


# ---------------------------------------------------------------- final invoice
def net_documents(documents):
    """Invoices and their credit notes netted per rate.

    ``documents``: [{"key", "sign" (1 invoice, -1 credit note), "taxes":
    [{"rate", "base", "tax"}]}]; a credit note carries the key of the invoice
    it credits. Returns an OrderedDict {key: {rate: {"base", "tax"}}} of what
    is left of each invoice (rates at zero dropped, invoices fully credited
    dropped)."""
    result = OrderedDict()
    for doc in documents:
        sign = Decimal(doc.get("sign", 1))
        per_rate = result.setdefault(doc["key"], OrderedDict())
        for tax in doc["taxes"]:
            rate = rate_key(tax["rate"])
            row = per_rate.setdefault(rate, {"base": ZERO, "tax": ZERO})
            row["base"] += sign * to_decimal(tax["base"])
            row["tax"] += sign * to_decimal(tax["tax"])
    for key in list(result):
        per_rate = result[key]
        for rate in list(per_rate):
            if not per_rate[rate]["base"] and not per_rate[rate]["tax"]:
                del per_rate[rate]
        if not per_rate:
            del result[key]
    return result


def final_invoice(quote_taxes, previous):
    """The final invoice of a quote after deposits or progress invoices.

    ``quote_taxes``: the quote's [{"rate", "base", "amount"}];
    ``previous``: :func:`net_documents` of the quote's earlier invoices.
    The final invoice bills every line of the quote and deducts, per earlier
    invoice and per rate, its base (``deductions``); its VAT per rate is the
    quote's minus the VAT already invoiced, so the quote is billed to the cent.
    Refused when the earlier invoices exceed the quote at some rate (the VAT
    of a rate would be negative)."""
    quote_base = _by_rate(quote_taxes, "base")
    quote_tax = _by_rate(quote_taxes, "amount")
    deductions, prev_base, prev_tax = [], OrderedDict(), OrderedDict()
    for key, per_rate in previous.items():
        for rate, row in per_rate.items():
            deductions.append({"key": key, "rate": rate, "base": row["base"], "tax": row["tax"]})
            prev_base[rate] = prev_base.get(rate, ZERO) + row["base"]
            prev_tax[rate] = prev_tax.get(rate, ZERO) + row["tax"]
    taxes = []
    for rate in sorted(set(quote_base) | set(prev_base), reverse=True):
        base = quote_base.get(rate, ZERO) - prev_base.get(rate, ZERO)
        tax = quote_tax.get(rate, ZERO) - prev_tax.get(rate, ZERO)
        if base < ZERO or tax < ZERO:
            raise BillingError("final_negative", rate=rate, base=base, tax=tax)
        taxes.append({"rate": rate, "base": base, "tax": tax})
    untaxed = sum((t["base"] for t in taxes), ZERO)
    tax = sum((t["tax"] for t in taxes), ZERO)
    return {"taxes": taxes, "deductions": deductions, "untaxed": untaxed, "tax": tax,
            "total": untaxed + tax,
            "deducted": sum((d["base"] + d["tax"] for d in deductions), ZERO)}


# ---------------------------------------------------------------- progress invoices
def check_percent(percent):
    percent = to_decimal(percent)
    if percent < ZERO or percent > HUNDRED:
        raise BillingError("percent_out_of_range", percent=percent)
    return percent


def progress_invoice(lines, previous_tax=None):
    """A progress invoice (situation) from the cumulative % done per line.

    ``lines``: [{"key", "rate", "contract" (the line's amount excl. VAT on
    the quote), "percent" (cumulative % done, 0 to 100), "previous" (amount
    excl. VAT already billed for the line by earlier situations)}];
    ``previous_tax``: {rate: VAT already billed at that rate}.

    Each line bills its cumulative amount (contract x % rounded to the cent)
    minus what was billed before, so the n-th situation is computed like the
    first and 100 % bills exactly the contract; a line whose % goes down
    bills a negative delta. The VAT of a rate is the VAT of the cumulative
    base minus the VAT billed before at that rate.

    Returns {"lines": [{"key", "rate", "contract", "percent", "cumulative",
    "previous", "delta"}], "taxes": [{"rate", "base", "tax", "cumulative_base",
    "cumulative_tax"}], "contract", "cumulative", "previous", "untaxed", "tax",
    "total"}. Refused: a % outside 0-100, or a situation whose total is
    negative (less work done than billed: that is a credit note)."""
    previous_tax = {rate_key(k): to_decimal(v) for k, v in (previous_tax or {}).items()}
    result_lines = []
    for line in lines:
        percent = check_percent(line["percent"])
        contract = to_decimal(line["contract"])
        cumulative = cent(contract * percent / HUNDRED)
        previous = to_decimal(line.get("previous"))
        result_lines.append({"key": line.get("key"), "rate": rate_key(line["rate"]),
                             "contract": contract, "percent": percent,
                             "cumulative": cumulative, "previous": previous,
                             "delta": cumulative - previous})
    cumulative_base = _by_rate(result_lines, "cumulative")
    delta_base = _by_rate(result_lines, "delta")
    taxes = []
    for rate in sorted(set(cumulative_base) | set(previous_tax), reverse=True):
        cum_base = cumulative_base.get(rate, ZERO)
        cum_tax = vat_of(cum_base, rate)
        tax = cum_tax - previous_tax.get(rate, ZERO)
        base = delta_base.get(rate, ZERO)
        if not base and not tax:
            continue
        taxes.append({"rate": rate, "base": base, "tax": tax,
                      "cumulative_base": cum_base, "cumulative_tax": cum_tax})
    untaxed = sum((t["base"] for t in taxes), ZERO)
    tax = sum((t["tax"] for t in taxes), ZERO)
    if untaxed + tax < ZERO:
        raise BillingError("progress_negative", total=untaxed + tax)
    return {
        "lines": result_lines, "taxes": taxes,
        "contract": sum((row["contract"] for row in result_lines), ZERO),
        "cumulative": sum((row["cumulative"] for row in result_lines), ZERO),
        "previous": sum((row["previous"] for row in result_lines), ZERO),
        "untaxed": untaxed, "tax": tax, "total": untaxed + tax,
    }


def section_members(lines):
    """The lines under each section, in the quote's order: ``lines`` is
    [{"key", "section" (bool)}]; returns {section key: [line keys]} (the
    lines up to the next section)."""
    result, current = OrderedDict(), None
    for line in lines:
        if line.get("section"):
            current = line["key"]
            result[current] = []
        elif current is not None:
            result[current].append(line["key"])
    return result


# ---------------------------------------------------------------- retention
def retention(total, percent):
    """The guarantee retention (retenue de garantie) held back on an invoice
    of ``total`` incl. VAT: ``percent`` (0 to 5) of it, to the cent."""
    percent = to_decimal(percent)
    if percent < ZERO or percent > MAX_RETENTION_PERCENT:
        raise BillingError("retention_out_of_range", percent=percent)
    total = to_decimal(total)
    if total <= ZERO or not percent:
        return ZERO
    return cent(total * percent / HUNDRED)


def left_to_invoice(quote_total, invoiced):
    """What is left to invoice (incl. VAT) on a quote of ``quote_total`` once
    ``invoiced`` (incl. VAT, credit notes deducted) is billed."""
    return to_decimal(quote_total) - to_decimal(invoiced)


def format_number(value):
    """A rate or percentage for messages: Decimal("5.50") -> "5.5", 20.0 -> "20"."""
    return format(to_decimal(value).normalize() + ZERO, "f")
