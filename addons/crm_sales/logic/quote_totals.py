# -*- coding: utf-8 -*-
"""Amounts of a quote, the French way, in exact decimal arithmetic.

- a line's net amount (excl. VAT) is quantity x unit price x (1 - discount %),
  rounded half-up to the cent;
- the total excl. VAT is the sum of the line nets;
- the VAT is computed once per rate, on the sum of the bases of that rate,
  rounded half-up to the cent ("TVA par taux", as on French invoices), and
  the total incl. VAT is the total excl. VAT plus the VAT of every rate.

Sections and notes (lines with a ``display_type``) carry no amount.

A line's own VAT (:func:`line_amounts`) is the line net x rate rounded on its
own: it is indicative only, since summing rounded line VATs can differ by a
few cents from the VAT per rate, which is what the quote totals use.

No ``odoo`` import here: the models call these functions and the tests run
without a database.
"""
from collections import OrderedDict
from decimal import Decimal, ROUND_HALF_UP

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
ZERO = Decimal(0)

#: The French VAT rates, as the keys the models store (strings, so that
#: 5.5 and 2.1 are exact).
VAT_RATES = ("20", "10", "5.5", "2.1", "0")


def to_decimal(value):
    """``value`` (int, float, str, Decimal or None) as a Decimal.

    Floats go through ``repr`` so that 1.005 stays 1.005 and does not become
    1.00499999999999989... (binary floating point).
    """
    if value is None or value is False or value == "":
        return ZERO
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(str(value).strip().replace(",", "."))


def round_cent(amount):
    """Half-up to the cent (half away from zero: -0.005 -> -0.01)."""
    return to_decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)


def line_net(quantity, price_unit, discount=0):
    """Net amount excl. VAT of a line, rounded to the cent."""
    gross = to_decimal(quantity) * to_decimal(price_unit)
    return round_cent(gross * (HUNDRED - to_decimal(discount)) / HUNDRED)


def line_amounts(quantity, price_unit, discount=0, vat_rate=0):
    """(net excl. VAT, VAT of the line alone, total incl. VAT) of one line."""
    net = line_net(quantity, price_unit, discount)
    tax = round_cent(net * to_decimal(vat_rate) / HUNDRED)
    return net, tax, net + tax


def _rate_key(rate):
    """A rate as a normalized Decimal: "5.50", 5.5 and "5,5" are one rate."""
    return to_decimal(rate).normalize() + ZERO


def compute_totals(lines):
    """Totals of a quote.

    ``lines``: iterable of mappings with the keys ``quantity``,
    ``price_unit``, ``discount``, ``vat_rate`` and optionally
    ``display_type`` (a truthy value marks a section or a note).

    Returns a dict::

        {
          "lines": [{"display_type", "subtotal", "tax", "total"}, ...],
                    # one per input line, in order; zeros for sections/notes
          "taxes": [{"rate", "base", "amount"}, ...],
                    # one per VAT rate with a non-zero base, highest rate first
          "untaxed": Decimal, "tax": Decimal, "total": Decimal,
        }
    """
    result_lines = []
    bases = OrderedDict()
    for line in lines:
        display_type = line.get("display_type") or False
        if display_type:
            result_lines.append({"display_type": display_type, "subtotal": ZERO,
                                 "tax": ZERO, "total": ZERO})
            continue
        net, tax, total = line_amounts(line.get("quantity"), line.get("price_unit"),
                                       line.get("discount"), line.get("vat_rate"))
        result_lines.append({"display_type": False, "subtotal": net, "tax": tax,
                             "total": total})
        rate = _rate_key(line.get("vat_rate"))
        bases[rate] = bases.get(rate, ZERO) + net

    taxes = []
    for rate in sorted(bases, reverse=True):
        base = bases[rate]
        if base == ZERO:
            continue
        taxes.append({"rate": rate, "base": base,
                      "amount": round_cent(base * rate / HUNDRED)})
    untaxed = sum((line["subtotal"] for line in result_lines), ZERO)
    tax = sum((t["amount"] for t in taxes), ZERO)
    return {"lines": result_lines, "taxes": taxes, "untaxed": untaxed, "tax": tax,
            "total": untaxed + tax}


def format_rate(rate):
    """A rate for people: Decimal("5.5") -> "5.5", Decimal("20") -> "20"."""
    rate = to_decimal(rate)
    text = format(rate.normalize() + ZERO, "f")
    return text
