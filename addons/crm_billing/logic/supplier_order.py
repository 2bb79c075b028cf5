# -*- coding: utf-8 -*-
"""Quantities of a supplier order: ordered, received, billed.

A supplier order line is ordered once, received in one or several receipts
(never more than ordered), and billed from what was received (never twice:
what a vendor bill already carries, draft or posted, is not billed again; a
supplier credit note gives it back). The order's state follows:

- ``confirmed`` while something is still to receive;
- ``received`` when everything is received but not everything is billed;
- ``billed`` when everything is received and billed.

Quantities are compared after rounding to ``DIGITS`` decimals, so that
0.1 + 0.2 received against 0.3 ordered is a full receipt.

No ``odoo`` import here: the models turn records into plain dicts, call these
functions and store or show the result; the tests run without a database.
"""
from decimal import Decimal, ROUND_HALF_UP

DIGITS = 3
ZERO = Decimal(0)


def quantity(value):
    """``value`` (int, float, str, Decimal, None) as a Decimal rounded to DIGITS."""
    if value is None or value is False or value == "":
        return ZERO
    if isinstance(value, float):
        value = repr(value)
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-DIGITS), rounding=ROUND_HALF_UP)


def over_receipts(lines):
    """The lines a receipt would receive beyond what was ordered.

    ``lines``: mappings with ``key``, ``ordered``, ``received`` (by the
    receipts already done) and ``receiving`` (by this receipt).
    Returns ``[(key, ordered, received + receiving)]`` for each line over its
    ordered quantity, in input order; empty when the receipt is acceptable.
    A negative ``receiving`` is reported too, with the total it would give.
    """
    problems = []
    for line in lines:
        ordered = quantity(line.get("ordered"))
        receiving = quantity(line.get("receiving"))
        total = quantity(line.get("received")) + receiving
        if receiving < ZERO or total > ordered:
            problems.append((line.get("key"), ordered, total))
    return problems


def to_bill(lines):
    """What a new vendor bill should carry, line by line.

    ``lines``: mappings with ``key``, ``received`` and ``billed`` (by the
    vendor bills not cancelled, less the supplier credit notes).
    Returns ``{key: quantity}`` for the lines with something received and not
    billed yet (a positive quantity); nothing for the others.
    """
    result = {}
    for line in lines:
        remaining = quantity(line.get("received")) - quantity(line.get("billed"))
        if remaining > ZERO:
            result[line.get("key")] = remaining
    return result


def reception_status(lines):
    """``"none"``, ``"partial"`` or ``"full"``: how much of the ordered
    quantities was received (``lines``: mappings with ``ordered`` and
    ``received``). An order without quantities is ``"none"``."""
    ordered = [line for line in lines if quantity(line.get("ordered")) > ZERO]
    if not ordered or all(quantity(line.get("received")) <= ZERO for line in ordered):
        return "none"
    if all(quantity(line.get("received")) >= quantity(line.get("ordered"))
           for line in ordered):
        return "full"
    return "partial"


def order_state(lines):
    """The state of a confirmed order from its lines' quantities
    (``ordered``, ``received``, ``billed``): ``confirmed``, ``received`` or
    ``billed`` (see the module's docstring)."""
    if reception_status(lines) != "full":
        return "confirmed"
    if to_bill(dict(line, key=index) for index, line in enumerate(lines)):
        return "received"
    return "billed"
