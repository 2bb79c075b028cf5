"""Relations between partners seen from either side.

A relation is stored once, left -> right ("A subsidiary of B"). The company
form shows it from both sides: each relation gives two "side" rows, one for
each partner, whose ids are derived from the relation id so that a side row
always finds its relation again.
"""


def side_id(relation_id, inverse):
    """Id of the side row of a relation: seen from the left (2n) or the right (2n+1)."""
    return relation_id * 2 + (1 if inverse else 0)


def relation_of_side(side):
    """Side row id -> (relation id, inverse)."""
    return side // 2, bool(side % 2)


def wording_key(type_id, inverse):
    return "%d:%s" % (type_id, "inverse" if inverse else "direct")


def parse_wording_key(key):
    """'12:inverse' -> (12, True); raises ValueError on anything else."""
    type_part, _sep, direction = (key or "").partition(":")
    if not type_part.isdigit() or direction not in ("direct", "inverse"):
        raise ValueError("not a relation wording: %r" % (key,))
    return int(type_part), direction == "inverse"


def periods_overlap(start1, end1, start2, end2):
    """Whether two periods share a day. None/False means open-ended.

    Works on anything comparable (dates, or ISO date strings as Odoo 11 stores them).
    """
    if start1 and end2 and start1 > end2:
        return False
    if start2 and end1 and start2 > end1:
        return False
    return True
