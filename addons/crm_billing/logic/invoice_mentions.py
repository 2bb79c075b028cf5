# -*- coding: utf-8 -*-
"""What French invoices must say that is computed: the category of the operation.

The e-invoicing reform (décret 2024-266) adds to every invoice the category
of the operation: delivery of goods, provision of services, or both.
"""
# units of a quote line that sell time: the line is a service
TIME_UNITS = ("hour", "day", "week", "month")


def line_category(product_type=None, quote_unit=None):
    """"goods", "services" or None (unknown) for one invoice line: a product
    says it by its type (service, or stockable/consumable goods); a line from a
    quote without product by its unit (time is a service)."""
    if product_type == "service":
        return "services"
    if product_type in ("product", "consu"):
        return "goods"
    if quote_unit:
        return "services" if quote_unit in TIME_UNITS else "goods"
    return None


def operation_category(line_categories, default="services"):
    """"goods", "services" or "mixed" for the categories of an invoice's lines;
    ``default`` when no line says."""
    known = {category for category in line_categories if category}
    if not known:
        return default
    if len(known) == 1:
        return known.pop()
    return "mixed"
