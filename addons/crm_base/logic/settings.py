"""Typed values of system parameters (``ir.config_parameter`` keeps text).

A value that is missing, unreadable or outside the bounds gives the default:
a setting typed wrong by an administrator must not stop a daily job.
"""

TRUE_WORDS = ("1", "true", "yes", "on", "y", "t")
FALSE_WORDS = ("0", "false", "no", "off", "n", "f", "")


def _in_bounds(value, minimum, maximum):
    return (minimum is None or value >= minimum) and (maximum is None or value <= maximum)


def parse_int(raw, default, minimum=None, maximum=None):
    """``raw`` (text) as an integer; "12" -> 12, "12.0" or "twelve" -> default."""
    if raw is None or raw is False:
        return default
    try:
        value = int(str(raw).strip())
    except ValueError:
        return default
    return value if _in_bounds(value, minimum, maximum) else default


def parse_float(raw, default, minimum=None, maximum=None):
    """``raw`` (text) as a number; a decimal comma is read too ("3,5" -> 3.5)."""
    if raw is None or raw is False:
        return default
    try:
        value = float(str(raw).strip().replace(",", "."))
    except ValueError:
        return default
    if value != value or value in (float("inf"), float("-inf")):  # nan, infinities
        return default
    return value if _in_bounds(value, minimum, maximum) else default


def parse_bool(raw, default=False):
    """``raw`` (text) as a yes/no: "1", "true", "yes", "on" / "0", "false",
    "no", "off", "" (any case); anything else gives the default."""
    if raw is None or raw is False:
        return default
    word = str(raw).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    return default
