"""Round-robin assignment: who gets the next record, in turn.

Pure ordering, no database: the members are ``(sort_key, member_id)`` pairs
(the models use ``((name or "").lower(), id)``, so the turn goes in
alphabetical order and two people of the same name keep a stable order), and
``last`` is the pair of the member who got the previous record. The lock that
makes two records arriving at the same moment go to two different members is
the model's business (``crm.round.robin.mixin``).
"""


def member_key(name, member_id):
    """The sort key of a member: its name without case, then its id."""
    return ((name or "").lower(), member_id)


def next_in_turn(members, last=None):
    """The id of the member who gets the next record, or None without members.

    ``members``: iterable of ``(sort_key, member_id)``, in any order.
    ``last``: the sort key of the member who got the previous record, or None.
    The turn goes to the first member after ``last`` in order, back to the
    first one after the last; a ``last`` who left the list still marks the
    place: the turn goes to who came after them.
    """
    ordered = sorted(members)
    if not ordered:
        return None
    if last is not None:
        for key, member_id in ordered:
            if key > tuple(last):
                return member_id
    return ordered[0][1]
